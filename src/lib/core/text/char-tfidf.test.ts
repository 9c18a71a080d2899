import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCharTfidf, type CharTfidfSpec } from './char-tfidf';

interface Case {
  spec: CharTfidfSpec;
  texts: string[];
  ngrams: string[][];
  rows: [number, number][][];
}
const fixture = JSON.parse(readFileSync(new URL('../../../../test/fixtures/text/char-tfidf.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

describe('char_wb TF-IDF against scikit-learn', () => {
  fixture.cases.forEach((c, k) => {
    const label = `case ${k}: n ${c.spec.ngram_range.join('–')}, lowercase ${c.spec.lowercase}, sublinear ${c.spec.sublinear_tf}, norm ${c.spec.norm}, idf ${c.spec.idf ? 'yes' : 'no'}`;
    const tfidf = compileCharTfidf(c.spec);

    it(`${label}: the same n-grams in the same order`, () => {
      c.texts.forEach((text, i) => expect(tfidf.ngrams(text), JSON.stringify(text)).toEqual(c.ngrams[i]));
    });

    it(`${label}: the same values (1e-12) into float64 and float32 rows at an offset`, () => {
      const wide = new Float64Array(tfidf.width + 3).fill(7);
      const narrow = new Float32Array(tfidf.width);
      c.texts.forEach((text, i) => {
        const want = new Float64Array(tfidf.width);
        for (const [j, v] of c.rows[i]) want[j] = v;
        tfidf.transform(text, wide, 2);
        tfidf.transform(text, narrow);
        expect(wide[0]).toBe(7);
        expect(wide[tfidf.width + 2]).toBe(7);
        for (let j = 0; j < tfidf.width; j++) {
          expect(Math.abs(wide[2 + j] - want[j]), `${JSON.stringify(text)} column ${j}`).toBeLessThan(1e-12);
          expect(narrow[j]).toBe(Math.fround(wide[2 + j]));
        }
      });
    });
  });

  it('locates every occurrence in its word of the original text, in vocabulary or not', () => {
    const spec = fixture.cases[0].spec;
    const tfidf = compileCharTfidf(spec);
    const text = '  Privat\u00a0kjøp 🚗  ukjentord';
    const occ = tfidf.occurrences(text);
    expect(occ.map((o) => o.index)).toEqual(tfidf.ngrams(text).map((g) => spec.vocabulary.indexOf(g)));
    const spans = [...new Set(occ.map((o) => `${o.word}:${text.slice(o.start, o.end)}`))];
    expect(spans).toEqual(['0:Privat', '1:kjøp', '2:🚗', '3:ukjentord']);
    expect(occ.some((o) => o.index === -1)).toBe(true);
  });

  it('refuses a spec it cannot honour', () => {
    const spec = fixture.cases[0].spec;
    expect(() => compileCharTfidf({ ...spec, ngram_range: [3, 2] })).toThrow(RangeError);
    expect(() => compileCharTfidf({ ...spec, idf: [1] })).toThrow(RangeError);
    expect(() => compileCharTfidf({ ...spec, analyzer: 'word' as 'char_wb' })).toThrow(RangeError);
  });
});
