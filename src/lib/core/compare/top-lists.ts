/** Two lists of the first k rows, one per model, and how they differ. */
export interface TopLists {
  /** Rows on both lists. */
  overlap: number;
  /** Rows on the challenger's list and not the champion's, by challenger rank (best first). */
  entering: Uint32Array;
  /** Rows on the champion's list and not the challenger's, by champion rank (best first). */
  leaving: Uint32Array;
  /** Per row: bit 1 on the champion's list, bit 2 on the challenger's. */
  membership: Uint8Array;
}

export const ON_CHAMPION = 1;
export const ON_CHALLENGER = 2;

/**
 * The first k rows of each order (pairedOrder, so ties break by input order as on the control
 * list) compared as sets; `rows` is the length of the file. k must not exceed either order. O(n).
 */
export function topLists(championOrder: Uint32Array, challengerOrder: Uint32Array, k: number, rows: number): TopLists {
  if (k > championOrder.length || k > challengerOrder.length) throw new RangeError(`capacity ${k} exceeds the ranked rows`);
  const membership = new Uint8Array(rows);
  for (let i = 0; i < k; i++) membership[championOrder[i]] |= ON_CHAMPION;
  for (let i = 0; i < k; i++) membership[challengerOrder[i]] |= ON_CHALLENGER;
  const entering = new Uint32Array(k);
  const leaving = new Uint32Array(k);
  let e = 0;
  let l = 0;
  for (let i = 0; i < k; i++) {
    const r = challengerOrder[i];
    if (membership[r] === ON_CHALLENGER) entering[e++] = r;
  }
  for (let i = 0; i < k; i++) {
    const r = championOrder[i];
    if (membership[r] === ON_CHAMPION) leaving[l++] = r;
  }
  return { overlap: k - e, entering: entering.slice(0, e), leaving: leaving.slice(0, l), membership };
}
