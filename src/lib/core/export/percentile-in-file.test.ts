import { describe, expect, it } from 'vitest';
import { percentileInFile } from './percentile-in-file';

describe('percentileInFile', () => {
  const sorted = Float64Array.of(3, 1, NaN, 2, 2, 5).sort(); // [1, 2, 2, 3, 5, NaN]

  it('gives the shares of non-missing values strictly below and above', () => {
    expect(percentileInFile(sorted, 3)).toEqual({ below: 3 / 5, above: 1 / 5, n: 5 });
    expect(percentileInFile(sorted, 2)).toEqual({ below: 1 / 5, above: 2 / 5, n: 5 });
    expect(percentileInFile(sorted, 2.5)).toEqual({ below: 3 / 5, above: 2 / 5, n: 5 });
  });

  it('reaches 0 and 1 beyond the ends', () => {
    expect(percentileInFile(sorted, 0)).toEqual({ below: 0, above: 1, n: 5 });
    expect(percentileInFile(sorted, 99)).toEqual({ below: 1, above: 0, n: 5 });
  });

  it('is NaN for a missing value, an empty column and an all-missing column', () => {
    expect(percentileInFile(sorted, NaN).below).toBeNaN();
    expect(percentileInFile(new Float64Array(0), 1)).toEqual({ below: NaN, above: NaN, n: 0 });
    expect(percentileInFile(Float32Array.of(NaN, NaN), 1).n).toBe(0);
  });

  it('places a value in a one-value column', () => {
    expect(percentileInFile(Float32Array.of(7), 7)).toEqual({ below: 0, above: 0, n: 1 });
  });
});
