import { describe, expect, it } from 'vitest';
import { column, decodeLarge, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { gainsAt, gainsAtShares, gainsCurve } from './gains-curve';

const cases = loadMetricsFixture('binary_cases.json');
const large = loadMetricsFixture('large_3pct.json');

describe('gainsCurve', () => {
  const sets = { ...cases, large_3pct: { ...decodeLarge(large), expected: large.expected } };
  for (const [name, c] of Object.entries<any>(sets)) {
    it(`counts the incorrect deductions found in the first k labelled rows as numpy does on "${name}"`, () => {
      const curve = gainsCurve(column(c.prob), column(c.label));
      expect(curve.n).toBe(c.expected.n_used);
      expect(curve.positives).toBe(c.expected.positives);
      expect(c.expected.gains.k.map((k: number) => curve.found[k])).toEqual(c.expected.gains.found);
    });
  }

  it('reads recall, precision and lift at k', () => {
    const curve = gainsCurve(Float64Array.of(0.9, 0.8, 0.7, 0.1), Float64Array.of(1, 0, 1, 0));
    const p = gainsAt(curve, 1);
    expect([p.recall, p.precision, p.lift, p.share]).toEqual([0.5, 1, 2, 0.25]);
    expect(gainsAt(curve, 0).precision).toBeNaN();
    expect(gainsAt(curve, 99).k).toBe(4);
  });

  it('reports gains at shares for a chart', () => {
    const curve = gainsCurve(Float64Array.of(0.9, 0.8, 0.7, 0.1), Float64Array.of(1, 0, 1, 0));
    const g = gainsAtShares(curve, [0.25, 0.75, 1]);
    expect([...g.k]).toEqual([1, 3, 4]);
    expect([...g.recall]).toEqual([0.5, 1, 1]);
  });

  it('is empty, with NaN rates, without labelled rows', () => {
    const curve = gainsCurve(Float64Array.of(0.3), Float64Array.of(NaN));
    expect(curve.n).toBe(0);
    expect(curve.baseRate).toBeNaN();
    expect(gainsAt(curve, 1).recall).toBeNaN();
  });
});
