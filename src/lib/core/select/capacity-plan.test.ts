import { describe, expect, it } from 'vitest';
import { column, decodeLarge, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { rankOrder } from '../metrics/rank-order';
import { capacityAt, capacityAtShare, capacityPlan } from './capacity-plan';

const cases = loadMetricsFixture('binary_cases.json');
const large = loadMetricsFixture('large_3pct.json');

describe('capacityPlan', () => {
  const sets = { ...cases, large_3pct: { ...decodeLarge(large), expected: large.expected } };
  for (const [name, c] of Object.entries<any>(sets)) {
    it(`expects the sum of the selected probabilities, as numpy's cumsum gives, on "${name}"`, () => {
      const prob = column(c.prob);
      const plan = capacityPlan(rankOrder(prob), prob, column(c.label));
      expect(plan.scored).toBe(c.expected.planner.scored);
      for (const [i, k] of c.expected.planner.k.entries()) {
        expect(capacityAt(plan, k).expected).toBeCloseTo(c.expected.planner.expected[i], 9);
      }
    });

    it(`realises the confusion matrix scikit-learn gives at each capacity on "${name}"`, () => {
      const prob = column(c.prob);
      const plan = capacityPlan(rankOrder(prob), prob, column(c.label));
      for (const want of c.expected.capacity) {
        const r = capacityAt(plan, want.k).realised!;
        expect([r.labelled, r.found], `k = ${want.k}`).toEqual([want.tp + want.fp, want.tp]);
      }
    });
  }

  it('answers expected count, hit rate, share of the file and the yield of the next 100', () => {
    // 250 scored rows: 50 at 0.4, 100 at 0.1, 100 at 0.01; one unscored row.
    const prob = new Float64Array(251);
    prob.fill(0.4, 0, 50).fill(0.1, 50, 150).fill(0.01, 150, 250)[250] = NaN;
    const plan = capacityPlan(rankOrder(prob), prob);
    const total = 50 * 0.4 + 100 * 0.1 + 100 * 0.01;
    const at50 = capacityAt(plan, 50);
    expect(at50.expected).toBeCloseTo(20, 12);
    expect(at50.expectedPrecision).toBeCloseTo(0.4, 12);
    expect(at50.expectedRecall).toBeCloseTo(20 / total, 12);
    expect(at50.nextYield).toBeCloseTo(10, 12);
    expect(at50.nextCount).toBe(100);
    const at200 = capacityAt(plan, 200);
    expect(at200.nextCount).toBe(50);
    expect(at200.nextYield).toBeCloseTo(0.5, 12);
    expect(at200.realised).toBeUndefined();
    expect(capacityAt(plan, 1000).k).toBe(250);
  });

  it('is all zeros and NaN rates for an empty or unscored file', () => {
    for (const prob of [new Float64Array(0), Float64Array.of(NaN)]) {
      const at = capacityAt(capacityPlan(rankOrder(prob), prob, prob), 10);
      expect([at.k, at.expected, at.nextYield, at.nextCount]).toEqual([0, 0, 0, 0]);
      expect(at.share).toBeNaN();
      expect(at.realised!.recall).toBeNaN();
    }
  });

  it('handles a one-row file', () => {
    const prob = Float32Array.of(0.25);
    const at = capacityAt(capacityPlan(rankOrder(prob), prob, Float32Array.of(1)), 1);
    expect([at.expected, at.expectedRecall, at.realised!.precision, at.realised!.recall]).toEqual([0.25, 1, 1, 1]);
  });

  it('reads a share of the scored rows as the rounded count: check 25 %, find what the first quarter holds', () => {
    const prob = Float64Array.of(0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, NaN);
    const plan = capacityPlan(rankOrder(prob), prob);
    const quarter = capacityAtShare(plan, 0.25);
    expect(quarter.k).toBe(2);
    expect(quarter.expectedRecall).toBeCloseTo(1.0 / 1.6, 12);
    expect(capacityAtShare(plan, 1).k).toBe(8);
  });
});

