/** Where a value stands among the non-missing values of a column of the file. */
export interface FilePosition {
  /** Share (0–1) of the values strictly below it. */
  below: number;
  /** Share (0–1) of the values strictly above it. */
  above: number;
  /** Number of non-missing values. */
  n: number;
}

/**
 * The position of `value` in a column sorted ascending with NaN last — exactly what
 * Float64Array.prototype.sort() / Float32Array.prototype.sort() leave behind, so sort a copy of
 * the column once and ask for every row in O(log n). Shares are NaN when the value is NaN or
 * the column has no values. Ties count neither below nor above, so "higher than 97 %" is never
 * claimed of a value that merely equals most of the file.
 */
export function percentileInFile(sortedColumn: ArrayLike<number>, value: number): FilePosition {
  const n = firstNaN(sortedColumn);
  if (n === 0 || value !== value) return { below: NaN, above: NaN, n };
  const lower = bound(sortedColumn, n, (x) => x < value);
  const upper = bound(sortedColumn, n, (x) => x <= value);
  return { below: lower / n, above: (n - upper) / n, n };
}

/** First index in [0, n) where `before` stops holding (it must hold on a prefix). */
function bound(a: ArrayLike<number>, n: number, before: (x: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(a[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstNaN(a: ArrayLike<number>): number {
  return bound(a, a.length, (x) => x === x);
}
