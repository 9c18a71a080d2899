import { describe, expect, it } from 'vitest';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import { translate } from './translate';
import { vocabularyParams } from './vocabulary-params';

describe('vocabularyParams', () => {
  it('gives every form of every term, and a capitalised twin for the start of a sentence', () => {
    const p = vocabularyParams(NEUTRAL_VOCABULARY, 'en');
    expect(p).toMatchObject({ row_1: 'row', row_n: 'rows', row_def: 'the rows', Row_def: 'The rows', pos_n: 'positives', subj_1: 'unit', task: 'risk of a positive outcome', Task: 'Risk of a positive outcome' });
    expect(vocabularyParams(NEUTRAL_VOCABULARY, 'nn').subj_n).toBe('einingar');
  });

  it('fills a template through translate like any parameter', () => {
    expect(translate('en', 'no.such.key {Row_n} with {pos_n}', vocabularyParams(NEUTRAL_VOCABULARY, 'en'))).toBe('no.such.key Rows with positives');
  });
});
