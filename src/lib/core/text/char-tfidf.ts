/**
 * scikit-learn's `TfidfVectorizer(analyzer="char_wb")`, exactly, so a model trained in Python on
 * free text (a VAT return's remark, a typed question) can be fed the same numbers in the browser.
 *
 * Semantics of scikit-learn 1.9 (`sklearn/feature_extraction/text.py`, `_char_wb_ngrams`,
 * `TfidfTransformer`): optional `str.lower()`; the text split on Unicode whitespace as Python's
 * `str.split()` does; each word padded with one space on each side; for n in the range the n-grams
 * over code points, where a padded word shorter than n gives itself once and ends the loop over n;
 * tf = the counts of n-grams in the vocabulary (`1 + ln tf` when sublinear); × idf; then the row's
 * norm. Held to scikit-learn by `test/fixtures/text/char-tfidf.json` (`models/text_fixtures.py`).
 */

/** The fitted vectorizer as the Python side writes it (JSON, e.g. in a model card). */
export interface CharTfidfSpec {
  analyzer: 'char_wb';
  /** Inclusive, as scikit-learn's `ngram_range`. */
  ngram_range: [number, number];
  lowercase: boolean;
  /** Feature j's n-gram at index j (scikit-learn's `get_feature_names_out()`). */
  vocabulary: string[];
  /** `idf_`, one per vocabulary entry; null or absent when the vectorizer had `use_idf=False`. */
  idf?: number[] | null;
  sublinear_tf: boolean;
  norm: 'l2' | 'l1' | null;
}

/** One n-gram occurrence, located in the original text (UTF-16 code units). */
export interface NgramOccurrence {
  /** Vocabulary index, or -1 for an n-gram the vocabulary does not hold. */
  index: number;
  /** The word's position among the text's whitespace-separated words, from 0. */
  word: number;
  /** The word's span in the original string: char_wb n-grams never cross a word. */
  start: number;
  end: number;
}

export interface CharTfidf {
  readonly spec: CharTfidfSpec;
  /** Vocabulary size: the number of values `transform` writes. */
  readonly width: number;
  /** Writes the text's TF-IDF values into out[offset, offset + width); an empty text gives zeros. */
  transform(text: string, out: Float32Array | Float64Array, offset?: number): void;
  /** Every n-gram occurrence in scikit-learn's order, with the word it lies in. */
  occurrences(text: string): NgramOccurrence[];
  /** The n-grams themselves, in the same order (scikit-learn's `build_analyzer()(text)`). */
  ngrams(text: string): string[];
}

// Python's str.isspace(): Unicode White_Space plus the information separators U+001C–U+001F;
// unlike JavaScript's \s it has U+0085 and no U+FEFF.
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

interface Word {
  start: number;
  end: number;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (PY_SPACE.test(text[i])) {
      if (start >= 0) out.push({ start, end: i });
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push({ start, end: text.length });
  return out;
}

/** The n-grams of one padded word, in scikit-learn's order. */
function wordNgrams(padded: string[], min: number, max: number, visit: (gram: string) => void): void {
  const len = padded.length;
  for (let n = min; n <= max; n++) {
    let offset = 0;
    visit(padded.slice(offset, offset + n).join(''));
    while (offset + n < len) {
      offset += 1;
      visit(padded.slice(offset, offset + n).join(''));
    }
    if (offset === 0) break;
  }
}

export function compileCharTfidf(spec: CharTfidfSpec): CharTfidf {
  if (spec.analyzer !== 'char_wb') throw new RangeError(`analyzer ${String(spec.analyzer)} is not char_wb`);
  const [min, max] = spec.ngram_range;
  if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min)) {
    throw new RangeError(`ngram_range [${min}, ${max}] is not a range of n-gram lengths`);
  }
  const width = spec.vocabulary.length;
  const idf = spec.idf ?? null;
  if (idf && idf.length !== width) throw new RangeError(`idf has ${idf.length} values for ${width} n-grams`);
  const index = new Map<string, number>();
  spec.vocabulary.forEach((gram, j) => index.set(gram, j));

  function eachNgram(text: string, visit: (gram: string, w: number, word: Word) => void): void {
    words(text).forEach((word, w) => {
      const raw = text.slice(word.start, word.end);
      const padded = Array.from(` ${spec.lowercase ? raw.toLowerCase() : raw} `);
      wordNgrams(padded, min, max, (gram) => visit(gram, w, word));
    });
  }

  const counts = new Map<number, number>();
  return {
    spec,
    width,
    transform(text, out, offset = 0) {
      out.fill(0, offset, offset + width);
      if (!text) return;
      counts.clear();
      eachNgram(text, (gram) => {
        const j = index.get(gram);
        if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
      });
      // float64 throughout, as scikit-learn, rounded once when written into a float32 row.
      const cols = [...counts.keys()];
      const vals = cols.map((j) => {
        const tf = counts.get(j)!;
        return (spec.sublinear_tf ? 1 + Math.log(tf) : tf) * (idf ? idf[j] : 1);
      });
      let norm = 1;
      if (spec.norm === 'l2') norm = Math.sqrt(vals.reduce((s, v) => s + v * v, 0));
      else if (spec.norm === 'l1') norm = vals.reduce((s, v) => s + Math.abs(v), 0);
      if (norm === 0) norm = 1;
      for (let k = 0; k < cols.length; k++) out[offset + cols[k]] = vals[k] / norm;
    },
    occurrences(text) {
      const out: NgramOccurrence[] = [];
      if (!text) return out;
      eachNgram(text, (gram, w, word) => out.push({ index: index.get(gram) ?? -1, word: w, start: word.start, end: word.end }));
      return out;
    },
    ngrams(text) {
      const out: string[] = [];
      if (text) eachNgram(text, (gram) => out.push(gram));
      return out;
    },
  };
}
