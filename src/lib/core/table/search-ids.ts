/**
 * The rows whose id matches `query`, case-insensitively: exact matches first, then ids that
 * start with it, each group in the order of `order` (the table's current sort). An empty
 * query (after trimming) matches nothing; the caller shows every row instead.
 * Returns row indices; no per-row objects (each id is lower-cased once per query).
 */
export function searchIds(ids: readonly string[], query: string, order: Uint32Array): Uint32Array {
  const q = query.trim().toLowerCase();
  if (q === '') return new Uint32Array(0);
  // 2 = exact, 1 = prefix, 0 = no match, by row.
  const kind = new Uint8Array(ids.length);
  let exact = 0;
  let prefix = 0;
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r];
    if (id.length < q.length) continue;
    const lower = id.toLowerCase();
    if (lower === q) (kind[r] = 2), exact++;
    else if (lower.startsWith(q)) (kind[r] = 1), prefix++;
  }
  const out = new Uint32Array(exact + prefix);
  let e = 0;
  let p = exact;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    if (kind[r] === 2) out[e++] = r;
    else if (kind[r] === 1) out[p++] = r;
  }
  return out;
}
