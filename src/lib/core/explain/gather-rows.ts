/**
 * The rows `rows` of a row-major n × f matrix, in that order, as a new (transferable)
 * row-major rows.length × f array: the block a worker explains for a sample or a list.
 */
export function gatherRows(x: Float32Array, f: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * f);
  for (let i = 0; i < rows.length; i++) out.set(x.subarray(rows[i] * f, (rows[i] + 1) * f), i * f);
  return out;
}
