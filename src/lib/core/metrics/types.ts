/**
 * A numeric column read by row index: Float32Array or Float64Array in practice, NaN for
 * missing. Probabilities are P(incorrect deduction) on 0–1; labels are 0/1 outcomes of an
 * earlier control, NaN when unknown.
 */
export type NumberColumn = ArrayLike<number>;

/** A known outcome: exactly 0 or 1. NaN and any other value mean "not controlled / unknown". */
export function isLabel(y: number): boolean {
  return y === 0 || y === 1;
}
