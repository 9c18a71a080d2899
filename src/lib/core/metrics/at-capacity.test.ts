import { describe, expect, it } from 'vitest';
import { column, decodeLarge, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { atCapacity } from './at-capacity';
import { countForShare } from './count-for-share';
import { rankOrder, scoredCount } from './rank-order';

const cases = loadMetricsFixture('binary_cases.json');
const large = loadMetricsFixture('large_3pct.json');

describe('atCapacity', () => {
  const sets = { ...cases, large_3pct: { ...decodeLarge(large), expected: large.expected } };
  for (const [name, c] of Object.entries<any>(sets)) {
    it(`matches scikit-learn confusion_matrix of the first k rows on "${name}"`, () => {
      const prob = column(c.prob);
      const label = column(c.label);
      const order = rankOrder(prob);
      for (const want of c.expected.capacity) {
        expect(countForShare(want.share, scoredCount(order, prob))).toBe(want.k);
        const got = atCapacity(order, prob, label, want.k);
        const cells = { tp: got.tp, fp: got.fp, fn: got.fn, tn: got.tn, unlabelled: got.selectedUnlabelled };
        expect(cells, `share ${want.share}`).toEqual({
          tp: want.tp,
          fp: want.fp,
          fn: want.fn,
          tn: want.tn,
          unlabelled: want.selected_unlabelled,
        });
      }
    });
  }

  it('derives precision, recall and lift from the matrix', () => {
    // Ranked: 0.9 (1), 0.8 (0), 0.7 (1), 0.2 (0), 0.1 (0); k = 2 → tp 1, fp 1, fn 1, tn 2.
    const got = atCapacity(rankOrder(Float64Array.of(0.1, 0.9, 0.7, 0.8, 0.2)), Float64Array.of(0.1, 0.9, 0.7, 0.8, 0.2), Float64Array.of(0, 1, 1, 0, 0), 2);
    expect(got.precision).toBe(0.5);
    expect(got.recall).toBe(0.5);
    expect(got.baseRate).toBe(0.4);
    expect(got.lift).toBeCloseTo(1.25, 12);
  });

  it('clamps k to the scored rows and leaves undefined rates NaN', () => {
    const prob = Float64Array.of(0.4, NaN);
    const got = atCapacity(rankOrder(prob), prob, Float64Array.of(NaN, 1), 5);
    expect(got.selected).toBe(1);
    expect(got.selectedUnlabelled).toBe(1);
    expect(got.precision).toBeNaN();
    expect(got.recall).toBeNaN();
    expect(atCapacity(new Uint32Array(0), new Float64Array(0), new Float64Array(0), 3).selected).toBe(0);
  });
});

describe('countForShare', () => {
  it('rounds half up and clamps to 0..n', () => {
    expect(countForShare(0.25, 1001)).toBe(250);
    expect(countForShare(0.5, 3)).toBe(2);
    expect(countForShare(1.5, 3)).toBe(3);
    expect(countForShare(-1, 3)).toBe(0);
    expect(countForShare(NaN, 3)).toBe(0);
    expect(countForShare(0.3, 0)).toBe(0);
  });
});
