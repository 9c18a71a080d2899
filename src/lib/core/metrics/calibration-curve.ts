import { rankedOutcomes } from './ranked-outcomes';
import { isLabel, type NumberColumn } from './types';

export type CalibrationStrategy = 'uniform' | 'quantile';

/** A reliability diagram: per bin, the mean predicted probability against the observed rate. */
export interface CalibrationCurve {
  /** nBins + 1 edges, ascending (quantile edges may repeat). */
  edges: Float64Array;
  count: Uint32Array;
  /** Mean probability in the bin; NaN when the bin is empty. */
  meanPredicted: Float64Array;
  /** Share of incorrect deductions in the bin; NaN when the bin is empty. */
  fractionPositive: Float64Array;
}

/**
 * scikit-learn 1.9 `calibration_curve` on the rows that are scored and labelled, with every
 * bin kept (scikit-learn drops empty ones; filter on count > 0 to get its arrays).
 * Bin i takes p with edges[i] < p ≤ edges[i+1] (numpy searchsorted 'left' on the inner edges),
 * so a probability on an edge belongs to the lower bin. 'uniform' edges are numpy's
 * linspace(0, 1, nBins + 1); 'quantile' edges are numpy percentile (linear, Hyndman & Fan
 * 1996 type 7) of the probabilities, computed with the same floating-point steps as numpy so
 * that a value lying exactly on an edge falls into the same bin as in scikit-learn.
 */
export function calibrationCurve(
  prob: NumberColumn,
  label: NumberColumn,
  options: { nBins?: number; strategy?: CalibrationStrategy; subset?: Uint32Array } = {},
): CalibrationCurve {
  const nBins = options.nBins ?? 10;
  if (!Number.isInteger(nBins) || nBins < 1) throw new RangeError(`nBins must be a positive integer, got ${nBins}`);
  const { score, positive } = rankedOutcomes(prob, label, options.subset);
  const n = score.length;
  const edges = new Float64Array(nBins + 1);
  const step = 1 / nBins;
  for (let i = 0; i <= nBins; i++) edges[i] = i === nBins ? 1 : i * step;
  if ((options.strategy ?? 'uniform') === 'quantile') {
    const ascending = score.slice().reverse();
    for (let i = 0; i <= nBins; i++) edges[i] = n > 0 ? percentileLinear(ascending, (edges[i] * 100) / 100) : NaN;
  }

  const count = new Uint32Array(nBins);
  const sumP = new Float64Array(nBins);
  const sumY = new Float64Array(nBins);
  // scikit-learn sums in input order; the rows here are in rank order, which can change the
  // last bit of a sum but not the bin a row falls into.
  for (let r = 0; r < n; r++) {
    const p = score[r];
    let lo = 1;
    let hi = nBins;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    count[b]++;
    sumP[b] += p;
    sumY[b] += positive[r];
  }
  const meanPredicted = new Float64Array(nBins);
  const fractionPositive = new Float64Array(nBins);
  for (let b = 0; b < nBins; b++) {
    meanPredicted[b] = count[b] > 0 ? sumP[b] / count[b] : NaN;
    fractionPositive[b] = count[b] > 0 ? sumY[b] / count[b] : NaN;
  }
  return { edges, count, meanPredicted, fractionPositive };
}

/** numpy.percentile(a, q * 100, method='linear') for ascending `a`, q in 0–1, step for step. */
function percentileLinear(a: Float64Array, q: number): number {
  const n = a.length;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return a[n - 1];
  const prev = Math.floor(virtual);
  const gamma = virtual - prev;
  const lo = a[prev];
  const hi = a[prev + 1];
  const diff = hi - lo;
  return gamma >= 0.5 ? hi - diff * (1 - gamma) : lo + diff * gamma;
}

/**
 * Mean squared difference between probability and outcome (Brier 1950, Monthly Weather
 * Review 78(1)) over the rows that are scored and labelled; NaN when there are none.
 * Equals scikit-learn's brier_score_loss for binary outcomes.
 */
export function brierScore(prob: NumberColumn, label: NumberColumn, subset?: Uint32Array): number {
  const n = subset ? subset.length : prob.length;
  let sum = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const r = subset ? subset[i] : i;
    const p = prob[r];
    const y = label[r];
    if (p !== p || !isLabel(y)) continue;
    sum += (y - p) ** 2;
    m++;
  }
  return m > 0 ? sum / m : NaN;
}
