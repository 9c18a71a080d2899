/**
 * One row of a contribution matrix: `contrib` is rows × (f + 1), row-major, φ per feature in
 * card order then the base value, log-odds (what explain() returns and the worker streams).
 * A view into the matrix, not a copy.
 */
export function contribRow(contrib: Float32Array, f: number, row: number): Float32Array {
  return contrib.subarray(row * (f + 1), (row + 1) * (f + 1));
}
