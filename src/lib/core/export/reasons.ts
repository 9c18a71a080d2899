import { topReasons } from '../explain/top-reasons';
import { ruleChoice, type RuleChoice } from '../explain/rule-sentence';
import type { FeatureCard, FeatureUnit, ModelCard, OutputSpace } from '../model/card';
import { percentileInFile } from './percentile-in-file';
import { formatValue, reasonSentenceParams, type ReasonKey, type ReasonLocale } from './reason-sentence';

/**
 * The least push (φ, in the explanation's space) that makes a feature a reason: one that
 * "moves the risk noticeably".
 *
 * Log-odds: ln 1.25 ≈ 0.223, the feature alone raises the odds of the row by a quarter. On
 * the bundled deduction model and its demo sample (public/demo/demo-sample.csv, 2,000 rows,
 * base value −4.30), the third-largest push of the 5 % riskiest rows is 0.57 or more in nine
 * rows of ten (median 0.88), so every row a list selects keeps its three reasons; over all
 * rows the third push is below 0.223 in about a quarter of them, low-risk rows where a
 * reason would be noise (a push of 0.1 moves a 1.3 % risk to 1.5 %). No fixed share of the
 * row's total works as well: the third push is 8–14 % of the positive total on high and
 * low rows alike, so a share would not tell them apart.
 * Probability (averaged forests): one percentage point, the smallest step a risk in percent
 * with no decimals shows.
 */
export const MIN_PUSH: Record<OutputSpace, number> = { 'log-odds': Math.log(1.25), probability: 0.01 };

/** Reasons per row on the list, the case sheet and the record view: at most three, fewer when fewer push noticeably. */
export const MAX_REASONS = 3;

/** One reason: a card template filled in (`text`), or a catalogue key and its parameters for translate(). */
export type Reason =
  | { feature: number; phi: number; rule: RuleChoice['template']; text: string }
  | { feature: number; phi: number; rule: null; key: ReasonKey; params: Record<string, string> };

const INTL_TAG: Record<ReasonLocale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/**
 * Up to `k` reasons for one row: the features pushing its risk up the most (topReasons, ranked
 * in float32 as the worker streams them) whose push is at least MIN_PUSH, each as the card's
 * rule sentence when the value breaks or nears its rule, else the comparison with its
 * pre-filled partner when the card names one and they differ, else the percentile sentence.
 * contrib: F values of φ then the base value; values: the row's F feature values.
 * A text feature's reason quotes the word that raises the score most (`word`, from
 * explain/text-explainer.ts), or says the text raises it when no single word does.
 */
export function rowReasons(
  card: Pick<ModelCard, 'features'>,
  values: ArrayLike<number>,
  contrib: ArrayLike<number>,
  sortedColumn: (feature: number) => ArrayLike<number>,
  locale: ReasonLocale,
  space: OutputSpace = 'log-odds',
  k = MAX_REASONS,
  word: (feature: number) => string | null = () => null,
): Reason[] {
  const f = card.features.length;
  const phi = Float32Array.from({ length: f + 1 }, (_, j) => contrib[j]);
  const byName = new Map(card.features.map((c, i) => [c.name, i]));
  const valueOf = (name: string) => {
    const i = byName.get(name);
    return i === undefined ? NaN : values[i];
  };
  const out: Reason[] = [];
  for (const j of topReasons(phi, 1, f, k)) {
    if (j < 0 || !(phi[j] >= Math.fround(MIN_PUSH[space]))) continue;
    const feature = card.features[j];
    const value = values[j];
    if (feature.kind === 'text') {
      const quoted = word(j);
      const params = { feature: feature.label[locale], value: quoted ?? '', percent: '' };
      out.push({ feature: j, phi: phi[j], rule: null, key: quoted ? 'selection.reason.text_word' : 'selection.reason.text', params });
      continue;
    }
    const choice = feature.rule ? ruleChoice(feature.rule, value, valueOf) : null;
    if (choice) {
      const template = feature.rule!.templates[choice.template]![locale];
      out.push({ feature: j, phi: phi[j], rule: choice.template, text: fill(template, ruleParams(card, feature, value, choice, locale)) });
    } else {
      const { key, params } = reasonSentenceParams(feature, value, percentileInFile(sortedColumn(j), value), locale);
      out.push({ feature: j, phi: phi[j], rule: null, key, params });
    }
  }
  return out;
}

/** A reason as the sentence the caseworker reads. */
export function reasonText(reason: Reason, t: (key: string, params?: Record<string, string | number>) => string): string {
  return reason.rule ? reason.text : t(reason.key, reason.params);
}

/** Values in their unit, once: days as a bare number (the templates say "dager"), counts and ages as plain numbers. */
function ruleParams(card: Pick<ModelCard, 'features'>, feature: FeatureCard, value: number, choice: RuleChoice, locale: ReasonLocale): Record<string, string> {
  const tag = INTL_TAG[locale];
  const rule = feature.rule!;
  const show = (x: number, unit: FeatureUnit) => formatValue(x, unit === 'days' ? 'count' : unit, tag);
  const unitOf = (name: string | undefined): FeatureUnit => card.features.find((c) => c.name === name)?.unit ?? 'count';
  const n = choice.numbers;
  const params: Record<string, string> = { value: show(value, feature.unit) };
  if (rule.cap !== undefined) params.cap = show(rule.cap, feature.unit);
  if (n.limit !== undefined) params.limit = show(n.limit, feature.unit);
  if (rule.years) params.limit = show(rule.years.limit, 'count');
  if (n.prefilled !== undefined) params.prefilled = show(n.prefilled, unitOf(rule.prefilled));
  const otherFeature = { absence_over_allowance: rule.absence?.feature, after_years: rule.years?.feature, full_year_part_time: rule.part_time }[choice.template as string];
  if (n.other !== undefined) params.other = show(n.other, unitOf(otherFeature));
  if (n.count !== undefined) params.count = show(n.count, 'count');
  if (rule.age !== undefined) params.age = show(rule.age, 'count');
  if (rule.absence) params.allowance = show(rule.absence.allowance, 'count');
  if (n.km !== undefined) params.km = show(n.km, 'km');
  if (n.days !== undefined) params.days = show(n.days, 'count');
  if (rule.formula) params.threshold = show(rule.formula.threshold, 'NOK');
  return params;
}

/** {name} → params[name]; an unknown name stays as written, so a template error shows instead of vanishing. */
function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
