/** A categorical column as codes into a list of names (e.g. kommunenr), or as plain strings. */
export type SegmentColumn = ArrayLike<string | null | undefined> | { codes: ArrayLike<number>; names: readonly string[] };

/**
 * The column as codes 0..names.length-1 per row: names in order of first appearance, a missing
 * value (null, undefined) as the segment ''. A column given as codes comes back as it is.
 */
export function factorizeSegments(segment: SegmentColumn, n: number): { codes: ArrayLike<number>; names: readonly string[] } {
  if ('codes' in segment) return segment;
  const index = new Map<string, number>();
  const names: string[] = [];
  const codes = new Uint32Array(n);
  for (let r = 0; r < n; r++) {
    const name = segment[r] ?? '';
    let c = index.get(name);
    if (c === undefined) {
      c = names.length;
      index.set(name, c);
      names.push(name);
    }
    codes[r] = c;
  }
  return { codes, names };
}
