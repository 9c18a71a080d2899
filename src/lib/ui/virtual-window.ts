/**
 * The rows a fixed-row-height list must draw for a scroll position: only what the viewport
 * shows plus `overscan` rows each side, so a table of a million rows draws a few dozen.
 */
export interface VirtualWindow {
  /** First row to draw (0-based). */
  start: number;
  /** One past the last row to draw. */
  end: number;
  /** Blank space above the first drawn row, px. */
  before: number;
  /** Blank space below the last drawn row, px. */
  after: number;
}

export function virtualWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8): VirtualWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + Math.ceil(Math.max(0, viewport) / rowHeight) + overscan + 1);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}
