import { describe, expect, it } from 'vitest';
import { chiSquareQuantile } from './chi-square';
import { loadDemoMetrics } from '../../../../test/fixtures/metrics/demo';

describe('chiSquareQuantile', () => {
  it('equals scipy.stats.chi2.ppf for every recorded (p, df) to 1e-9 relative', () => {
    const { chi2_ppf } = loadDemoMetrics();
    expect(chi2_ppf.length).toBeGreaterThan(0);
    for (const { p, df, x } of chi2_ppf) expect(Math.abs(chiSquareQuantile(p, df) - x) / x, `p=${p} df=${df}`).toBeLessThan(1e-9);
  });

  it('is 0 at p = 0 and NaN for p = 1, NaN p or no degrees of freedom', () => {
    expect(chiSquareQuantile(0, 3)).toBe(0);
    expect(chiSquareQuantile(1, 3)).toBeNaN();
    expect(chiSquareQuantile(NaN, 3)).toBeNaN();
    expect(chiSquareQuantile(0.95, 0)).toBeNaN();
  });
});
