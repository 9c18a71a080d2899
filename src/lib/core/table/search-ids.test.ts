import { describe, expect, it } from 'vitest';
import { searchIds } from './search-ids';

const range = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe('searchIds', () => {
  const ids = ['S0012', 'S001', 's00123', 'T001', 'S001'];

  it('puts exact matches first, then ids that start with the query, ignoring case', () => {
    expect(Array.from(searchIds(ids, 's001', range(5)))).toEqual([1, 4, 0, 2]);
  });

  it('keeps each group in the order it is given (the table sort)', () => {
    expect(Array.from(searchIds(ids, 'S001', Uint32Array.of(4, 3, 2, 1, 0)))).toEqual([4, 1, 2, 0]);
  });

  it('trims the query, and an empty query matches nothing', () => {
    expect(Array.from(searchIds(ids, '  t001 ', range(5)))).toEqual([3]);
    expect(searchIds(ids, '   ', range(5)).length).toBe(0);
  });

  it('finds nothing in an empty file, and one row in a one-row file', () => {
    expect(searchIds([], 'a', range(0)).length).toBe(0);
    expect(Array.from(searchIds(['A'], 'a', range(1)))).toEqual([0]);
  });

  it('searches a million ids in well under a second', () => {
    const n = 1_000_000;
    const many = Array.from({ length: n }, (_, i) => `S${String(i).padStart(7, '0')}`);
    const t = performance.now();
    const found = searchIds(many, 's000012', range(n));
    expect(performance.now() - t).toBeLessThan(1000);
    expect(found.length).toBe(10);
    expect(many[found[0]]).toBe('S0000120');
  });
});
