import { describe, expect, it } from 'vitest';
import { virtualWindow } from './virtual-window';

describe('virtualWindow', () => {
  it('draws nothing for an empty list', () => {
    expect(virtualWindow(0, 500, 30, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('draws the one row of a one-row list', () => {
    expect(virtualWindow(0, 500, 30, 1)).toEqual({ start: 0, end: 1, before: 0, after: 0 });
  });

  it('draws only the visible rows and the overscan of a million-row list', () => {
    const w = virtualWindow(30 * 500_000, 300, 30, 1_000_000, 5);
    expect(w.start).toBe(500_000 - 5);
    expect(w.end).toBe(500_000 + 10 + 5 + 1);
    expect(w.before + (w.end - w.start) * 30 + w.after).toBe(30 * 1_000_000);
  });

  it('keeps the total height equal to all rows wherever the list is scrolled', () => {
    for (const top of [0, 17, 299, 2999, 100_000]) {
      const w = virtualWindow(top, 240, 24, 120, 3);
      expect(w.before + (w.end - w.start) * 24 + w.after).toBe(24 * 120);
      expect(w.end).toBeLessThanOrEqual(120);
    }
  });

  it('treats a scroll position past the end as the last rows', () => {
    const w = virtualWindow(1e9, 100, 10, 50, 0);
    expect(w.end).toBe(50);
    expect(w.start).toBe(49);
  });
});
