import { topReasons } from '../explain/top-reasons';

/**
 * The rows of `order` (kept in that order) for which every mask holds 1. Masks are one byte
 * per row of the file; null masks are ignored. Returns `order` itself when there is no mask.
 */
export function filterRows(order: Uint32Array, masks: readonly (Uint8Array | null)[]): Uint32Array {
  const active = masks.filter((m): m is Uint8Array => m !== null);
  if (active.length === 0) return order;
  const out = new Uint32Array(order.length);
  let k = 0;
  outer: for (let i = 0; i < order.length; i++) {
    const r = order[i];
    for (const m of active) if (!m[r]) continue outer;
    out[k++] = r;
  }
  return out.slice(0, k);
}

/** 1 for the rows whose status (row-status.ts) is `wanted`. */
export function statusMask(status: Uint8Array, wanted: number): Uint8Array {
  const mask = new Uint8Array(status.length);
  for (let r = 0; r < status.length; r++) mask[r] = status[r] === wanted ? 1 : 0;
  return mask;
}

/** A feature among a row's top reasons, and how many rows could not be asked yet. */
export interface ReasonMask {
  /** 1 for the explained rows that have `feature` among their top k reasons. */
  mask: Uint8Array;
  /** Rows left out because they are not explained yet. */
  unexplained: number;
}

/**
 * The rows that have `feature` among their k top reasons (topReasons: the largest positive
 * contributions). `contrib` is rows × (f + 1); rows whose `explained` flag is 0 hold no
 * values, so they never match and are counted in `unexplained`. `top`, when given, is
 * topReasons(contrib, rows, f, k) already computed (one per explanations, shared by filters).
 */
export function reasonMask(contrib: Float32Array, explained: Uint8Array, f: number, feature: number, k = 3, top?: Int32Array): ReasonMask {
  const rows = explained.length;
  const reasons = top ?? topReasons(contrib, rows, f, k);
  const mask = new Uint8Array(rows);
  let unexplained = 0;
  for (let r = 0; r < rows; r++) {
    if (!explained[r]) {
      unexplained++;
      continue;
    }
    for (let j = 0; j < k; j++) {
      if (reasons[r * k + j] === feature) {
        mask[r] = 1;
        break;
      }
    }
  }
  return { mask, unexplained };
}

/** The distinct values of a text column, sorted (numbers by value), empty (or absent) last. */
export function distinctValues(column: ArrayLike<string | null | undefined>, collator = new Intl.Collator('nb', { numeric: true })): string[] {
  const seen = new Set<string>();
  for (let r = 0; r < column.length; r++) seen.add(column[r] ?? '');
  const values = [...seen];
  return values.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
}
