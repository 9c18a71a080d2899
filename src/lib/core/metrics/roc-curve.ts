import { rankedOutcomes, type RankedOutcomes } from './ranked-outcomes';
import { thresholdCounts, type ThresholdCounts } from './threshold-counts';
import type { NumberColumn } from './types';

/** Receiver operating characteristic: false and true positive rates as the threshold falls. */
export interface RocCurve {
  /** Starts at 0; NaN throughout when there are no negatives. */
  fpr: Float64Array;
  /** Starts at 0; NaN throughout when there are no positives. */
  tpr: Float64Array;
  /** +Infinity first (flag nothing), then the distinct scores descending. */
  thresholds: Float64Array;
  /** Area under the curve (trapezoid); NaN unless both classes are present. */
  auc: number;
}

export interface RocOptions {
  subset?: Uint32Array;
  /** Drop points collinear with their neighbours, as scikit-learn does by default. */
  dropIntermediate?: boolean;
}

/**
 * ROC curve and AUC as scikit-learn 1.9 `roc_curve` / `roc_auc_score` define them, on the rows
 * that are scored and labelled. Tied scores move as one step, so the AUC equals the
 * Mann–Whitney U statistic with ties counted as half (Fawcett 2006, "An introduction to ROC
 * analysis", Pattern Recognition Letters 27(8), §5 and Algorithm 2).
 */
export function rocCurve(prob: NumberColumn, label: NumberColumn, options: RocOptions = {}): RocCurve {
  return rocFromRanked(rankedOutcomes(prob, label, options.subset), options.dropIntermediate ?? true);
}

export function rocAuc(prob: NumberColumn, label: NumberColumn, subset?: Uint32Array): number {
  return rocFromRanked(rankedOutcomes(prob, label, subset), true).auc;
}

export function rocFromRanked(ranked: RankedOutcomes, dropIntermediate = true): RocCurve {
  let counts = thresholdCounts(ranked);
  if (dropIntermediate && counts.tps.length > 2) counts = dropCollinear(counts);
  const m = counts.tps.length;
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  thresholds[0] = Infinity;
  thresholds.set(counts.threshold, 1);
  const negatives = m > 0 ? counts.fps[m - 1] : 0;
  const positives = m > 0 ? counts.tps[m - 1] : 0;
  for (let j = 0; j < m; j++) {
    fpr[j + 1] = negatives > 0 ? counts.fps[j] / negatives : NaN;
    tpr[j + 1] = positives > 0 ? counts.tps[j] / positives : NaN;
  }
  if (negatives === 0) fpr[0] = NaN;
  if (positives === 0) tpr[0] = NaN;
  return { fpr, tpr, thresholds, auc: negatives > 0 && positives > 0 ? trapezoid(fpr, tpr) : NaN };
}

/** Keeps a point only where the curve turns (second difference of fps or tps non-zero), plus both ends. */
function dropCollinear(c: ThresholdCounts): ThresholdCounts {
  const m = c.tps.length;
  const keep: number[] = [0];
  for (let j = 1; j < m - 1; j++) {
    const dfp = c.fps[j + 1] - 2 * c.fps[j] + c.fps[j - 1];
    const dtp = c.tps[j + 1] - 2 * c.tps[j] + c.tps[j - 1];
    if (dfp !== 0 || dtp !== 0) keep.push(j);
  }
  keep.push(m - 1);
  const pick = (a: Float64Array) => Float64Array.from(keep, (j) => a[j]);
  return { threshold: pick(c.threshold), tps: pick(c.tps), fps: pick(c.fps) };
}

function trapezoid(x: Float64Array, y: Float64Array): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}
