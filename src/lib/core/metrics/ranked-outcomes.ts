import { rankOrder } from './rank-order';
import { isLabel, type NumberColumn } from './types';

/** The rows that have both a score and a known outcome, best first. */
export interface RankedOutcomes {
  /** Row indices by descending probability, ties in input order. */
  rows: Uint32Array;
  /** Their probabilities (descending). */
  score: Float64Array;
  /** 1 where the outcome is an incorrect deduction, else 0. */
  positive: Uint8Array;
  /** Number of 1s in `positive`. */
  positives: number;
}

/**
 * Every metric that compares scores with outcomes works on these rows only: a row that was
 * not scored (NaN probability, e.g. rejected) or whose outcome is unknown (NaN label) is left
 * out, as scikit-learn would require before it is called.
 */
export function rankedOutcomes(prob: NumberColumn, label: NumberColumn, subset?: Uint32Array): RankedOutcomes {
  const order = rankOrder(prob, subset);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    if (prob[r] === prob[r] && isLabel(label[r])) order[n++] = r;
  }
  const rows = order.slice(0, n);
  const score = new Float64Array(n);
  const positive = new Uint8Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    score[i] = prob[rows[i]];
    const y = label[rows[i]] === 1 ? 1 : 0;
    positive[i] = y;
    positives += y;
  }
  return { rows, score, positive, positives };
}
