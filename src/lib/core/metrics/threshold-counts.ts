import type { RankedOutcomes } from './ranked-outcomes';

/** True and false positives when every row scoring at least `threshold[j]` is flagged. */
export interface ThresholdCounts {
  /** Distinct scores, descending. */
  threshold: Float64Array;
  tps: Float64Array;
  fps: Float64Array;
}

/**
 * Counts at each distinct score, the last row of each tie group closing it: the same as
 * scikit-learn's `_binary_clf_curve` / `confusion_matrix_at_thresholds` (unweighted), which
 * roc_curve and precision_recall_curve are built on. Ties thus move as one block, which is
 * what makes ROC AUC the tie-corrected Mann–Whitney statistic.
 */
export function thresholdCounts(ranked: RankedOutcomes): ThresholdCounts {
  const { score, positive } = ranked;
  const n = score.length;
  let groups = 0;
  for (let i = 0; i < n; i++) if (i === n - 1 || score[i] !== score[i + 1]) groups++;
  const threshold = new Float64Array(groups);
  const tps = new Float64Array(groups);
  const fps = new Float64Array(groups);
  let tp = 0;
  let g = 0;
  for (let i = 0; i < n; i++) {
    tp += positive[i];
    if (i === n - 1 || score[i] !== score[i + 1]) {
      threshold[g] = score[i];
      tps[g] = tp;
      fps[g] = i + 1 - tp;
      g++;
    }
  }
  return { threshold, tps, fps };
}
