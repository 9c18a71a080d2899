import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCharTfidf } from '../text/char-tfidf';
import { explainText, slotMeans, strongestWord } from './text-contributions';
import { strongestWordOf, textColumn, textExplainers } from './text-explainer';
import { readModel } from '../model/read-card';
import { rowReasons, reasonText } from '../export/reasons';
import { translate } from '../../i18n/translate';
import type { ModelCard } from '../model/card';

/**
 * A vocabulary small enough to do by hand: bigrams " a", "ab", "a " (indices 0, 1, 2), raw
 * counts (no idf, no norm). "ab a" pads to " ab " and " a ": " a" twice (once per word), "ab"
 * and "a " once, "b " not in the vocabulary, so x = [2, 1, 1].
 */
const tfidf = compileCharTfidf({ analyzer: 'char_wb', ngram_range: [2, 2], lowercase: true, vocabulary: [' a', 'ab', 'a '], idf: null, sublinear_tf: false, norm: null });
const weights = [0.5, 2, -1];
const means = [1, 0.25, 0.5];

describe('a text feature split over its words', () => {
  it('gives each word its n-grams’ φ, a shared n-gram split evenly (by hand)', () => {
    const e = explainText(tfidf, weights, means, 'ab a');
    // φ = w (x − mean) = [0.5, 1.5, −0.5]; " a" is in both words: 0.25 each.
    expect(e.words).toEqual([
      { word: 0, start: 0, end: 2, contribution: 1.75 },
      { word: 1, start: 3, end: 4, contribution: -0.25 },
    ]);
    expect(e.absent).toBe(0);
    expect(e.total).toBe(1.5);
    expect(strongestWord(e)?.word).toBe(0);
  });

  it('puts the n-grams a text lacks on their own line: −Σ w·mean (by hand)', () => {
    const e = explainText(tfidf, weights, means, 'B');
    expect(e.words).toEqual([{ word: 0, start: 0, end: 1, contribution: 0 }]);
    // −(0.5·1 + 2·0.25 − 1·0.5) = −0.5
    expect(e.absent).toBe(-0.5);
    expect(e.total).toBe(-0.5);
    expect(strongestWord(e)).toBeNull();
    expect(explainText(tfidf, weights, means, '').words).toEqual([]);
  });

  it('averages the slots over the rows kept, an empty text counting as zeros', () => {
    expect(Array.from(slotMeans(tfidf, ['ab a', '', 'b']))).toEqual([2 / 3, 1 / 3, 1 / 3]);
    expect(Array.from(slotMeans(tfidf, ['ab a', '', 'b'], (r) => r > 0))).toEqual([0, 0, 0]);
  });
});

describe('the text explainer of a scored file', () => {
  const card = readModel(new Uint8Array(readFileSync('public/model/vat-remarks.onnx'))).card! as ModelCard;
  const model = readModel(new Uint8Array(readFileSync('public/model/vat-remarks.onnx'))).model!;
  const ingest = {
    rows: 3,
    status: Uint8Array.from([0, 2, 0]),
    plan: { featureColumns: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 8]), passthrough: [7, 8] },
    passthrough: { columns: [['a', 'b', 'c'], ['privat kjøp', 'privat', '']] },
  };

  it('finds the text column among the passthrough columns by the feature’s column', () => {
    expect(textColumn(ingest, 7)).toEqual(['privat kjøp', 'privat', '']);
    expect(textColumn({ ...ingest, plan: { ...ingest.plan, passthrough: [7] } }, 7)).toBeNull();
  });

  it('quotes the strongest word as the file writes it, leaving rejected rows out of the means', () => {
    const [e] = textExplainers(card, model.text, ingest);
    expect(e.feature).toBe(7);
    // Rows 0 and 2 kept: the means are half of row 0's TF-IDF.
    const row = new Float64Array(e.tfidf.width);
    e.tfidf.transform('privat kjøp', row, 0);
    expect(Math.max(...Array.from(e.means, (m, j) => Math.abs(m - row[j] / 2)))).toBeLessThan(1e-15);
    expect(strongestWordOf(e, 0)).toBe('privat');
    expect(strongestWordOf(e, 2)).toBeNull();
  });

  it('makes the text feature’s reason quote the word, or say the wording raises the risk', () => {
    const contrib = [0, 0, 0, 0, 0, 0, 0, 1, -3];
    const values = [0, 0, 0, 0, 0, 0, 0, 2];
    const t = (key: string, params?: Record<string, string | number>) => translate('nb', key, params);
    const [quoted] = rowReasons(card, values, contrib, () => [], 'nb', 'log-odds', 3, () => 'privat');
    expect(reasonText(quoted, t)).toBe('Merknad nevner «privat»');
    const [plain] = rowReasons(card, values, contrib, () => [], 'nb');
    expect(reasonText(plain, t)).toBe('Merknad: ordlyden trekker risikoen opp');
  });
});
