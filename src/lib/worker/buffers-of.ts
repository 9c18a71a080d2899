/**
 * Every ArrayBuffer behind the typed arrays in `value` (objects and arrays walked, each buffer
 * once): the transfer list of a reply, so the page takes the arrays over instead of copying
 * them. A structured clone copies each array on the page's thread when the reply's `data` is
 * first read — the comparison's ranks and curves at 10⁵ rows were a 110 ms task (CPU profile,
 * 6 December 2026). Only for a reply whose arrays the sender no longer reads.
 */
export function buffersOf(value: unknown, found: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) buffersOf(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) buffersOf(item, found);
  }
  return [...found];
}
