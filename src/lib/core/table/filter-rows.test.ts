import { describe, expect, it } from 'vitest';
import { distinctValues, filterRows, reasonMask, statusMask } from './filter-rows';

describe('filterRows', () => {
  it('keeps the rows every mask holds, in the given order', () => {
    const order = Uint32Array.of(3, 0, 2, 1);
    expect(Array.from(filterRows(order, [Uint8Array.of(1, 1, 0, 1), null, Uint8Array.of(1, 0, 1, 1)]))).toEqual([3, 0]);
  });

  it('returns the order itself without a mask, and nothing from nothing', () => {
    const order = Uint32Array.of(1, 0);
    expect(filterRows(order, [null])).toBe(order);
    expect(filterRows(new Uint32Array(0), [new Uint8Array(0)]).length).toBe(0);
  });
});

describe('statusMask', () => {
  it('marks the rows with the wanted status', () => {
    expect(Array.from(statusMask(Uint8Array.of(0, 2, 1, 2), 2))).toEqual([0, 1, 0, 1]);
  });
});

describe('reasonMask', () => {
  // 3 rows × (2 features + base): row 0 raised by feature 1, row 1 by feature 0, row 2 not explained.
  const contrib = Float32Array.of(-0.2, 0.9, 0.1, 0.5, NaN, 0.1, 0, 0, 0);
  const explained = Uint8Array.of(1, 1, 0);

  it('marks the explained rows that have the feature among their top reasons', () => {
    expect(Array.from(reasonMask(contrib, explained, 2, 1, 3).mask)).toEqual([1, 0, 0]);
    expect(Array.from(reasonMask(contrib, explained, 2, 0, 3).mask)).toEqual([0, 1, 0]);
  });

  it('never counts a negative or NaN contribution as a reason', () => {
    expect(Array.from(reasonMask(contrib, explained, 2, 0, 1).mask)).toEqual([0, 1, 0]);
    expect(reasonMask(Float32Array.of(NaN, -1, 0), Uint8Array.of(1), 2, 0).mask[0]).toBe(0);
  });

  it('leaves out and counts the rows not explained yet', () => {
    expect(reasonMask(contrib, explained, 2, 1).unexplained).toBe(1);
    expect(reasonMask(new Float32Array(0), new Uint8Array(0), 2, 1).unexplained).toBe(0);
  });
});

describe('distinctValues', () => {
  it('lists each value once, numbers by value, the empty cell last', () => {
    expect(distinctValues(['10', '', '2', '10', 'a'])).toEqual(['2', '10', 'a', '']);
  });
});
