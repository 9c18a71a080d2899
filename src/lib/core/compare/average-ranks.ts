import type { NumberColumn } from '../metrics/types';

/**
 * Writes into `out[row]` the 1-based rank of each row of `order` (descending scores, no NaN),
 * tied scores sharing the mean of the ranks they span, as scipy.stats.rankdata's 'average'
 * method does (descending here; Spearman's ρ is the same either way round). O(n).
 */
export function averageRanks(order: Uint32Array, score: NumberColumn, out: Float64Array): Float64Array {
  const n = order.length;
  let i = 0;
  while (i < n) {
    const v = score[order[i]];
    let j = i + 1;
    while (j < n && score[order[j]] === v) j++;
    const mid = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) out[order[t]] = mid;
    i = j;
  }
  return out;
}
