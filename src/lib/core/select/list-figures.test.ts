import { describe, expect, it } from 'vitest';
import { rankOrder } from '../metrics/rank-order';
import { capacityPlan } from './capacity-plan';
import { listFigures } from './list-figures';
import { selectWithControl } from './control-sample';

// Six scored rows and one unscored: probabilities 0.9, 0.8, 0.5, 0.2, 0.1, 0.0 (sum 2.5).
const prob = Float64Array.from([0.1, 0.9, 0.2, NaN, 0.8, 0.0, 0.5]);
const label = Float64Array.from([0, 1, 1, 1, 1, 0, NaN]);
const order = rankOrder(prob);
const plan = capacityPlan(order, prob, label);

describe('listFigures', () => {
  it('gives the top of the ranking’s figures for a list of model rows only', () => {
    // Rows 1 (0.9, y 1) and 4 (0.8, y 1).
    const f = listFigures(plan, Uint32Array.from([1, 4]), 2, prob, label);
    expect(f.size).toBe(2);
    expect(f.share).toBeCloseTo(2 / 6, 12);
    expect(f.expected).toBeCloseTo(1.7, 12);
    expect(f.expectedPrecision).toBeCloseTo(0.85, 12);
    expect(f.expectedRecall).toBeCloseTo(1.7 / 2.5, 12);
    // Known positives among scored rows: rows 1, 2, 4 → 3.
    expect(f.realised).toMatchObject({ labelled: 2, found: 2, precision: 1 });
    expect(f.realised!.recall).toBeCloseTo(2 / 3, 12);
  });

  it('counts the control rows in: one model row (0.9) and one control row (0.1)', () => {
    const f = listFigures(plan, Uint32Array.from([1, 0]), 1, prob, label);
    expect(f.expected).toBeCloseTo(1.0, 12);
    expect(f.expectedPrecision).toBeCloseTo(0.5, 12);
    expect(f.expectedRecall).toBeCloseTo(1.0 / 2.5, 12);
    expect(f.realised).toMatchObject({ labelled: 2, found: 1, precision: 0.5 });
    expect(f.realised!.recall).toBeCloseTo(1 / 3, 12);
    // The next block starts after the model's part: ranks 2..6 hold 0.8 + 0.5 + 0.2 + 0.1 + 0 = 1.6, known positives rows 4 and 2.
    expect(f.nextCount).toBe(5);
    expect(f.nextYield).toBeCloseTo(1.6, 12);
    expect(f.realised!.next).toBe(2);
  });

  it('counts an unlabelled control row as on the list but not as known', () => {
    const f = listFigures(plan, Uint32Array.from([1, 6]), 1, prob, label);
    expect(f.expected).toBeCloseTo(1.4, 12);
    expect(f.realised).toMatchObject({ labelled: 1, found: 1, precision: 1 });
  });

  it('has NaN rates for an empty list and no realised figures without labels', () => {
    const f = listFigures(capacityPlan(order, prob), new Uint32Array(0), 0, prob);
    expect(f.expected).toBe(0);
    expect(f.expectedPrecision).toBeNaN();
    expect(f.expectedRecall).toBe(0);
    expect(f.realised).toBeUndefined();
    expect(f.nextCount).toBe(6);
  });

  it('agrees with the sum over selectWithControl’s list whatever the seed', () => {
    for (const seed of [1, 2, 3]) {
      const s = selectWithControl(order, prob, { capacity: 4, controlShare: 0.5, seed });
      let sum = 0;
      for (const r of s.rows) sum += prob[r];
      expect(listFigures(plan, s.rows, s.modelCount, prob).expected).toBeCloseTo(sum, 12);
    }
  });
});
