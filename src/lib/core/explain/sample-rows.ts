/**
 * Up to `k` row indices spread evenly over 0 … n−1 (ascending), for the first explained
 * sample: evenly spaced rather than random so the same file always shows the same early
 * charts, and a sorted file is still covered from end to end.
 */
export function sampleRows(n: number, k: number): Uint32Array {
  const m = Math.max(0, Math.min(n, k));
  const out = new Uint32Array(m);
  for (let i = 0; i < m; i++) out[i] = Math.floor((i * n) / m);
  return out;
}
