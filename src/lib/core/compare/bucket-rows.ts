/** Rows grouped by segment code, each group in the order given: group c is rows[start[c]..start[c+1]). */
export interface Buckets {
  start: Uint32Array;
  rows: Uint32Array;
}

/** A stable counting sort of `rows` by `codes[row]` (0..segments-1): O(n + segments). */
export function bucketRows(rows: ArrayLike<number>, codes: ArrayLike<number>, segments: number): Buckets {
  const start = new Uint32Array(segments + 1);
  for (let i = 0; i < rows.length; i++) start[codes[rows[i]] + 1]++;
  for (let c = 0; c < segments; c++) start[c + 1] += start[c];
  const fill = start.slice(0, segments);
  const out = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[fill[codes[rows[i]]]++] = rows[i];
  return { start, rows: out };
}

export function bucket(b: Buckets, c: number): Uint32Array {
  return b.rows.subarray(b.start[c], b.start[c + 1]);
}
