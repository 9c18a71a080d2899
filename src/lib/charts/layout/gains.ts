/** A gains curve as the chart draws it: x = share checked (k / n), y = share found (c[k] / c[n]), both 0–1. */
export interface GainsPath {
  x: Float64Array;
  y: Float64Array;
}

/**
 * Points of a cumulative curve c[0..n] (c[k] = incorrect deductions, found or expected, in
 * the first k rows of the ranking), at most `maxPoints` + 1 of them at even steps of k,
 * always ending at k = n: a million-row ranking needs no more points than pixels. y is NaN
 * throughout when c[n] = 0 (nothing to find), and the path is empty when n = 0.
 */
export function gainsPath(cumulative: ArrayLike<number>, maxPoints = 200): GainsPath {
  const n = cumulative.length - 1;
  if (n <= 0) return { x: new Float64Array(0), y: new Float64Array(0) };
  const total = cumulative[n];
  const steps = Math.min(n, Math.max(1, maxPoints));
  const x = new Float64Array(steps + 1);
  const y = new Float64Array(steps + 1);
  for (let i = 0; i <= steps; i++) {
    const k = Math.round((i * n) / steps);
    x[i] = k / n;
    y[i] = total > 0 ? cumulative[k] / total : NaN;
  }
  return { x, y };
}

/** Tenths 0.1 … 1.0, the rows of the chart's table. */
export const TENTHS: readonly number[] = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);
