import { describe, expect, it } from 'vitest';
import { featureValue, sortRows } from './sort-rows';

describe('sortRows', () => {
  const v = Float32Array.of(3, NaN, 1, 3, NaN, 2);

  it('sorts ascending with NaN last and ties in row order', () => {
    expect(Array.from(sortRows(v.length, (r) => v[r]))).toEqual([2, 5, 0, 3, 1, 4]);
  });

  it('sorts descending with NaN still last and ties still in row order', () => {
    expect(Array.from(sortRows(v.length, (r) => v[r], true))).toEqual([0, 3, 5, 2, 1, 4]);
  });

  it('handles empty and one-row input', () => {
    expect(sortRows(0, () => 0).length).toBe(0);
    expect(Array.from(sortRows(1, () => NaN))).toEqual([0]);
  });

  it('reads a feature column of a row-major matrix', () => {
    const features = Float32Array.of(1, 9, 2, 8, 3, 7); // 3 rows × 2
    expect(Array.from(sortRows(3, featureValue(features, 2, 1)))).toEqual([2, 1, 0]);
  });

  it('sorts a million rows without a row object', () => {
    const n = 1_000_000;
    const col = new Float32Array(n);
    for (let r = 0; r < n; r++) col[r] = r % 10 === 0 ? NaN : (r * 7919) % 1000;
    const order = sortRows(n, (r) => col[r], true);
    expect(order.length).toBe(n);
    expect(col[order[0]]).toBe(999);
    expect(Number.isNaN(col[order[n - 1]])).toBe(true);
    let sorted = true;
    for (let i = 1; i < n * 0.9; i++) if (!(col[order[i]] <= col[order[i - 1]]) || (col[order[i]] === col[order[i - 1]] && order[i] < order[i - 1])) sorted = false;
    expect(sorted).toBe(true);
  });

  it('orders negative numbers, zeros and infinities as numbers', () => {
    const w = Float32Array.of(0, -1, Infinity, -0, -Infinity, 0.5);
    expect(Array.from(sortRows(w.length, (r) => w[r]))).toEqual([4, 1, 0, 3, 5, 2]);
    expect(Array.from(sortRows(w.length, (r) => w[r], true))).toEqual([2, 5, 0, 3, 1, 4]);
  });
});
