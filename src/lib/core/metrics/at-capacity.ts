import { clampCapacity } from './clamp-capacity';
import { scoredCount } from './rank-order';
import { isLabel, type NumberColumn } from './types';

/**
 * What selecting the first k scored rows of a ranking does, judged on the rows whose outcome is
 * known. Selected rows without a label count in `selected` but in no cell of the confusion matrix.
 */
export interface AtCapacity {
  /** Rows selected: k rounded and clamped to the number of scored rows (clampCapacity). */
  selected: number;
  selectedUnlabelled: number;
  /** Confusion matrix over labelled scored rows; "predicted incorrect" = selected. */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  labelled: number;
  positives: number;
  /** positives / labelled. */
  baseRate: number;
  /** tp / (tp + fp): hit rate among the selected with a known outcome. */
  precision: number;
  /** tp / positives: share of the known incorrect deductions that the selection finds. */
  recall: number;
  /** precision / baseRate. */
  lift: number;
}

/** `order` is a rankOrder (NaN rows last); k is a count of rows. O(n). */
export function atCapacity(order: Uint32Array, prob: NumberColumn, label: NumberColumn, k: number): AtCapacity {
  const scored = scoredCount(order, prob);
  const selected = clampCapacity(k, scored);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < scored; i++) {
    const y = label[order[i]];
    if (!isLabel(y)) continue;
    if (i < selected) {
      if (y === 1) tp++;
      else fp++;
    } else if (y === 1) fn++;
    else tn++;
  }
  const labelled = tp + fp + fn + tn;
  const positives = tp + fn;
  const baseRate = labelled > 0 ? positives / labelled : NaN;
  const precision = tp + fp > 0 ? tp / (tp + fp) : NaN;
  return {
    selected,
    selectedUnlabelled: selected - tp - fp,
    tp,
    fp,
    fn,
    tn,
    labelled,
    positives,
    baseRate,
    precision,
    recall: positives > 0 ? tp / positives : NaN,
    lift: positives > 0 ? precision / baseRate : NaN,
  };
}
