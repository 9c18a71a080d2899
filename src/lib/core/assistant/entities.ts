import type { ModelCard } from '../model/card';
import { DEDUCTION_RULES, type DeductionId } from './deduction-rules';
import { foldName } from './fold';

/** What a question names, found without the classifier. */
export interface Entities {
  /** Tokens that are row ids of the open file (`isId`), as written; else tokens shaped like one (letters then 5+ digits). */
  ids: string[];
  /** Percentages: "80 %", "80%", "80 prosent", "åtti prosent", "8 av 10", "half". 0–100. */
  percents: number[];
  /** Other plain numbers ("200", "1 000", "1,5"), ids and percentages left out. */
  numbers: number[];
  /** Features of the card named by name, label or alias (folded), by card index, in order of appearance. */
  features: number[];
  /** Deduction items named (deduction-rules.ts). */
  deductions: DeductionId[];
}

// Tens as words in nb, nn and en (folded: "åtti" → "atti"), and halves.
const TENS: Record<string, number> = {
  ti: 10, tjue: 20, tjuge: 20, tretti: 30, forti: 40, forrti: 40, femti: 50, seksti: 60, sytti: 70, sotti: 70, atti: 80, nitti: 90, hundre: 100,
  ten: 10, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const HALF = /(^|[^a-z])(halvparten|halvpart|halve|half)([^a-z]|$)/;
const QUARTERS = /(^|[^a-z])(tre fjerdedeler|tre fjerdedelar|3\/4|three quarters)([^a-z]|$)/;
const THIRDS = /(^|[^a-z])(to tredjedeler|to tredjedelar|two thirds|2\/3)([^a-z]|$)/;
const ID_SHAPE = /^[A-Za-z]{0,4}\d{5,}$/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A number as typed: "1 000", "1.000", "1,5", "80"; NaN when it is not one. */
function parseNumber(text: string): number {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d{1,3}([.]\d{3})+$/.test(t)) return Number(t.replaceAll('.', ''));
  return Number(t.replace(',', '.'));
}

/**
 * Entities of one question. `isId` says whether a token is a row id of the open file (the
 * ScoredFile's id column); `card` gives the feature names and labels.
 */
export function extractEntities(text: string, card: Pick<ModelCard, 'features'> | null, isId: (token: string) => boolean = () => false): Entities {
  const ids: string[] = [];
  const tokens = text.split(/[\s,;:!?()"'«»]+/).map((t) => t.replace(/[.]+$/, '')).filter(Boolean);
  for (const token of tokens) if ((isId(token) || ID_SHAPE.test(token)) && !ids.includes(token)) ids.push(token);

  const folded = foldName(text);
  const percents: number[] = [];
  const numbers: number[] = [];
  const rest = text.replace(/[A-Za-z]{0,4}\d{5,}/g, (m) => (ids.includes(m) ? ' ' : m));
  // "8 av 10", "8 out of 10"
  for (const m of rest.matchAll(/(\d+)\s*(?:av|out of|of)\s*(\d+)/gi)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > 0 && a <= b) percents.push((100 * a) / b);
  }
  const withoutRatios = rest.replace(/(\d+)\s*(?:av|out of|of)\s*(\d+)/gi, ' ');
  for (const m of withoutRatios.matchAll(/(\d[\d\s\u00a0.,]*?\d|\d)\s*(%|prosent|percent|per cent|pct)?(?![\d])/gi)) {
    const value = parseNumber(m[1]);
    if (!Number.isFinite(value)) continue;
    if (m[2]) {
      if (value >= 0 && value <= 100) percents.push(value);
    } else numbers.push(value);
  }
  for (const m of folded.matchAll(/([a-z]+)\s*(prosent|percent|per cent)/g)) {
    const v = TENS[m[1]];
    if (v !== undefined) percents.push(v);
  }
  if (HALF.test(folded)) percents.push(50);
  if (QUARTERS.test(folded)) percents.push(75);
  if (THIRDS.test(folded)) percents.push(200 / 3);

  const features: { index: number; at: number }[] = [];
  if (card) {
    card.features.forEach((feature, index) => {
      const labels = Object.values(feature.label ?? {}).map(String);
      const aliases = (feature.aliases ?? []).map(String);
      // Labels also without their unit ("Sykefravær (dager)" → "Sykefravær"), names and aliases also with spaces.
      const names = [feature.name, ...labels, ...labels.map((l) => l.replace(/\s*\([^)]*\)\s*$/, '')), ...aliases, ...[feature.name, ...aliases].map((n) => n.replaceAll('_', ' '))];
      let at = -1;
      for (const name of names) {
        const n = foldName(String(name)).trim();
        if (n.length < 4) continue;
        const m = new RegExp(`(^|[^a-z0-9_])${escape(n)}($|[^a-z0-9_])`).exec(folded);
        if (m && (at < 0 || m.index < at)) at = m.index;
      }
      if (at >= 0) features.push({ index, at });
    });
  }
  features.sort((a, b) => a.at - b.at || a.index - b.index);

  const deductions: DeductionId[] = [];
  for (const rule of DEDUCTION_RULES) {
    if (rule.names.some((name) => new RegExp(`(^|[^a-z])${escape(name.trim())}`).test(folded))) deductions.push(rule.id);
  }
  return { ids, percents, numbers, features: features.map((f) => f.index), deductions };
}
