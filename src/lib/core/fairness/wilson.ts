/** The standard normal's 97.5th percentile (scipy.stats.norm.ppf(0.975)): two-sided 95 % intervals. */
export const Z95 = 1.959963984540054;

/** A share with its 95 % interval; NaN (and [NaN, NaN]) when the denominator is 0. */
export interface Share {
  count: number;
  of: number;
  value: number;
  ci95: [number, number];
}

/**
 * The Wilson score interval for `count` successes in `of` trials (Wilson 1927, JASA 22:209;
 * without continuity correction, as statsmodels' proportion_confint(method='wilson')).
 * Recommended over the Wald interval for small counts and shares near 0 or 1 (Brown, Cai &
 * DasGupta 2001, Statistical Science 16:101). The ends are exactly 0 and 1 at 0 and `of`.
 */
export function wilsonInterval(count: number, of: number, z = Z95): [number, number] {
  if (!(of > 0)) return [NaN, NaN];
  const p = count / of;
  const z2 = z * z;
  const scale = 1 + z2 / of;
  const centre = (p + z2 / (2 * of)) / scale;
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / of + z2 / (4 * of * of));
  return [count <= 0 ? 0 : Math.max(0, centre - half), count >= of ? 1 : Math.min(1, centre + half)];
}

/** count / of with its Wilson interval. */
export function share(count: number, of: number): Share {
  return { count, of, value: of > 0 ? count / of : NaN, ci95: wilsonInterval(count, of) };
}
