import type { CharTfidf } from '../text/char-tfidf';

/** One word of a text and the part of the text's contribution its n-grams carry. */
export interface WordContribution {
  /** Position among the text's whitespace-separated words, from 0. */
  word: number;
  /** The word's span in the original text (UTF-16 code units), for highlighting. */
  start: number;
  end: number;
  /** Log-odds: Σ over the word's n-grams of φ_j, an n-gram that occurs k times giving φ_j / k to each occurrence. */
  contribution: number;
}

export interface TextExplanation {
  /** Every word in text order, those whose n-grams the vocabulary lacks with 0. */
  words: WordContribution[];
  /** "What the text does not say": the part of n-grams absent from it, −Σ_absent w_j·mean_j. */
  absent: number;
  /** The text feature's contribution: Σ words + absent. */
  total: number;
}

/**
 * Each slot's mean over the texts (the TF-IDF columns' means): the background of the text's
 * slots, as the feature's own column mean is of its score. `keep(r)` leaves out rows that are
 * not explained (rejected), the rows columnMeans skips because their value is NaN.
 */
export function slotMeans(tfidf: CharTfidf, texts: readonly string[], keep: (row: number) => boolean = () => true): Float64Array {
  const sum = new Float64Array(tfidf.width);
  const row = new Float64Array(tfidf.width);
  let n = 0;
  texts.forEach((text, r) => {
    if (!keep(r)) return;
    n++;
    if (!text || text.trim() === '') return;
    tfidf.transform(text, row, 0);
    for (let j = 0; j < row.length; j++) if (row[j] !== 0) sum[j] += row[j];
  });
  return n > 0 ? sum.map((s) => s / n) : sum;
}

/**
 * A text feature's exact linear SHAP split over its slots and then its words (Lundberg & Lee
 * 2017, linear SHAP with independent features): slot j's φ_j = w_j (x_j − mean_j). An n-gram
 * present in the text belongs to the words it occurs in (char_wb n-grams never cross a word;
 * core/text/char-tfidf.ts), split evenly when it occurs in several; the slots the text leaves
 * at 0 give −w_j·mean_j each, summed as `absent`. Σ words + absent = Σ_j φ_j, the feature's
 * φ, exactly (float64); the engines' φ is that value rounded to float32.
 */
export function explainText(tfidf: CharTfidf, weights: ArrayLike<number>, means: ArrayLike<number>, text: string): TextExplanation {
  const x = new Float64Array(tfidf.width);
  tfidf.transform(text, x, 0);
  const occurrences = tfidf.occurrences(text);
  const count = new Map<number, number>();
  for (const o of occurrences) if (o.index >= 0) count.set(o.index, (count.get(o.index) ?? 0) + 1);
  const words: WordContribution[] = [];
  for (const o of occurrences) {
    let w = words[words.length - 1];
    if (!w || w.word !== o.word) words.push((w = { word: o.word, start: o.start, end: o.end, contribution: 0 }));
    if (o.index >= 0) w.contribution += (weights[o.index] * (x[o.index] - means[o.index])) / count.get(o.index)!;
  }
  let absent = 0;
  for (let j = 0; j < tfidf.width; j++) if (x[j] === 0) absent -= weights[j] * means[j];
  let total = absent;
  for (const w of words) total += w.contribution;
  return { words, absent, total };
}

/** The word that raises the score most (largest positive contribution), or null when none does. */
export function strongestWord(e: TextExplanation): WordContribution | null {
  let best: WordContribution | null = null;
  for (const w of e.words) if (w.contribution > 0 && (!best || w.contribution > best.contribution)) best = w;
  return best;
}
