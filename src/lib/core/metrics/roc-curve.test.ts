import { describe, expect, it } from 'vitest';
import { closeArrays, column, decodeLarge, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { rocAuc, rocCurve } from './roc-curve';

const cases = loadMetricsFixture('binary_cases.json');
const large = loadMetricsFixture('large_3pct.json');

function pick(a: Float64Array, at: number[]) {
  return at.map((i) => a[i]);
}

describe('rocCurve', () => {
  for (const [name, c] of Object.entries<any>(cases)) {
    if (name === 'empty') continue;
    it(`matches scikit-learn roc_curve on "${name}", with and without dropping collinear points`, () => {
      const prob = column(c.prob);
      const label = column(c.label);
      for (const drop of [true, false]) {
        const want = c.expected[`roc_drop_${drop}`];
        const got = rocCurve(prob, label, { dropIntermediate: drop });
        expect(closeArrays(got.fpr, want.fpr), `fpr drop=${drop}`).toBeNull();
        expect(closeArrays(got.tpr, want.tpr), `tpr drop=${drop}`).toBeNull();
        expect(closeArrays(got.thresholds, want.thresholds), `thresholds drop=${drop}`).toBeNull();
      }
    });

    it(`matches scikit-learn roc_auc_score on "${name}" (NaN when one class)`, () => {
      const auc = rocAuc(column(c.prob), column(c.label));
      if (c.expected.roc_auc_defined) expect(auc).toBeCloseTo(c.expected.roc_auc, 9);
      else expect(auc).toBeNaN();
    });
  }

  it('matches scikit-learn on 100,000 rows with a 3 % base rate, NaN scores and unknown labels', () => {
    const { prob, label } = decodeLarge(large);
    const got = rocCurve(prob, label);
    const want = large.expected.roc_drop_true;
    expect(got.fpr.length).toBe(want.length);
    expect(closeArrays(pick(got.fpr, want.at), want.fpr)).toBeNull();
    expect(closeArrays(pick(got.tpr, want.at), want.tpr)).toBeNull();
    expect(closeArrays(pick(got.thresholds, want.at), want.thresholds)).toBeNull();
    expect(got.auc).toBeCloseTo(large.expected.roc_auc, 9);
    const full = rocCurve(Float32Array.from(prob), label, { dropIntermediate: false });
    expect(full.fpr.length).toBe(large.expected.roc_drop_false.length);
  });

  it('has a single undefined point and NaN AUC for empty input', () => {
    const got = rocCurve(new Float64Array(0), new Float64Array(0));
    expect([...got.thresholds]).toEqual([Infinity]);
    expect(got.fpr[0]).toBeNaN();
    expect(got.auc).toBeNaN();
  });

  it('gives AUC 1 for a perfect ranking and 0 for a reversed one', () => {
    const label = Float64Array.of(1, 1, 0, 0);
    expect(rocAuc(Float64Array.of(0.9, 0.8, 0.2, 0.1), label)).toBe(1);
    expect(rocAuc(Float64Array.of(0.1, 0.2, 0.8, 0.9), label)).toBe(0);
  });
});
