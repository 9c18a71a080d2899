import { describe, expect, it } from 'vitest';
import { closeArrays, column, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import type { TrainingSummary } from '../model/card';
import { populationStability, PSI_EMPTY_SHARE } from './population-stability';

const fx = loadMetricsFixture('psi.json');

function training(cuts: number[], shares: number[], min = -Infinity, max = Infinity): TrainingSummary {
  return {
    n: 1000,
    missing_share: 0,
    min,
    max,
    mean: 0,
    quantiles: { probs: [0, 1], values: [min, max] },
    drift_reference: { cuts, shares },
  };
}

describe('populationStability', () => {
  const ref = fx.reference;
  const got = populationStability(column(fx.column), training(ref.cuts, ref.shares, ref.min, ref.max));

  it('matches an independent numpy computation, empty bins floored at 1e-4', () => {
    expect(got.psi).toBeCloseTo(fx.expected.psi, 9);
    expect(closeArrays(got.actual, fx.expected.actual)).toBeNull();
    expect(got.emptyBins).toBeGreaterThan(0);
  });

  it('reports missing and out-of-range shares', () => {
    expect(got.missingShare).toBeCloseTo(fx.expected.missing_share, 12);
    expect(got.outsideShare).toBeCloseTo(fx.expected.outside_share, 12);
    expect(got.nonMissing).toBe(fx.expected.non_missing);
  });

  it('puts a value equal to a cut into the bin that the cut closes', () => {
    const r = populationStability(Float64Array.of(10, 10.5), training([10], [0.5, 0.5]));
    expect([...r.actual]).toEqual([0.5, 0.5]);
    expect(r.psi).toBe(0);
  });

  it('is 0 for the training distribution itself and grows with the shift', () => {
    const t = training([1, 2], [0.25, 0.5, 0.25]);
    expect(populationStability(Float64Array.of(0, 2, 2, 3), t).psi).toBe(0);
    const shifted = populationStability(Float64Array.of(3, 3, 3, 2), t);
    // (0.25−0.25)·ln(1) is 0; by hand: (1e-4 − 0.25)·ln(1e-4/0.25) + (0.25−0.5)·ln(0.5) + (0.75−0.25)·ln(3)
    const byHand = (PSI_EMPTY_SHARE - 0.25) * Math.log(PSI_EMPTY_SHARE / 0.25) + (0.25 - 0.5) * Math.log(0.5) + 0.5 * Math.log(3);
    expect(shifted.psi).toBeCloseTo(byHand, 12);
  });

  it('is NaN with every share NaN when the column is empty or all missing', () => {
    const t = training([1], [0.5, 0.5]);
    for (const c of [new Float64Array(0), Float64Array.of(NaN)]) {
      const r = populationStability(c, t);
      expect(r.psi).toBeNaN();
      expect(r.actual[0]).toBeNaN();
    }
    expect(populationStability(Float64Array.of(NaN), t).missingShare).toBe(1);
  });

  it('refuses a reference whose shares do not fit its cuts', () => {
    expect(() => populationStability(Float64Array.of(1), training([1, 2], [1]))).toThrow(RangeError);
  });
});
