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
} from '../../core/metrics';

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

/**
 * Rows in view: all rows, or those where `inView` is 1. `order` is the file's rankOrder and
 * `capacity` the number of returns the team checks from the top of the whole file: filtering
 * to a segment shows how that one list fares inside the segment, as metricsBySegment does,
 * never a second list drawn per segment.
 */
export function evaluate(
  prob: NumberColumn,
  label: NumberColumn,
  order: Uint32Array,
  capacity: number,
  inView?: Uint8Array,
): Evaluation {
  const scoredAll = scoredCount(order, prob);
  const cut = Math.max(0, Math.min(scoredAll, Math.floor(capacity)));
  let viewOrder = order;
  let k = cut;
  let subset: Uint32Array | undefined;
  if (inView) {
    let m = 0;
    for (let r = 0; r < inView.length; r++) m += inView[r];
    subset = new Uint32Array(m);
    for (let r = 0, j = 0; r < inView.length; r++) if (inView[r]) subset[j++] = r;
    viewOrder = new Uint32Array(m);
    k = 0;
    for (let i = 0, j = 0; i < order.length; i++) {
      const r = order[i];
      if (!inView[r]) continue;
      viewOrder[j++] = r;
      if (i < cut) k++;
    }
  }
  const at = atCapacity(viewOrder, prob, label, k);
  // One ranking of the labelled rows feeds ROC, PR and gains: at 10^6 rows each ranking costs
  // ~1 s in V8, so ranking once instead of three times is most of the view's cost.
  const ranked = rankedOutcomes(prob, label, subset);
  const found = new Uint32Array(ranked.positive.length + 1);
  for (let i = 0; i < ranked.positive.length; i++) found[i + 1] = found[i] + ranked.positive[i];
  const labelled = ranked.positive.length;
  return {
    scored: scoredCount(viewOrder, prob),
    labelled: at.labelled,
    positives: at.positives,
    baseRate: at.baseRate,
    roc: rocFromRanked(ranked, true),
    pr: precisionRecallFromRanked(ranked, false),
    gains: { n: labelled, positives: ranked.positives, baseRate: labelled > 0 ? ranked.positives / labelled : NaN, found },
    calibration: calibrationCurve(prob, label, { nBins: 10, strategy: 'uniform', subset }),
    brier: brierScore(prob, label, subset),
    atCapacity: at,
    coverage: labelCoverageByDecile(viewOrder, prob, label),
  };
}
