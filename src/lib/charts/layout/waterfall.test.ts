import { describe, expect, it } from 'vitest';
import { waterfall } from './waterfall';

describe('waterfall', () => {
  it('is just the base value for a record whose features contribute nothing', () => {
    const w = waterfall([0, 0, -3], 2, 5);
    expect(w.steps).toEqual([]);
    expect(w.base).toBe(-3);
    expect(w.total).toBe(-3);
  });

  it('orders steps by size and runs from the base to the score', () => {
    const w = waterfall([0.5, -2, 1, -3], 3, 5);
    expect(w.steps.map((s) => s.feature)).toEqual([1, 2, 0]);
    expect(w.steps[0]).toEqual({ feature: 1, count: 1, start: -3, end: -5 });
    expect(w.steps[2].end).toBeCloseTo(-3.5, 12);
    expect(w.total).toBeCloseTo(-3.5, 12);
  });

  it('folds the smallest features into one step that keeps the sum exact', () => {
    const contrib = [0.1, 0.2, 0.3, 0.4, 0.5, -2];
    const w = waterfall(contrib, 5, 3);
    expect(w.steps.map((s) => [s.feature, s.count])).toEqual([
      [4, 1],
      [3, 1],
      [-1, 3],
    ]);
    expect(w.total).toBeCloseTo(-2 + 1.5, 12);
  });

  it('skips missing contributions', () => {
    const w = waterfall([NaN, 1, 0], 2, 5);
    expect(w.steps.map((s) => s.feature)).toEqual([1]);
    expect(w.total).toBe(1);
  });
});
