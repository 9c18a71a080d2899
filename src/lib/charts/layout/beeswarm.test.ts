import { describe, expect, it } from 'vitest';
import { beeswarmStrip, contribExtent } from './beeswarm';

// Three rows, one feature (plus base): φ = -1, 0.9, 1; values 0, 10, NaN.
const contrib = Float32Array.of(-1, 5, 0.9, 5, 1, 5);
const features = Float32Array.of(0, 10, NaN);

describe('beeswarmStrip', () => {
  it('counts each row in the bin of its φ and colours bins by the mean value position', () => {
    const s = beeswarmStrip(contrib, features, 1, 0, [0, 1, 2], [-1, 1], 2, 0, 10);
    expect(Array.from(s.counts)).toEqual([1, 2]);
    expect(s.colour[0]).toBe(0);
    expect(s.colour[1]).toBe(1);
    expect(Array.from(s.missing)).toEqual([0, 1]);
  });

  it('draws nothing for no rows', () => {
    const s = beeswarmStrip(contrib, features, 1, 0, [], [-1, 1], 4, 0, 10);
    expect(Array.from(s.counts)).toEqual([0, 0, 0, 0]);
    expect(Number.isNaN(s.colour[0])).toBe(true);
  });

  it('skips rows not explained yet (NaN φ)', () => {
    const s = beeswarmStrip(Float32Array.of(NaN, 0), Float32Array.of(1), 1, 0, [0], [-1, 1], 2, 0, 1);
    expect(Array.from(s.counts)).toEqual([0, 0]);
  });
});

describe('contribExtent', () => {
  it('always includes zero so the axis shows which way a feature pushes', () => {
    expect(contribExtent(Float32Array.of(0.5, 9, 2, 9), 1, [0], [0, 1])).toEqual([0, 2]);
  });
  it('falls back to [-1, 1] without rows', () => {
    expect(contribExtent(new Float32Array(0), 1, [0], [])).toEqual([-1, 1]);
  });
});
