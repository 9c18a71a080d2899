import { describe, expect, it } from 'vitest';
import { gainsAtShares, gainsPath, TENTHS } from './gains';

describe('gainsPath', () => {
  it('turns running counts into shares checked and shares found', () => {
    // Four rows, the 1st and 3rd incorrect: found = 0, 1, 1, 2, 2.
    const p = gainsPath([0, 1, 1, 2, 2]);
    expect(Array.from(p.x)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(p.y)).toEqual([0, 0.5, 0.5, 1, 1]);
  });

  it('keeps at most maxPoints + 1 points, evenly spaced, ending at the whole file', () => {
    const c = Float64Array.from({ length: 1001 }, (_, k) => k);
    const p = gainsPath(c, 4);
    expect(Array.from(p.x)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(p.y)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('is empty for an empty ranking and NaN when there is nothing to find', () => {
    expect(gainsPath([0]).x.length).toBe(0);
    expect(gainsPath([]).x.length).toBe(0);
    expect(Array.from(gainsPath([0, 0]).y).every(Number.isNaN)).toBe(true);
  });

  it('handles one row', () => {
    expect(Array.from(gainsPath([0, 0.4]).y)).toEqual([0, 1]);
  });
});

describe('gainsAtShares', () => {
  it('reads the curve at tenths, counting a share as the planner does (half up)', () => {
    // 5 rows: 10 % of 5 = 0.5 → 1 row; 30 % = 1.5 → 2 rows.
    const found = [0, 1, 2, 2, 3, 4];
    expect(Array.from(gainsAtShares(found, [0.1, 0.3, 1]))).toEqual([0.25, 0.5, 1]);
  });

  it('gives NaN for an empty ranking', () => {
    expect(Number.isNaN(gainsAtShares([0], TENTHS)[0])).toBe(true);
  });
});
