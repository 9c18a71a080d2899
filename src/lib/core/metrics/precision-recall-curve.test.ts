import { describe, expect, it } from 'vitest';
import { closeArrays, column, decodeLarge, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { averagePrecision, precisionRecallCurve } from './precision-recall-curve';

const cases = loadMetricsFixture('binary_cases.json');
const large = loadMetricsFixture('large_3pct.json');

describe('precisionRecallCurve', () => {
  for (const [name, c] of Object.entries<any>(cases)) {
    if (name === 'empty') continue;
    it(`matches scikit-learn precision_recall_curve on "${name}"`, () => {
      for (const drop of [false, true]) {
        const want = c.expected[`pr_drop_${drop}`];
        const got = precisionRecallCurve(column(c.prob), column(c.label), { dropIntermediate: drop });
        const m = got.thresholds.length;
        expect(closeArrays(got.precision.subarray(0, m), want.precision), `precision drop=${drop}`).toBeNull();
        expect(closeArrays(got.recall.subarray(0, m), want.recall), `recall drop=${drop}`).toBeNull();
        expect(closeArrays(got.thresholds, want.thresholds), `thresholds drop=${drop}`).toBeNull();
        expect([got.precision[m], got.recall[m]]).toEqual([1, 0]);
      }
    });

    it(`matches scikit-learn average_precision_score on "${name}", except NaN where there is no positive`, () => {
      const ap = averagePrecision(column(c.prob), column(c.label));
      if (c.expected.positives > 0) expect(ap).toBeCloseTo(c.expected.average_precision, 9);
      else {
        expect(c.expected.average_precision).toBe(0);
        expect(ap).toBeNaN();
      }
    });
  }

  it('matches scikit-learn on 100,000 rows with a 3 % base rate', () => {
    const { prob, label } = decodeLarge(large);
    const got = precisionRecallCurve(prob, label);
    const want = large.expected.pr_drop_false;
    expect(got.thresholds.length).toBe(want.length);
    expect(closeArrays(want.at.map((i: number) => got.precision[i]), want.precision)).toBeNull();
    expect(closeArrays(want.at.map((i: number) => got.recall[i]), want.recall)).toBeNull();
    expect(got.averagePrecision).toBeCloseTo(large.expected.average_precision, 9);
  });

  it('is just the closing point, with AP undefined, for empty input', () => {
    const got = precisionRecallCurve(new Float64Array(0), new Float64Array(0));
    expect([...got.precision]).toEqual([1]);
    expect([...got.recall]).toEqual([0]);
    expect(got.averagePrecision).toBeNaN();
  });
});
