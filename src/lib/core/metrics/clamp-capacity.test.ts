import { describe, expect, it } from 'vitest';
import { clampCapacity } from './clamp-capacity';

describe('clampCapacity', () => {
  it('keeps a whole count inside 0..scored as it is', () => {
    expect(clampCapacity(250, 1001)).toBe(250);
    expect(clampCapacity(0, 10)).toBe(0);
    expect(clampCapacity(10, 10)).toBe(10);
  });

  it('rounds to the nearest row, halves up, as countForShare does', () => {
    expect(clampCapacity(2.4, 10)).toBe(2);
    expect(clampCapacity(2.5, 10)).toBe(3);
    expect(clampCapacity(249.99999999, 1001)).toBe(250);
  });

  it('clamps to the scored rows, and gives 0 for a negative, NaN or an empty file', () => {
    expect(clampCapacity(12, 10)).toBe(10);
    expect(clampCapacity(Infinity, 10)).toBe(10);
    expect(clampCapacity(-3, 10)).toBe(0);
    expect(clampCapacity(NaN, 10)).toBe(0);
    expect(clampCapacity(5, 0)).toBe(0);
  });
});
