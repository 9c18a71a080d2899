import { describe, expect, it } from 'vitest';
import { sampleRows } from './sample-rows';

describe('sampleRows', () => {
  it('takes every row of a file smaller than the sample', () => {
    expect(Array.from(sampleRows(3, 10))).toEqual([0, 1, 2]);
  });
  it('takes nothing from an empty file', () => {
    expect(sampleRows(0, 10).length).toBe(0);
  });
  it('spreads the sample from the first row to near the last, ascending and distinct', () => {
    const s = sampleRows(1_000_000, 2000);
    expect(s.length).toBe(2000);
    expect(s[0]).toBe(0);
    expect(s[1999]).toBe(999_500);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
  });
});
