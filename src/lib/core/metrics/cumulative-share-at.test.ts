import { describe, expect, it } from 'vitest';
import { cumulativeShareAt } from './cumulative-share-at';

describe('cumulativeShareAt', () => {
  it('reads the curve at tenths, counting a share as the planner does (half up)', () => {
    // 5 rows: 10 % of 5 = 0.5 → 1 row; 30 % = 1.5 → 2 rows.
    const found = [0, 1, 2, 2, 3, 4];
    expect(Array.from(cumulativeShareAt(found, [0.1, 0.3, 1]))).toEqual([0.25, 0.5, 1]);
  });

  it('gives NaN for an empty ranking', () => {
    expect(Number.isNaN(cumulativeShareAt([0], [0.1, 0.2, 0.5, 1])[0])).toBe(true);
  });
});
