import { factorizeSegments, type SegmentColumn } from '../metrics/factorize-segments';

/** A sensitive column as groups: a code per row, the groups' values, and their sizes. */
export interface Groups {
  /** Group of each row, 0..names.length-1. */
  codes: Uint32Array;
  /** Each group's value as written in the file; '' is the group of empty cells. */
  names: string[];
  /** Rows in each group. */
  rows: Uint32Array;
}

/**
 * The column's distinct values as groups, largest first (ties in order of first appearance), so
 * group 0 is the reference the selection-rate ratios are taken to. An empty cell is a group of
 * its own, named ''.
 */
export function groupsOf(column: SegmentColumn, n: number): Groups {
  const { codes: first, names: firstNames } = factorizeSegments(column, n);
  const s = firstNames.length;
  const count = new Uint32Array(s);
  for (let r = 0; r < n; r++) count[first[r]]++;
  const byRows = Array.from({ length: s }, (_, c) => c).sort((a, b) => count[b] - count[a] || a - b);
  const to = new Uint32Array(s);
  byRows.forEach((c, i) => (to[c] = i));
  const codes = new Uint32Array(n);
  for (let r = 0; r < n; r++) codes[r] = to[first[r]];
  return { codes, names: byRows.map((c) => firstNames[c]), rows: Uint32Array.from(byRows, (c) => count[c]) };
}
