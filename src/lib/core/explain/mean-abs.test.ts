import { describe, expect, it } from 'vitest';
import { meanAbs } from './mean-abs';

describe('meanAbs', () => {
  it('averages |φ| per feature over rows and ignores the expected-value column', () => {
    // 2 features + expected value, 3 rows.
    const contrib = Float32Array.of(1, -2, 9, -3, 0.5, 9, 0.5, 0.25, 9);
    expect(Array.from(meanAbs(contrib, 3, 2))).toEqual([1.5, 0.9166666666666666]);
  });

  it('leaves NaN contributions out of that feature only', () => {
    const contrib = Float64Array.of(NaN, 2, 0, 4, -4, 0);
    expect(Array.from(meanAbs(contrib, 2, 2))).toEqual([4, 3]);
  });

  it('gives NaN for every feature of an empty matrix', () => {
    expect(Array.from(meanAbs(new Float32Array(0), 0, 3))).toEqual([NaN, NaN, NaN]);
  });

  it('gives the absolute values themselves for one row', () => {
    expect(Array.from(meanAbs(Float32Array.of(-0.5, 2, 1), 1, 2))).toEqual([0.5, 2]);
  });
});
