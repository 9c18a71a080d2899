import { describe, expect, it } from 'vitest';
import { closeArrays, column, decodeLarge, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { brierScore, calibrationCurve } from './calibration-curve';

const cases = loadMetricsFixture('binary_cases.json');
const large = loadMetricsFixture('large_3pct.json');

/** scikit-learn drops empty bins; so do we before comparing. */
function nonEmpty(curve: ReturnType<typeof calibrationCurve>) {
  const keep = [...curve.count.keys()].filter((b) => curve.count[b] > 0);
  return { probTrue: keep.map((b) => curve.fractionPositive[b]), probPred: keep.map((b) => curve.meanPredicted[b]) };
}

describe('calibrationCurve', () => {
  const sets = { ...cases, large_3pct: { ...decodeLarge(large), expected: large.expected } };
  for (const [name, c] of Object.entries<any>(sets)) {
    if (name === 'empty') continue;
    for (const strategy of ['uniform', 'quantile'] as const) {
      it(`matches scikit-learn calibration_curve (${strategy}, 10 bins) on "${name}"`, () => {
        const got = nonEmpty(calibrationCurve(column(c.prob), column(c.label), { strategy }));
        const want = c.expected[`calibration_${strategy}`];
        expect(closeArrays(got.probTrue, want.prob_true)).toBeNull();
        expect(closeArrays(got.probPred, want.prob_pred)).toBeNull();
      });
    }
  }

  it('puts a probability lying on an edge into the lower bin', () => {
    const got = calibrationCurve(Float64Array.of(0.1, 0.2, 0.25), Float64Array.of(0, 1, 1), { nBins: 10 });
    expect([...got.count.subarray(0, 3)]).toEqual([1, 1, 1]);
  });

  it('returns empty bins as NaN for empty input', () => {
    const got = calibrationCurve(new Float64Array(0), new Float64Array(0), { strategy: 'quantile' });
    expect([...got.count]).toEqual(new Array(10).fill(0));
    expect(got.meanPredicted[0]).toBeNaN();
  });

  it('refuses a bin count that is not a positive integer', () => {
    expect(() => calibrationCurve(Float64Array.of(0.5), Float64Array.of(1), { nBins: 0 })).toThrow(RangeError);
  });
});

describe('brierScore', () => {
  for (const [name, c] of Object.entries<any>(cases)) {
    if (name === 'empty') continue;
    it(`matches scikit-learn brier_score_loss on "${name}"`, () => {
      expect(brierScore(column(c.prob), column(c.label))).toBeCloseTo(c.expected.brier, 12);
    });
  }

  it('is NaN when no row is both scored and labelled', () => {
    expect(brierScore(Float64Array.of(NaN, 0.3), Float64Array.of(1, NaN))).toBeNaN();
    expect(brierScore(new Float64Array(0), new Float64Array(0))).toBeNaN();
  });
});
