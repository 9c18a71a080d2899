import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/lib/core/compare';
import type { Vocabulary } from '../../src/lib/core/model/card';
import { NEUTRAL_VOCABULARY } from '../../src/lib/core/model/neutral-vocabulary';
import { compareSentence, describeComparison } from '../../src/lib/i18n/compare-sentence';

const DEDUCTION: Vocabulary = {
  task: { nb: 'risiko for feil fradrag', nn: 'risiko for feil frådrag', en: 'risk of an incorrect deduction' },
  row: {
    nb: { one: 'skattemelding', other: 'skattemeldinger', definite: 'skattemeldingene' },
    nn: { one: 'skattemelding', other: 'skattemeldingar', definite: 'skattemeldingane' },
    en: { one: 'tax return', other: 'tax returns', definite: 'the tax returns' },
  },
  positive: {
    nb: { one: 'feil fradrag', other: 'feil', definite: 'feilene' },
    nn: { one: 'feil frådrag', other: 'feil', definite: 'feila' },
    en: { one: 'incorrect deduction', other: 'errors', definite: 'the errors' },
  },
  subject: NEUTRAL_VOCABULARY.subject,
};

/** Just the fields the sentence reads: 500 checked, 71 swapped, the finds' difference. */
function comparison(found: { value: number; ci95: [number, number] } | null): Comparison {
  return {
    capacity: 500,
    entering: new Uint32Array(71),
    found: found && { champion: 100, challenger: 100 + found.value, championLabelled: 400, challengerLabelled: 400, difference: found },
  } as unknown as Comparison;
}

describe('the comparison sentence', () => {
  const more = comparison({ value: 12, ci95: [4.2, 19.975] });

  it('says the issue’s example in bokmål, with the task words from the card', () => {
    expect(describeComparison(more, DEDUCTION, 'nb')).toBe(
      'Ved kontroll av 500 skattemeldinger finner utfordreren 12 flere feil (95 %-intervall 4–20); 71 av 500 er byttet ut.',
    );
  });

  it('says the same in nynorsk and English', () => {
    expect(describeComparison(more, DEDUCTION, 'nn')).toBe(
      'Ved kontroll av 500 skattemeldingar finn utfordraren 12 fleire feil (95 %-intervall 4–20); 71 av 500 er bytte ut.',
    );
    expect(describeComparison(more, DEDUCTION, 'en')).toBe('Checking 500 tax returns, the challenger finds 12 more errors (95 % interval 4–20); 71 of 500 are swapped.');
  });

  it('turns a negative difference into "fewer" with the interval of the magnitude', () => {
    const fewer = comparison({ value: -12, ci95: [-20, -4] });
    expect(compareSentence(fewer, DEDUCTION, 'en')).toMatchObject({ key: 'compare.sentence.fewer', params: { diff: 12, lo: 4, hi: 20 } });
    expect(describeComparison(fewer, DEDUCTION, 'nb')).toBe(
      'Ved kontroll av 500 skattemeldinger finner utfordreren 12 færre feil (95 %-intervall 4–20); 71 av 500 er byttet ut.',
    );
    expect(describeComparison(fewer, DEDUCTION, 'nn')).toContain('12 færre feil');
  });

  it('says "as many" for no difference, and only the swaps without labels, in every language', () => {
    const same = comparison({ value: 0, ci95: [-3, 3] });
    expect(describeComparison(same, DEDUCTION, 'en')).toBe(
      'Checking 500 tax returns, the challenger finds as many errors (95 % interval of the difference -3–3); 71 of 500 are swapped.',
    );
    expect(describeComparison(same, DEDUCTION, 'nb')).toContain('like mange feil');
    expect(describeComparison(same, DEDUCTION, 'nn')).toContain('like mange feil');
    const none = comparison(null);
    expect(describeComparison(none, NEUTRAL_VOCABULARY, 'en')).toBe('Checking 500 rows, 71 of 500 are swapped; without known outcomes the finds cannot be compared.');
    expect(describeComparison(none, DEDUCTION, 'nb')).toBe('Ved kontroll av 500 skattemeldinger er 71 av 500 byttet ut; uten kjente utfall kan funnene ikke sammenlignes.');
    expect(describeComparison(none, DEDUCTION, 'nn')).toBe('Ved kontroll av 500 skattemeldingar er 71 av 500 bytte ut; utan kjende utfall kan ikkje funna samanliknast.');
  });
});
