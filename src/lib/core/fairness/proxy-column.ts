import { radixOrder, sortableKeys } from './radix-order';

/** How a column is cut into bins for mutual information: deciles (a continuous value) or one bin per distinct value. */
export type Binning = 'deciles' | 'values';

/** Fewest members, and fewest non-members, for a group's AUC to enter a proxy strength. */
export const MIN_PROXY_GROUP = 30;

/** More distinct values than this and a 'values' column is cut into deciles instead. */
const MAX_VALUE_BINS = 1000;

export interface ProxyColumn {
  /** Per group: ROC AUC of the column for membership in the group (one against the rest); NaN for groups too small (MIN_PROXY_GROUP). */
  auc: Float64Array;
  /** max(AUC, 1 − AUC) over the groups large enough: how well the column tells some group from the others, either way round; NaN when no group is large enough. */
  strength: number;
  /** The group that strength belongs to; -1 when none. */
  group: number;
  /** Normalised mutual information between the binned column and the groups, I / √(H(bins)·H(groups)) (scikit-learn's normalized_mutual_info_score with average_method='geometric'); 0 when either has one bin. */
  nmi: number;
}

/**
 * How well one column (a feature, or the score) predicts membership of each group, from a
 * single sort of the column: the Mann–Whitney U with mid-ranks gives every group's AUC at once
 * (AUC_g = (R_g − n_g(n_g+1)/2) / (n_g·(n − n_g)), R_g the rank sum of the group's rows; Hanley &
 * McNeil 1982), missing values ranked lowest and tied with each other. The same sorted order
 * bins the column for the mutual information: deciles — inner edges at the sorted non-missing
 * values' positions ⌊i·(m−1)/10⌋, i = 1…9, repeated edges merged, bin = number of edges below
 * the value — or one bin per distinct value; missing values are a bin of their own.
 * `rows`: the rows taken into account (the scored ones); `codes`: each row's group; `minGroup`:
 * fewest members and non-members for a group's AUC.
 */
export function proxyOfColumn(
  values: Float32Array,
  rows: Uint32Array,
  codes: Uint32Array,
  groupCount: number,
  binning: Binning,
  minGroup = MIN_PROXY_GROUP,
): ProxyColumn {
  const n = rows.length;
  const keys = sortableKeys(values);
  const order = radixOrder(keys, rows);
  const members = new Float64Array(groupCount);
  for (let i = 0; i < n; i++) members[codes[rows[i]]]++;

  // Mid-ranks (1-based) summed per group, and the bin of each position in sorted order.
  const rankSum = new Float64Array(groupCount);
  const bin = new Uint32Array(n);
  let missing = 0;
  while (missing < n && keys[order[missing]] === 0) missing++;
  const byValue = binning === 'values' && countRuns(keys, order) <= MAX_VALUE_BINS;
  const edges = byValue ? new Uint32Array(0) : decileEdges(keys, order, missing);
  // Bin 0 holds the missing values (empty when there are none: it adds nothing to I or H).
  let valueBins = 0;
  let edge = 0;
  for (let a = 0; a < n; ) {
    const key = keys[order[a]];
    let b = a + 1;
    while (b < n && keys[order[b]] === key) b++;
    const midRank = (a + 1 + b) / 2;
    let binOfRun: number;
    if (key === 0) binOfRun = 0;
    else if (byValue) binOfRun = ++valueBins;
    else {
      while (edge < edges.length && edges[edge] < key) edge++;
      binOfRun = edge + 1;
    }
    for (let i = a; i < b; i++) {
      rankSum[codes[order[i]]] += midRank;
      bin[i] = binOfRun;
    }
    a = b;
  }

  const auc = new Float64Array(groupCount).fill(NaN);
  let strength = NaN;
  let group = -1;
  for (let g = 0; g < groupCount; g++) {
    const m = members[g];
    if (m < minGroup || n - m < minGroup || m === 0 || m === n) continue;
    auc[g] = (rankSum[g] - (m * (m + 1)) / 2) / (m * (n - m));
    const s = Math.max(auc[g], 1 - auc[g]);
    if (!(s <= strength)) {
      strength = s;
      group = g;
    }
  }
  // Sorted order puts the highest bin last.
  const bins = (n > 0 ? bin[n - 1] : 0) + 1;
  return { auc, strength, group, nmi: normalisedMutualInformation(order, bin, codes, groupCount, bins) };
}

function countRuns(keys: Uint32Array, order: Uint32Array): number {
  let runs = 0;
  for (let i = 0; i < order.length; i++) if (i === 0 || keys[order[i]] !== keys[order[i - 1]]) runs++;
  return runs;
}

/** Keys of the decile edges of the non-missing values (sorted positions missing … n−1), repeats merged. */
function decileEdges(keys: Uint32Array, order: Uint32Array, missing: number): Uint32Array {
  const m = order.length - missing;
  if (m === 0) return new Uint32Array(0);
  const out: number[] = [];
  for (let i = 1; i <= 9; i++) {
    const key = keys[order[missing + Math.floor((i * (m - 1)) / 10)]];
    if (out.length === 0 || out[out.length - 1] !== key) out.push(key);
  }
  return Uint32Array.from(out);
}

/**
 * I(groups; bins) / √(H(groups)·H(bins)), natural logarithms (the ratio does not depend on
 * the base). `bin[i]` is the bin of the row at sorted position i.
 */
function normalisedMutualInformation(order: Uint32Array, bin: Uint32Array, codes: Uint32Array, groupCount: number, bins: number): number {
  const n = order.length;
  if (n === 0) return NaN;
  const joint = new Float64Array(groupCount * bins);
  const perGroup = new Float64Array(groupCount);
  const perBin = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const g = codes[order[i]];
    joint[g * bins + bin[i]]++;
    perGroup[g]++;
    perBin[bin[i]]++;
  }
  const entropy = (counts: Float64Array) => {
    let h = 0;
    for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
    return h;
  };
  let mi = 0;
  for (let g = 0; g < groupCount; g++) {
    for (let b = 0; b < bins; b++) {
      const c = joint[g * bins + b];
      if (c > 0) mi += (c / n) * Math.log((n * c) / (perGroup[g] * perBin[b]));
    }
  }
  const hg = entropy(perGroup);
  const hb = entropy(perBin);
  if (!(mi > 0) || hg === 0 || hb === 0) return 0;
  return mi / Math.sqrt(hg * hb);
}
