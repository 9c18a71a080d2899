import { describe, expect, it } from 'vitest';
import { countToFind } from './count-to-find';

describe('countToFind', () => {
  // Probabilities 0.5, 0.3, 0.1, 0.1 by rank: running sums 0, 0.5, 0.8, 0.9, 1.0 (total 1.0).
  const expected = [0, 0.5, 0.8, 0.9, 1.0];
  it('is the first count whose expected finds reach the goal, by hand', () => {
    expect(countToFind(expected, 4, 0.5)).toBe(1);
    expect(countToFind(expected, 4, 0.51)).toBe(2);
    expect(countToFind(expected, 4, 0.8)).toBe(2);
    expect(countToFind(expected, 4, 0.85)).toBe(3);
    expect(countToFind(expected, 4, 1)).toBe(4);
    expect(countToFind(expected, 4, 0)).toBe(0);
  });
  it('says nothing when nothing is expected', () => {
    expect(countToFind([0, 0, 0], 2, 0.8)).toBeNull();
    expect(countToFind([0], 0, 0.8)).toBeNull();
  });
});
