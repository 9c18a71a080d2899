import { describe, expect, it } from 'vitest';
import { topReasons } from './top-reasons';

describe('topReasons', () => {
  it('lists the largest positive contributions first, per row', () => {
    // 4 features + expected value, 2 rows.
    const contrib = Float32Array.of(0.1, 0.7, -2, 0.3, 5, 3, -1, 2, 0.5, 5);
    expect(Array.from(topReasons(contrib, 2, 4, 2))).toEqual([1, 3, 0, 2]);
  });

  it('pads with −1 when a row has fewer positive contributions than asked, and never lists zero or negative ones', () => {
    const contrib = Float32Array.of(-1, 0, 0.2, 1);
    expect(Array.from(topReasons(contrib, 1, 3))).toEqual([2, -1, -1]);
  });

  it('breaks ties toward the lower feature index', () => {
    const contrib = Float32Array.of(0.5, 0.5, 0.5, 0);
    expect(Array.from(topReasons(contrib, 1, 3, 2))).toEqual([0, 1]);
  });

  it('skips NaN contributions', () => {
    const contrib = Float64Array.of(NaN, 0.25, NaN, 0);
    expect(Array.from(topReasons(contrib, 1, 3))).toEqual([1, -1, -1]);
  });

  it('keeps the right order when later features beat earlier ones', () => {
    const contrib = Float32Array.of(1, 2, 3, 4, 5, 0);
    expect(Array.from(topReasons(contrib, 1, 5, 3))).toEqual([4, 3, 2]);
  });

  it('gives an empty array for no rows', () => {
    expect(topReasons(new Float32Array(0), 0, 4).length).toBe(0);
  });
});
