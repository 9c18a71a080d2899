import { countForShare } from './count-for-share';

/**
 * A cumulative curve c[0..n] (c[k] = incorrect deductions, found or expected as Σ probability,
 * in the first k rows of the ranking) read at each share in `shares` (0–1): the share of all
 * of them in the first share of the ranking, c[k] / c[n] with k counted as the planner counts
 * a share (countForShare). NaN when c[n] = 0 or n = 0.
 */
export function cumulativeShareAt(cumulative: ArrayLike<number>, shares: readonly number[]): Float64Array {
  const n = cumulative.length - 1;
  const total = n > 0 ? cumulative[n] : 0;
  return Float64Array.from(shares, (s) => (total > 0 ? cumulative[countForShare(s, n)] / total : NaN));
}
