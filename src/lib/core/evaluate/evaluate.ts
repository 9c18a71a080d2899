import { clampCapacity } from '../metrics/clamp-capacity';
import {
  atCapacity,
  brierScore,
  calibrationCurve,
  labelCoverageByDecile,
  precisionRecallFromRanked,
  rankedOutcomes,
  rocFromRanked,
  scoredCount,
  type AtCapacity,
  type CalibrationCurve,
  type DecileCoverage,
  type GainsCurve,
  type NumberColumn,
  type PrecisionRecallCurve,
  type RocCurve,
} from '../metrics';

/** Every figure the evaluation view shows for one set of rows (the file, or one segment). */
export interface Evaluation {
  /** Scored rows in view, and those with a known outcome. */
  scored: number;
  labelled: number;
  positives: number;
  /** positives / labelled; NaN when nothing is labelled. */
  baseRate: number;
  roc: RocCurve;
  pr: PrecisionRecallCurve;
  gains: GainsCurve;
  /** Ten equal-width bins, as scikit-learn's calibration_curve(strategy='uniform'). */
  calibration: CalibrationCurve;
  brier: number;
  /** The file-wide selection of the first `capacity` rows, judged on the rows in view. */
  atCapacity: AtCapacity;
  coverage: DecileCoverage[];
}

/** The figures that do not depend on capacity: computed once per file, label and segment. */
export type Curves = Omit<Evaluation, 'atCapacity' | 'labelled' | 'positives' | 'baseRate' | 'scored'>;

/** Rows in view: the indices where `inView` is 1 (ascending), or undefined for every row. */
function subsetOf(inView?: Uint8Array): Uint32Array | undefined {
  if (!inView) return undefined;
  let m = 0;
  for (let r = 0; r < inView.length; r++) m += inView[r];
  const subset = new Uint32Array(m);
  for (let r = 0, j = 0; r < inView.length; r++) if (inView[r]) subset[j++] = r;
  return subset;
}

/** The file's ranking restricted to the rows in view. */
function viewOrderOf(order: Uint32Array, inView?: Uint8Array): Uint32Array {
  if (!inView) return order;
  let m = 0;
  for (let i = 0; i < order.length; i++) m += inView[order[i]];
  const out = new Uint32Array(m);
  for (let i = 0, j = 0; i < order.length; i++) if (inView[order[i]]) out[j++] = order[i];
  return out;
}

/**
 * ROC, PR, gains, calibration, Brier and label coverage of the rows in view. At 10^6 rows
 * this is the view's main cost (about a second), so it is kept apart from the capacity:
 * moving the capacity slider recomputes only `evaluateAt`.
 */
export function evaluateCurves(prob: NumberColumn, label: NumberColumn, order: Uint32Array, inView?: Uint8Array): Curves {
  const subset = subsetOf(inView);
  // One ranking of the labelled rows feeds ROC, PR and gains: at 10^6 rows each ranking costs
  // ~1 s in V8, so ranking once instead of three times is most of the view's cost.
  const ranked = rankedOutcomes(prob, label, subset);
  const found = new Uint32Array(ranked.positive.length + 1);
  for (let i = 0; i < ranked.positive.length; i++) found[i + 1] = found[i] + ranked.positive[i];
  const labelled = ranked.positive.length;
  return {
    roc: rocFromRanked(ranked, true),
    pr: precisionRecallFromRanked(ranked, false),
    gains: { n: labelled, positives: ranked.positives, baseRate: labelled > 0 ? ranked.positives / labelled : NaN, found },
    calibration: calibrationCurve(prob, label, { nBins: 10, strategy: 'uniform', subset }),
    brier: brierScore(prob, label, subset),
    coverage: labelCoverageByDecile(viewOrderOf(order, inView), prob, label),
  };
}

/**
 * The file-wide selection of the first `capacity` rows of `order` (the file's rankOrder),
 * judged on the rows in view: filtering to a segment shows how that one list fares inside
 * the segment, as metricsBySegment does, never a second list drawn per segment. O(rows).
 */
export function evaluateAt(
  prob: NumberColumn,
  label: NumberColumn,
  order: Uint32Array,
  capacity: number,
  inView?: Uint8Array,
): Pick<Evaluation, 'atCapacity' | 'labelled' | 'positives' | 'baseRate' | 'scored'> {
  const cut = clampCapacity(capacity, scoredCount(order, prob));
  let k = cut;
  if (inView) {
    k = 0;
    for (let i = 0; i < cut; i++) k += inView[order[i]];
  }
  const viewOrder = viewOrderOf(order, inView);
  const at = atCapacity(viewOrder, prob, label, k);
  return { scored: scoredCount(viewOrder, prob), labelled: at.labelled, positives: at.positives, baseRate: at.baseRate, atCapacity: at };
}

/** Every figure of the view for the rows in view (see evaluateCurves and evaluateAt). */
export function evaluate(prob: NumberColumn, label: NumberColumn, order: Uint32Array, capacity: number, inView?: Uint8Array): Evaluation {
  return { ...evaluateCurves(prob, label, order, inView), ...evaluateAt(prob, label, order, capacity, inView) };
}
