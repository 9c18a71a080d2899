import { Z95 } from '../loop/interval';
import { wilsonFpc } from '../loop/wilson-fpc';

export { Z95 };

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
  // An infinite population: the plain binomial Wilson interval of the outcomes estimator (core/loop).
  return wilsonFpc(count, of, Infinity, z) ?? [NaN, NaN];
}

/** count / of with its Wilson interval. */
export function share(count: number, of: number): Share {
  return { count, of, value: of > 0 ? count / of : NaN, ci95: wilsonInterval(count, of) };
}
