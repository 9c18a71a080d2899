import { describe, expect, it } from 'vitest';
import { beeswarmStrip, colourLimits, contribExtent } from './beeswarm';

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

describe('colourLimits', () => {
  const quantiles = { probs: [0, 0.05, 0.5, 0.95, 1], values: [0, 2, 5, 8, 10] };
  it('runs from the 5th to the 95th training percentile', () => {
    expect(colourLimits([{ training: { min: 0, max: 10, quantiles } }])).toEqual([[2, 8]]);
  });

  it('falls back to the training range without those percentiles, or when they do not span one', () => {
    const flat = { probs: [0.05, 0.95], values: [3, 3] };
    const none = { probs: [0.5], values: [5] };
    expect(colourLimits([{ training: { min: 0, max: 10, quantiles: flat } }, { training: { min: 1, max: 9, quantiles: none } }])).toEqual([
      [0, 10],
      [1, 9],
    ]);
  });

  it('gives no limits for no features', () => {
    expect(colourLimits([])).toEqual([]);
  });
});
