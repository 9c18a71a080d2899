import { describe, expect, it } from 'vitest';
import { linePath, tableRows, thinCurve } from './curve';

describe('thinCurve', () => {
  it('keeps every point of a short curve and drops NaN points', () => {
    const t = thinCurve([0, 0.5, NaN, 1], [0, 0.7, 0.8, 1]);
    expect(Array.from(t.x)).toEqual([0, 0.5, 1]);
    expect(Array.from(t.y)).toEqual([0, 0.7, 1]);
  });

  it('keeps at most about maxPoints of a long curve, always with both ends', () => {
    const n = 1_000_001;
    const xs = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const t = thinCurve(xs, xs, 500);
    expect(t.x.length).toBeLessThanOrEqual(502);
    expect(t.x[0]).toBe(0);
    expect(t.x[t.x.length - 1]).toBe(1);
  });

  it('is empty for an empty curve', () => {
    expect(thinCurve([], []).x.length).toBe(0);
  });
});

describe('linePath', () => {
  it('draws straight segments, or steps across then down', () => {
    expect(linePath([0, 10], [5, 20])).toBe('M0.0,5.0L10.0,20.0');
    expect(linePath([0, 10], [5, 20], true)).toBe('M0.0,5.0H10.0V20.0');
    expect(linePath([], [])).toBe('');
    expect(linePath([3], [4])).toBe('M3.0,4.0');
  });
});

describe('tableRows', () => {
  it('picks evenly spaced rows with both ends, or all of a short curve', () => {
    expect(tableRows(101, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(tableRows(3, 5)).toEqual([0, 1, 2]);
    expect(tableRows(0)).toEqual([]);
    expect(tableRows(1)).toEqual([0]);
  });
});
