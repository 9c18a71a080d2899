import { describe, expect, it } from 'vitest';
import { gatherRows } from './gather-rows';

describe('gatherRows', () => {
  // 4 rows × 2 features: row r is (10r, 10r + 1).
  const x = Float32Array.of(0, 1, 10, 11, 20, 21, 30, 31);

  it('copies the chosen rows in the order asked, repeats included', () => {
    expect(Array.from(gatherRows(x, 2, [3, 0, 3]))).toEqual([30, 31, 0, 1, 30, 31]);
  });

  it('gives a copy, not a view: writing to it leaves the source alone', () => {
    const out = gatherRows(x, 2, Uint32Array.of(1));
    out[0] = -1;
    expect(x[2]).toBe(10);
    expect(out.buffer).not.toBe(x.buffer);
  });

  it('is empty for no rows', () => {
    expect(gatherRows(x, 2, [])).toHaveLength(0);
  });
});
