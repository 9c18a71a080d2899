import { describe, expect, it } from 'vitest';
import { gainsPath } from './gains';

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
