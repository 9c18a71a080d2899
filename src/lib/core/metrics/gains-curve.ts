import { countForShare } from './count-for-share';
import { rankedOutcomes } from './ranked-outcomes';
import type { NumberColumn } from './types';

/**
 * Cumulative gains over the rows that are scored and labelled, taken best first in rank order
 * (ties in input order — the order a caseworker's list would have, see rankOrder).
 * found[k] is the number of incorrect deductions among the first k rows, k = 0..n.
 */
export interface GainsCurve {
  n: number;
  positives: number;
  /** positives / n; NaN when n = 0. */
  baseRate: number;
  found: Uint32Array;
}

/** The gains figures at one count k of labelled rows. */
export interface GainsPoint {
  k: number;
  /** k / n. */
  share: number;
  /** Share of all incorrect deductions found in the first k: found / positives. */
  recall: number;
  /** Hit rate in the first k: found / k (NaN for k = 0). */
  precision: number;
  /** precision / baseRate: how many times better than drawing k returns at random. */
  lift: number;
}

export function gainsCurve(prob: NumberColumn, label: NumberColumn, subset?: Uint32Array): GainsCurve {
  const { positive, positives } = rankedOutcomes(prob, label, subset);
  const n = positive.length;
  const found = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) found[i + 1] = found[i] + positive[i];
  return { n, positives, baseRate: n > 0 ? positives / n : NaN, found };
}

export function gainsAt(curve: GainsCurve, k: number): GainsPoint {
  const kk = Math.max(0, Math.min(curve.n, Math.floor(k)));
  const f = curve.found[kk];
  const precision = kk > 0 ? f / kk : NaN;
  return {
    k: kk,
    share: curve.n > 0 ? kk / curve.n : NaN,
    recall: curve.positives > 0 ? f / curve.positives : NaN,
    precision,
    lift: curve.positives > 0 ? precision / curve.baseRate : NaN,
  };
}

/** Gains at each share (0–1), e.g. 0.01, 0.02, …, 1 for a chart; columns, not objects. */
export function gainsAtShares(curve: GainsCurve, shares: ArrayLike<number>) {
  const m = shares.length;
  const out = {
    k: new Uint32Array(m),
    recall: new Float64Array(m),
    precision: new Float64Array(m),
    lift: new Float64Array(m),
  };
  for (let i = 0; i < m; i++) {
    const p = gainsAt(curve, countForShare(shares[i], curve.n));
    out.k[i] = p.k;
    out.recall[i] = p.recall;
    out.precision[i] = p.precision;
    out.lift[i] = p.lift;
  }
  return out;
}
