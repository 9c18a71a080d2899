import { describe, expect, it } from 'vitest';
import { histogram } from './histogram';

describe('histogram', () => {
  it('counts nothing for no values', () => {
    expect(Array.from(histogram(new Float32Array(0), 4))).toEqual([0, 0, 0, 0]);
  });

  it('puts one value in its bin', () => {
    expect(Array.from(histogram(Float32Array.of(0.3), 4))).toEqual([0, 1, 0, 0]);
  });

  it('puts 1 in the last bin and 0 in the first', () => {
    expect(Array.from(histogram(Float64Array.of(0, 1, 0.999), 10))).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('skips NaN and values outside 0–1', () => {
    expect(Array.from(histogram(Float64Array.of(NaN, -0.1, 1.5, 0.5), 2))).toEqual([0, 1]);
  });
});
