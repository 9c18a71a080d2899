import { describe, expect, it } from 'vitest';
import { countDistinct } from './count-distinct';

describe('countDistinct', () => {
  it('counts a column fed in slices as one pass over it does', () => {
    // a, b, a | c, a | b, d: four distinct values (a, b, c, d), counted by hand.
    const seen = new Set<string>();
    for (const slice of [['a', 'b', 'a'], ['c', 'a'], ['b', 'd']]) countDistinct(seen, slice, 10);
    expect(seen.size).toBe(4);
    const once = new Set<string>();
    countDistinct(once, ['a', 'b', 'a', 'c', 'a', 'b', 'd'], 10);
    expect(once.size).toBe(4);
  });

  it('stops one past the cap, however many values follow', () => {
    // cap 2: it stops once it holds 3, in one slice or across slices.
    const seen = new Set<string>();
    countDistinct(seen, ['1', '2'], 2);
    countDistinct(seen, ['3', '4', '5'], 2);
    countDistinct(seen, ['6'], 2);
    expect(seen.size).toBe(3);
    const once = new Set<string>();
    countDistinct(once, ['1', '2', '3', '4', '5', '6'], 2);
    expect(once.size).toBe(3);
  });

  it('counts the empty cell as a value and an empty slice as nothing', () => {
    const seen = new Set<string>();
    countDistinct(seen, [], 5);
    expect(seen.size).toBe(0);
    countDistinct(seen, ['', 'x', ''], 5);
    expect(seen.size).toBe(2);
  });
});
