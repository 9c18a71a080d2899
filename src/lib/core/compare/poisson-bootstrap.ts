import { Xoshiro128StarStar } from '../select/xoshiro128';

/** e^−1 to double precision: P(K = 0) for K ~ Poisson(1). */
const EXP_MINUS_ONE = 0.36787944117144233;
const TWO_POW_32 = 4294967296;

/**
 * The bootstrap distribution of Σ value[i] over rows, drawn by the Poisson bootstrap: in each
 * resample every row gets an independent Poisson(1) weight, the number of times it would be
 * drawn (Hanley & MacGibbon 2006, "Creating non-parametric bootstrap samples using Poisson
 * frequencies", Computer Methods and Programs in Biomedicine 83(1):57–62; asymptotically the
 * classic n-out-of-n resampling of rows). Rows whose value is 0 add nothing whatever their
 * weight, so only the rows with a value are passed: a resample costs O(those rows), not O(n),
 * which keeps 2,000 resamples of 10^6 rows fast.
 *
 * Deterministic scheme, reproduced by models/oracles_compare/build_compare_fixtures.py:
 * one xoshiro128** stream seeded by SplitMix64(seed) (select/xoshiro128.ts); resample by
 * resample, row by row in the order given, one weight each by inversion — u = next32 / 2^32,
 * k = 0, p = F = e^−1, while u ≥ F: k += 1, p = p / k, F = F + p. Returns the sums, sorted.
 */
export function poissonBootstrapSums(values: ArrayLike<number>, resamples: number, seed: number | bigint): Float64Array {
  const rng = Xoshiro128StarStar.fromSeed(seed);
  const sums = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      const u = rng.nextUint32() / TWO_POW_32;
      let k = 0;
      let p = EXP_MINUS_ONE;
      let f = p;
      // u < 1 − 2^−32 and F passes that by k = 14, so the bound only guards against a mistake.
      while (u >= f && k < 64) {
        k++;
        p /= k;
        f += p;
      }
      sum += k * values[i];
    }
    sums[b] = sum;
  }
  return sums.sort();
}

/**
 * The q-quantile of sorted values with numpy's default ('linear', Hyndman & Fan type 7) rule,
 * written as numpy writes it so both give the same double: virtual index n·q + (1 − q) − 1,
 * and the lerp from the upper end when the fraction is ½ or more. NaN for no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const virtual = n * q + (1 + q * (1 - 1 - 1)) - 1;
  const lo = Math.min(n - 1, Math.max(0, Math.floor(virtual)));
  const hi = Math.min(n - 1, lo + 1);
  const t = virtual - Math.floor(virtual);
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
