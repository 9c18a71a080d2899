import { Z95 } from './interval';

/** scipy.stats.t.ppf(0.975, df) for df = 3…10, rounded to 12 digits; the expansion below is off by up to 4·10⁻³ there. */
const SMALL_DF = [3.182446305284, 2.776445105198, 2.570581835636, 2.446911851145, 2.364624251593, 2.306004135204, 2.262157162798, 2.228138851986];

/**
 * The 0.975 quantile of Student's t with `df` whole degrees of freedom: exact for 1 and 2
 * (tan(0.475π) and 0.95·√(2/(1 − 0.95²))), scipy's values for 3–10, beyond that the
 * Cornish–Fisher expansion in 1/df (Abramowitz & Stegun 26.7.5) to the fourth term, within
 * 10⁻⁵ of scipy for df ≥ 10 (t-quantile.test.ts). Only the 95 % quantile is needed here.
 */
export function t975(df: number): number {
  if (!(df >= 1)) return NaN;
  df = Math.floor(df);
  if (df === 1) return Math.tan(Math.PI * 0.475);
  if (df === 2) return 0.95 * Math.sqrt(2 / (1 - 0.95 * 0.95));
  if (df <= 10) return SMALL_DF[df - 3];
  const x = Z95;
  const x2 = x * x;
  const g1 = (x * (x2 + 1)) / 4;
  const g2 = (x * (5 * x2 * x2 + 16 * x2 + 3)) / 96;
  const g3 = (x * (3 * x2 ** 3 + 19 * x2 * x2 + 17 * x2 - 15)) / 384;
  const g4 = (x * (79 * x2 ** 4 + 776 * x2 ** 3 + 1482 * x2 * x2 - 1920 * x2 - 945)) / 92160;
  return x + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}
