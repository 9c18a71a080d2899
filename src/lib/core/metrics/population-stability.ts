import type { TrainingSummary } from '../model/card';
import type { NumberColumn } from './types';

/**
 * Floor for a bin share of zero, in the file or in training, so ln(a / e) stays finite. 1e-4
 * is the usual choice (e.g. mwburke/population-stability-index); with ten bins a bin that is
 * empty on one side and holds 1 % on the other adds (0.01 − 0.0001)·ln(100) ≈ 0.046.
 */
export const PSI_EMPTY_SHARE = 1e-4;

/** How far a column of the file has moved from the training data. */
export interface PopulationStability {
  /**
   * Σ (a − e)·ln(a / e) over the reference bins, on the non-missing values; NaN when the file
   * has none. Rule of thumb (Yurdakul 2018, "Statistical properties of the population stability
   * index", Western Michigan University): < 0.1 stable, 0.1–0.25 some shift, > 0.25 major shift.
   */
  psi: number;
  /** Share of the file's non-missing values in each bin (cuts.length + 1 bins). */
  actual: Float64Array;
  /** The training shares (drift_reference.shares). */
  expected: Float64Array;
  /** Bins where one side was empty and PSI_EMPTY_SHARE stood in. */
  emptyBins: number;
  /** Rows looked at, and those with a value. */
  rows: number;
  nonMissing: number;
  /** Share of rows that are missing (NaN), against training.missing_share. */
  missingShare: number;
  /** Share of non-missing values below training.min or above training.max. */
  outsideShare: number;
}

/**
 * Population stability index of one column against the model card's reference: bin i is
 * (cuts[i-1], cuts[i]] with open ends, as TrainingSummary.drift_reference defines it.
 * O(n log b) for b bins.
 */
export function populationStability(
  column: NumberColumn,
  training: TrainingSummary,
  subset?: Uint32Array,
): PopulationStability {
  const { cuts, shares } = training.drift_reference;
  const bins = cuts.length + 1;
  if (shares.length !== bins) throw new RangeError(`drift_reference has ${cuts.length} cuts but ${shares.length} shares`);
  const counts = new Float64Array(bins);
  const rows = subset ? subset.length : column.length;
  let nonMissing = 0;
  let outside = 0;
  for (let i = 0; i < rows; i++) {
    const v = column[subset ? subset[i] : i];
    if (v !== v) continue;
    nonMissing++;
    if (v < training.min || v > training.max) outside++;
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cuts[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  const actual = new Float64Array(bins);
  const expected = Float64Array.from(shares);
  let psi = 0;
  let emptyBins = 0;
  for (let b = 0; b < bins; b++) {
    actual[b] = nonMissing > 0 ? counts[b] / nonMissing : NaN;
    let a = actual[b];
    let e = expected[b];
    if (a === 0 || e === 0) {
      if (a === 0 && e === 0) continue;
      emptyBins++;
      a = Math.max(a, PSI_EMPTY_SHARE);
      e = Math.max(e, PSI_EMPTY_SHARE);
    }
    psi += (a - e) * Math.log(a / e);
  }
  return {
    psi: nonMissing > 0 ? psi : NaN,
    actual,
    expected,
    emptyBins,
    rows,
    nonMissing,
    missingShare: rows > 0 ? (rows - nonMissing) / rows : NaN,
    outsideShare: nonMissing > 0 ? outside / nonMissing : NaN,
  };
}
