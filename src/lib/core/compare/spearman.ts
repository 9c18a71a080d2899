import { rankOrder } from '../metrics/rank-order';
import type { NumberColumn } from '../metrics/types';
import { averageRanks } from './average-ranks';
import { pairedOrder } from './paired-order';

/**
 * Spearman's rank correlation of two score columns over the rows where both are finite: the
 * Pearson correlation of their average ranks (ties share the mean rank), as
 * scipy.stats.spearmanr computes it. NaN with fewer than two such rows or when either column
 * is constant on them. O(n log n) for the two sorts (radix, rankOrder), O(n) after.
 */
export function spearman(a: NumberColumn, b: NumberColumn): number {
  return spearmanOfOrders(a, b, pairedOrder(a, b, null, rankOrder(a)), pairedOrder(b, a, null, rankOrder(b)));
}

/**
 * The same from the two paired orders (pairedOrder: the same rows, each by its own score).
 * Ranks go into scratch arrays indexed by row, so a subset (a segment) costs only its rows.
 */
export function spearmanOfOrders(
  a: NumberColumn,
  b: NumberColumn,
  orderA: Uint32Array,
  orderB: Uint32Array,
  scratch?: { rankA: Float64Array; rankB: Float64Array },
): number {
  const n = orderA.length;
  if (n < 2) return NaN;
  const rankA = averageRanks(orderA, a, scratch?.rankA ?? new Float64Array(a.length));
  const rankB = averageRanks(orderB, b, scratch?.rankB ?? new Float64Array(b.length));
  // Both rank sets have mean (n + 1) / 2; centring first keeps the sums of products exact enough at 10^6 rows.
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const r = orderA[i];
    const x = rankA[r] - mean;
    const y = rankB[r] - mean;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
