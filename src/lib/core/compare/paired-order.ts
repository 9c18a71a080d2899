import { rankOrder } from '../metrics/rank-order';
import { isLabel, type NumberColumn } from '../metrics/types';

/**
 * Row indices by descending score among the rows both models scored (and, with `label`, whose
 * outcome is known): rankOrder's order, NaN rows dropped, so ties keep input order exactly as
 * ScoredFile.order and the control list break them. `order` (a rankOrder of `score`, e.g.
 * ScoredFile.order) saves the sort.
 */
export function pairedOrder(
  score: NumberColumn,
  other: NumberColumn,
  label?: NumberColumn | null,
  order: Uint32Array = rankOrder(score),
): Uint32Array {
  const out = new Uint32Array(order.length);
  let m = 0;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    const a = score[r];
    const b = other[r];
    if (a === a && b === b && (!label || isLabel(label[r]))) out[m++] = r;
  }
  return out.slice(0, m);
}
