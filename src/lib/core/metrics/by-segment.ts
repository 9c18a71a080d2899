import { clampCapacity } from './clamp-capacity';
import { rankOrder, scoredCount } from './rank-order';
import { rocFromRanked } from './roc-curve';
import { factorizeSegments, type SegmentColumn } from './factorize-segments';
import { isLabel, type NumberColumn } from './types';

export type { SegmentColumn };

/** How the model and the selection fare within one segment. */
export interface SegmentMetrics {
  segment: string;
  /** All rows in the segment, scored or not. */
  rows: number;
  scored: number;
  /** Scored rows with a known outcome. */
  labelled: number;
  positives: number;
  /** positives / labelled; NaN when nothing is labelled. */
  baseRate: number;
  /** ROC AUC within the segment; NaN unless both outcomes occur. */
  auc: number;
  /** Rows of the segment inside the file-wide selection of the first k. */
  selected: number;
  /** selected / scored. */
  selectedShare: number;
  /** Known incorrect deductions of the segment inside the selection / all of them. */
  recallAtCapacity: number;
  /** False when the segment has too few known outcomes for its AUC and recall to mean anything (tooFewToJudge). */
  judgeable: boolean;
}

/** Fewest rows with a known outcome, and fewest of each outcome, for a segment's AUC and recall to be shown. */
export const MIN_SEGMENT_LABELLED = 30;
export const MIN_SEGMENT_OUTCOMES = 5;

/**
 * Too few to judge: fewer than 30 rows with a known outcome, or fewer than 5 of either outcome.
 * The standard error of an AUC grows as the smaller outcome group shrinks (Hanley & McNeil
 * 1982, Radiology 143(1), eq. 2): with 3 positives among 20 rows an AUC of 1.000 is as
 * consistent with a model no better than chance at the 5 % level as with a perfect one, and
 * recall at capacity moves in steps of a third. 30 and 5 are the usual floors for a normal
 * approximation to hold (the same 5 per cell as for a χ² test).
 */
export function tooFewToJudge(labelled: number, positives: number): boolean {
  return labelled < MIN_SEGMENT_LABELLED || positives < MIN_SEGMENT_OUTCOMES || labelled - positives < MIN_SEGMENT_OUTCOMES;
}

/**
 * Per-segment metrics for one file-wide selection of the first k scored rows: the capacity is
 * spent across the whole file, not per segment, so recallAtCapacity shows how well the one list
 * a caseworker gets covers each segment. Segments come in order of first appearance; missing
 * values (null, undefined) form the segment ''. O(n log n) for the ranking, O(n) after it.
 */
export function metricsBySegment(
  prob: NumberColumn,
  label: NumberColumn,
  segment: SegmentColumn,
  k: number,
  order: Uint32Array = rankOrder(prob),
): SegmentMetrics[] {
  const { codes, names } = factorizeSegments(segment, prob.length);
  const s = names.length;
  const rows = new Uint32Array(s);
  const scored = new Uint32Array(s);
  const labelled = new Uint32Array(s);
  const positives = new Uint32Array(s);
  const selected = new Uint32Array(s);
  const selectedPositives = new Uint32Array(s);
  for (let r = 0; r < prob.length; r++) rows[codes[r]]++;

  const nScored = scoredCount(order, prob);
  const cut = clampCapacity(k, nScored);
  for (let i = 0; i < nScored; i++) {
    const r = order[i];
    const c = codes[r];
    scored[c]++;
    if (i < cut) selected[c]++;
    const y = label[r];
    if (!isLabel(y)) continue;
    labelled[c]++;
    if (y === 1) {
      positives[c]++;
      if (i < cut) selectedPositives[c]++;
    }
  }

  // Each segment's labelled rows, still in rank order, side by side (a stable counting sort).
  const start = new Uint32Array(s + 1);
  for (let c = 0; c < s; c++) start[c + 1] = start[c] + labelled[c];
  const fill = start.slice(0, s);
  const total = start[s];
  const sortedRows = new Uint32Array(total);
  const score = new Float64Array(total);
  const positive = new Uint8Array(total);
  for (let i = 0; i < nScored; i++) {
    const r = order[i];
    const y = label[r];
    if (!isLabel(y)) continue;
    const at = fill[codes[r]]++;
    sortedRows[at] = r;
    score[at] = prob[r];
    positive[at] = y;
  }

  const out: SegmentMetrics[] = [];
  for (let c = 0; c < s; c++) {
    const a = start[c];
    const b = start[c + 1];
    const ranked = {
      rows: sortedRows.subarray(a, b),
      score: score.subarray(a, b),
      positive: positive.subarray(a, b),
      positives: positives[c],
    };
    out.push({
      segment: names[c],
      rows: rows[c],
      scored: scored[c],
      labelled: labelled[c],
      positives: positives[c],
      baseRate: labelled[c] > 0 ? positives[c] / labelled[c] : NaN,
      auc: rocFromRanked(ranked, false).auc,
      selected: selected[c],
      selectedShare: scored[c] > 0 ? selected[c] / scored[c] : NaN,
      recallAtCapacity: positives[c] > 0 ? selectedPositives[c] / positives[c] : NaN,
      judgeable: !tooFewToJudge(labelled[c], positives[c]),
    });
  }
  return out;
}
