import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { breaksRule, ruleChoice } from '../explain/rule-sentence';
import type { FeatureRule, ModelCard, RuleTemplate } from '../model/card';
import { readModel } from '../model/read-card';
import { MIN_PUSH, reasonText, rowReasons } from './reasons';

/**
 * The reason builder against the rule module's own figures: test/fixtures/reasons/records.json
 * is written by models/write_reason_fixtures.py from the generator (records per error
 * mechanism M1–M9 and per legitimate look-alike) with the sentence models/reason_rules.py
 * picks for each feature with a rule, from rules_2024.py's figures. The rules here are the
 * bundled card's, so the card, the Python rules and the app are checked to agree.
 */
interface Fixture {
  breaks: RuleTemplate[];
  rules: Record<string, FeatureRule>;
  records: { group: 'mechanism' | 'lookalike'; mechanism: string; row: number; values: Record<string, number | null>; expected: Record<string, RuleTemplate | null> }[];
}
const fixture: Fixture = JSON.parse(readFileSync('test/fixtures/reasons/records.json', 'utf8'));
const card = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx'))).card! as ModelCard;
const MECHANISMS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9'];

const valuesOf = (r: Fixture['records'][number]) => card.features.map((f) => r.values[f.name] ?? NaN);
const t = (locale: 'nb' | 'nn' | 'en') => (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
/** Intl writes no-break and narrow no-break spaces; the sentences are compared with plain ones. */
const plain = (s: string) => s.replace(/\s/g, ' ');

/** φ that puts `feature` first with a push well above MIN_PUSH and nothing else. */
function pushOnly(feature: number): Float64Array {
  const phi = new Float64Array(card.features.length + 1);
  phi[feature] = 1;
  phi[card.features.length] = -4;
  return phi;
}

describe('the bundled card carries the rule module’s rules', () => {
  it('each rule on the card is the fixture’s, figure for figure', () => {
    const onCard = Object.fromEntries(card.features.filter((f) => f.rule).map((f) => [f.name, f.rule]));
    expect(onCard).toEqual(fixture.rules);
    expect(onCard.fagforening_krevd!.cap).toBe(8000);
    expect(onCard.gaver_krevd!.cap).toBe(25000);
  });
});

describe('reason sentences for each error mechanism and its look-alikes (rules_2024.py)', () => {
  for (const group of ['mechanism', 'lookalike'] as const) {
    for (const m of MECHANISMS) {
      const records = fixture.records.filter((r) => r.group === group && r.mechanism === m);
      it(`${group === 'mechanism' ? m : `${m} look-alike`}: the app picks the rule sentence exactly where the Python rule check does`, () => {
        expect(records.length).toBeGreaterThan(0);
        for (const r of records) {
          const values = valuesOf(r);
          for (const [name, expected] of Object.entries(r.expected)) {
            const j = card.features.findIndex((f) => f.name === name);
            const rule = card.features[j].rule!;
            const choice = ruleChoice(rule, values[j], (n) => values[card.features.findIndex((f) => f.name === n)] ?? NaN);
            expect(choice?.template ?? null, `row ${r.row} ${name}`).toBe(expected);
            // Through the whole builder too: the feature as the one reason of the row.
            const [reason] = rowReasons(card, values, pushOnly(j), () => new Float64Array([0]), 'nb');
            expect(reason.rule, `row ${r.row} ${name}`).toBe(expected);
            if (group === 'lookalike' && expected) expect(breaksRule(rule, expected), `look-alike row ${r.row}: ${name} ${expected}`).toBe(false);
          }
        }
      });
    }
  }

  it('the mechanisms that break a figure of the return get the rule-breaking sentence', () => {
    const broken = (m: string) =>
      fixture.records.filter((r) => r.group === 'mechanism' && r.mechanism === m).flatMap((r) => Object.entries(r.expected).filter(([name, x]) => x && breaksRule(fixture.rules[name], x)).map(([name, x]) => `${name}:${x}`));
    expect(broken('M3')).toContain('reisefradrag:threshold_not_subtracted');
    expect(broken('M5')).toContain('fagforening_krevd:above_cap');
    expect(broken('M7')).toContain('gaver_krevd:above_cap');
    expect(broken('M9')).toEqual([]);
  });
});

describe('rowReasons', () => {
  const index = (name: string) => card.features.findIndex((f) => f.name === name);
  const row = (set: Record<string, number>) => {
    const values = new Float64Array(card.features.length).fill(0);
    for (const [k, x] of Object.entries(set)) values[index(k)] = x;
    return values;
  };

  it('says the rule with its figures from the card, the unit once, in nb, nn and en', () => {
    const values = row({ fagforening_krevd: 9000, fagforening_forhandsutfylt: 6000 });
    const text = (locale: 'nb' | 'nn' | 'en') => rowReasons(card, values, pushOnly(index('fagforening_krevd')), () => [0], locale).map((r) => plain(reasonText(r, t(locale))));
    expect(text('nb')).toEqual(['Krevd fagforeningsfradrag 9 000 kr er over taket på 8 000 kr']);
    expect(text('nn')).toEqual(['Kravd fagforeiningsfrådrag 9 000 kr er over taket på 8 000 kr']);
    expect(text('en')).toEqual(['Union dues claimed NOK 9,000 are above the cap of NOK 8,000']);
  });

  it('compares with the register or pre-filled value when no rule is broken', () => {
    const values = row({ reise_km_oppgitt: 86, avstand_reg_km: 12 });
    const [r] = rowReasons(card, values, pushOnly(index('reise_km_oppgitt')), () => [0], 'nb');
    expect(plain(reasonText(r, t('nb')))).toBe('Oppgitt reiseavstand 86 km mot 12 km i registeret');
  });

  it('names days and position for a full year claimed part-time', () => {
    const values = row({ reise_dager_oppgitt: 230, stillingsprosent: 40 });
    const [r] = rowReasons(card, values, pushOnly(index('reise_dager_oppgitt')), () => [0], 'nb');
    expect(plain(reasonText(r, t('nb')))).toBe('Krever 230 arbeidsdager med 40 % stilling');
  });

  it('falls back to the percentile sentence, with the unit once', () => {
    const values = row({ avstand_reg_km: 6.8 });
    const sorted = new Float64Array([1, 2, 3, 4, 6.8]);
    const [r] = rowReasons(card, values, pushOnly(index('avstand_reg_km')), () => sorted, 'nb');
    expect(r.rule).toBeNull();
    expect(plain(reasonText(r, t('nb')))).toBe('Registrert reiseavstand 6,8 km — høyere enn 80 % i denne filen');
  });

  it('leaves out features that do not move the risk noticeably, and may give fewer than three', () => {
    const phi = new Float64Array(card.features.length + 1);
    phi[index('gaver_krevd')] = 0.9;
    phi[index('alder')] = MIN_PUSH['log-odds'] * 0.99;
    phi[index('gjeld')] = MIN_PUSH['log-odds'];
    const reasons = rowReasons(card, row({}), phi, () => [0], 'nb');
    expect(reasons.map((r) => card.features[r.feature].name)).toEqual(['gaver_krevd', 'gjeld']);
    expect(rowReasons(card, row({}), new Float64Array(card.features.length + 1), () => [0], 'nb')).toEqual([]);
  });
});
