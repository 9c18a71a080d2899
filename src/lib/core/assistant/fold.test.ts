import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold, foldName } from './fold';

const oracle = JSON.parse(readFileSync('test/fixtures/assistant/heldout-oracle.json', 'utf8')) as {
  fold_cases: [string, string][];
  rows: { text: string; folded: string }[];
};

describe('fold', () => {
  it('folds as Python does on awkward inputs', () => {
    for (const [text, folded] of oracle.fold_cases) expect(fold(text), text).toBe(folded);
  });
  it('folds every held-out question as Python does', () => {
    const wrong = oracle.rows.filter((r) => fold(r.text) !== r.folded);
    expect(wrong).toEqual([]);
  });
  it('by hand', () => {
    expect(fold('Hvor mange MÅ jeg sjekke for å finne 80 %?')).toBe('hvor mange ma jeg sjekke for a finne 0 prosent');
    expect(fold('forklaring pa')).toBe(fold('forklaring på'));
    expect(foldName('Sykefravær_dager')).toBe('sykefravaer_dager');
  });
});
