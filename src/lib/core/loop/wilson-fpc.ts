import { Z95, type Interval } from './interval';

/**
 * Wilson's score interval (Wilson 1927, JASA 22:209) for a proportion estimated from `checked`
 * rows drawn without replacement from a population of `population` rows, of which `errors`
 * had the trait. The finite-population correction enters through the effective sample size
 * n = c·(M − 1)/(M − c), the size at which a binomial proportion has the hypergeometric
 * variance p(1 − p)(M − c)/(c(M − 1)) (Cochran 1977, Sampling Techniques, eq. 3.7). When every
 * row was checked the proportion is known: zero width. Null when nothing was checked.
 */
export function wilsonFpc(errors: number, checked: number, population: number, z = Z95): Interval | null {
  if (!(checked > 0)) return null;
  const p = errors / checked;
  if (checked >= population) return [p, p];
  // An infinite population (a binomial proportion) has no correction.
  const n = Number.isFinite(population) ? (checked * (population - 1)) / (population - checked) : checked;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 or 1 the bound on that side is the estimate itself (rounding aside).
  return [errors === 0 ? 0 : Math.max(0, centre - half), errors === checked ? 1 : Math.min(1, centre + half)];
}
