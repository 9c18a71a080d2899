import { describe, expect, it } from 'vitest';
import { column, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { rankOrder } from '../metrics/rank-order';
import { BY_MODEL, NOT_SELECTED, RANDOM_CONTROL, selectWithControl, type ListOrder } from './control-sample';

const fx = loadMetricsFixture('control_sample.json');
const prob = column(fx.prob);
const order = rankOrder(prob);

describe('selectWithControl', () => {
  for (const c of fx.cases) {
    it(`builds the same list as the independent Python implementation (capacity ${c.capacity}, control ${c.control_share}, seed ${c.seed}, ${c.list_order})`, () => {
      const got = selectWithControl(order, prob, {
        capacity: c.capacity,
        controlShare: c.control_share,
        seed: BigInt(c.seed),
        listOrder: c.list_order as ListOrder,
      });
      expect([got.modelCount, got.controlCount]).toEqual([c.model_count, c.control_count]);
      expect([...got.rows]).toEqual(c.rows);
      expect([...got.kind]).toEqual(c.kind);
    });
  }

  it('always gives the same list for the same ranking, capacity, share and seed', () => {
    const options = { capacity: 300, controlShare: 0.2, seed: 99 };
    expect(selectWithControl(order, prob, options).rows).toEqual(selectWithControl(rankOrder(prob), prob, options).rows);
  });

  it('draws the control group only from scored rows outside the model part, without repeats', () => {
    const got = selectWithControl(order, prob, { capacity: 400, controlShare: 0.25, seed: 5 });
    const model = new Set(order.subarray(0, got.modelCount));
    const control = [...got.rows].filter((_, i) => got.kind[i] === RANDOM_CONTROL);
    expect(control.length).toBe(100);
    expect(new Set(control).size).toBe(100);
    for (const r of control) {
      expect(model.has(r)).toBe(false);
      expect(Number.isNaN(prob[r])).toBe(false);
    }
    expect([...got.rows.subarray(0, got.modelCount)]).toEqual([...order.subarray(0, got.modelCount)]);
  });

  it('marks every row of the file with its selection type', () => {
    const got = selectWithControl(order, prob, { capacity: 50, controlShare: 0.1, seed: 1 });
    let model = 0;
    let control = 0;
    for (const k of got.kindByRow) {
      if (k === BY_MODEL) model++;
      else if (k === RANDOM_CONTROL) control++;
      else expect(k).toBe(NOT_SELECTED);
    }
    expect([model, control, got.kindByRow.length]).toEqual([45, 5, prob.length]);
  });

  it('gives every candidate the same chance of joining the control group', () => {
    // 10 candidates outside a model part of 2; 3 drawn per seed; 3000 seeds → 900 expected each.
    const p = Float64Array.from({ length: 12 }, (_, i) => 1 - i / 12);
    const o = rankOrder(p);
    const hits = new Array(12).fill(0);
    for (let seed = 0; seed < 3000; seed++) {
      const s = selectWithControl(o, p, { capacity: 5, controlShare: 0.6, seed });
      for (let i = 0; i < s.rows.length; i++) if (s.kind[i] === RANDOM_CONTROL) hits[s.rows[i]]++;
    }
    expect(hits.slice(0, 2)).toEqual([0, 0]);
    // χ² with 9 degrees of freedom; 27.9 is the 0.999 quantile.
    const chi2 = hits.slice(2).reduce((sum, h) => sum + (h - 900) ** 2 / 900, 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('warns and clamps when the capacity exceeds the scored rows, still filling the control share', () => {
    const p = Float64Array.of(0.9, 0.8, NaN, 0.1);
    const got = selectWithControl(rankOrder(p), p, { capacity: 10, controlShare: 0.5, seed: 3 });
    expect(got.problems.map((x) => x.code)).toEqual(['select.capacity_above_scored']);
    expect([got.modelCount, got.controlCount]).toEqual([1, 2]);
    const short = selectWithControl(rankOrder(p), p, { capacity: 3, controlShare: 1, seed: 3 });
    expect(short.controlCount).toBe(3);
    const tight = selectWithControl(rankOrder(p), p, { capacity: 2, controlShare: 0.5, seed: 3 });
    expect([tight.modelCount, tight.controlCount, tight.problems.length]).toEqual([1, 1, 0]);
  });

  it('returns an empty list for an empty file or a zero capacity', () => {
    const none = selectWithControl(new Uint32Array(0), new Float64Array(0), { capacity: 0, controlShare: 0.1, seed: 1 });
    expect([none.rows.length, none.kindByRow.length, none.problems.length]).toEqual([0, 0, 0]);
    const one = Float64Array.of(0.3);
    expect([...selectWithControl(rankOrder(one), one, { capacity: 1, controlShare: 0, seed: 1 }).rows]).toEqual([0]);
  });

  it('refuses a control share outside 0..1 and a capacity that is not a whole number', () => {
    expect(() => selectWithControl(order, prob, { capacity: 10, controlShare: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => selectWithControl(order, prob, { capacity: 2.5, controlShare: 0.1, seed: 1 })).toThrow(RangeError);
  });
});
