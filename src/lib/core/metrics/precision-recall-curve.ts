import { rankedOutcomes, type RankedOutcomes } from './ranked-outcomes';
import { thresholdCounts } from './threshold-counts';
import type { NumberColumn } from './types';

/** Precision–recall curve in scikit-learn's orientation: recall falls along the arrays. */
export interface PrecisionRecallCurve {
  /** One longer than `thresholds`, ending in 1. */
  precision: Float64Array;
  /** One longer than `thresholds`, ending in 0; all 1 (before the final 0) when there are no positives. */
  recall: Float64Array;
  /** Distinct scores, ascending. */
  thresholds: Float64Array;
  /** Average precision (step integral); NaN when there are no positives. */
  averagePrecision: number;
}

export interface PrecisionRecallOptions {
  subset?: Uint32Array;
  /** Keep only the first and last point of each recall level (scikit-learn's option, default off). */
  dropIntermediate?: boolean;
}

/**
 * scikit-learn 1.9 `precision_recall_curve` and `average_precision_score` on the rows that are
 * scored and labelled. Average precision is Σ (R_n − R_{n−1}) P_n, the step integral without
 * interpolation (Manning, Raghavan & Schütze 2008, Introduction to Information Retrieval, §8.4;
 * scikit-learn user guide 3.4.4.9), which — unlike the trapezoid — does not reward
 * optimistic interpolation between operating points.
 *
 * One deliberate difference: with no positive outcome scikit-learn warns and returns 0;
 * here average precision is NaN, because there is nothing to find and 0 would read as a
 * useless model.
 */
export function precisionRecallCurve(
  prob: NumberColumn,
  label: NumberColumn,
  options: PrecisionRecallOptions = {},
): PrecisionRecallCurve {
  return precisionRecallFromRanked(rankedOutcomes(prob, label, options.subset), options.dropIntermediate ?? false);
}

export function averagePrecision(prob: NumberColumn, label: NumberColumn, subset?: Uint32Array): number {
  return precisionRecallFromRanked(rankedOutcomes(prob, label, subset), false).averagePrecision;
}

export function precisionRecallFromRanked(ranked: RankedOutcomes, dropIntermediate = false): PrecisionRecallCurve {
  let { tps, fps, threshold } = thresholdCounts(ranked);
  if (dropIntermediate && tps.length > 2) {
    const keep: number[] = [0];
    for (let j = 1; j < tps.length - 1; j++) if (tps[j] !== tps[j - 1] || tps[j + 1] !== tps[j]) keep.push(j);
    keep.push(tps.length - 1);
    const pick = (a: Float64Array) => Float64Array.from(keep, (j) => a[j]);
    [tps, fps, threshold] = [pick(tps), pick(fps), pick(threshold)];
  }
  const m = tps.length;
  const positives = m > 0 ? tps[m - 1] : 0;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const thresholds = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const out = m - 1 - j;
    const flagged = tps[j] + fps[j];
    precision[out] = flagged > 0 ? tps[j] / flagged : 0;
    recall[out] = positives > 0 ? tps[j] / positives : 1;
    thresholds[out] = threshold[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  let ap = 0;
  for (let i = 0; i < m; i++) ap -= (recall[i + 1] - recall[i]) * precision[i];
  return { precision, recall, thresholds, averagePrecision: positives > 0 ? Math.max(0, ap) : NaN };
}
