import { describe, expect, it } from 'vitest';
import { byImportance, meanAbsExplained } from './importance';

describe('meanAbsExplained', () => {
  it('averages absolute contributions over explained rows only', () => {
    // two features + base per row; the middle row is not explained yet
    const contrib = Float32Array.of(1, -3, 9, NaN, NaN, NaN, -2, 1, 9);
    const { importance, rows } = meanAbsExplained(contrib, 2, Uint8Array.of(1, 0, 1));
    expect(rows).toBe(2);
    expect(Array.from(importance)).toEqual([1.5, 2]);
  });

  it('is all zeros when nothing is explained yet', () => {
    const { importance, rows } = meanAbsExplained(new Float32Array(3), 2, new Uint8Array(1));
    expect(rows).toBe(0);
    expect(Array.from(importance)).toEqual([0, 0]);
  });
});

describe('byImportance', () => {
  it('orders features from most to least important, ties in card order', () => {
    expect(byImportance(Float64Array.of(0.1, 0.5, 0.1, 0.7))).toEqual([3, 1, 0, 2]);
  });
});
