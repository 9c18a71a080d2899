import { clampCapacity } from '../metrics/clamp-capacity';
import { factorizeSegments, type SegmentColumn } from '../metrics/factorize-segments';
import { rankOrder } from '../metrics/rank-order';
import { isLabel, type NumberColumn } from '../metrics/types';
import type { Problem } from '../problems';
import { bucket, bucketRows } from './bucket-rows';
import { compareProblem } from './codes';
import { delongOfOrders, type DelongPaired } from './delong-paired';
import { densityGrid, type DensityGrid } from './density-grid';
import { foundAtCapacity, type BootstrapOptions, type FoundAtCapacity } from './found-at-capacity';
import { pairedOrder } from './paired-order';
import { spearmanOfOrders } from './spearman';
import { ON_CHALLENGER, ON_CHAMPION, topLists } from './top-lists';

/** What compareModels compares: two models' scores of the same file, row for row. */
export interface CompareInput {
  /** The champion's P(positive) per row, 0–1; NaN where it did not score the row. */
  champion: NumberColumn;
  /** The challenger's, same rows in the same order. */
  challenger: NumberColumn;
  /** Outcome per row: 1, 0, or NaN when unknown; null or absent without a label column. */
  label?: NumberColumn | null;
  /** Rows a list takes (a count; round and clamp as clampCapacity): the shared capacity of both lists. */
  capacity: number;
  /** A categorical column for the figures by segment; null or absent for none. */
  segment?: SegmentColumn | null;
  /** rankOrder of `champion` (ScoredFile.order), to save a sort. */
  championOrder?: Uint32Array;
  /** rankOrder of `challenger`. */
  challengerOrder?: Uint32Array;
  /** The bootstrap of the difference in errors found. */
  bootstrap?: BootstrapOptions;
  /** Cells per axis of the density grid; default 64. */
  densityBins?: number;
}

/** One segment's figures, with the file-wide lists (the capacity is spent across the file, as in metricsBySegment). */
export interface SegmentComparison {
  /** The segment's value; '' for missing. */
  segment: string;
  /** Rows of the segment both models scored. */
  rows: number;
  /** Spearman's ρ within the segment; NaN with fewer than two rows or a constant score. */
  spearman: number;
  /** Rows of the segment on the champion's list. */
  championListed: number;
  /** Rows of the segment on the challenger's list. */
  challengerListed: number;
  /** Rows of the segment on both lists. */
  overlap: number;
  /** Rows of the segment on the challenger's list only. */
  entering: number;
  /** Rows of the segment on the champion's list only. */
  leaving: number;
  /** The paired AUC comparison within the segment; null without labelled rows in it. */
  auc: DelongPaired | null;
  /** Errors found by each list within the segment; null without a label column. */
  found: FoundAtCapacity | null;
}

/** The whole champion–challenger comparison. Counts are rows; probabilities and AUCs are 0–1. */
export interface Comparison {
  /** Rows in the file. */
  rows: number;
  /** Rows both models scored: every figure below is on these rows only. */
  paired: number;
  /** Spearman's ρ of the two probabilities over the paired rows, −1 to 1 (NaN when undefined). */
  spearman: number;
  /** The capacity asked for, rounded as clampCapacity rounds. */
  capacityAsked: number;
  /** Rows each list takes: capacityAsked clamped to 0..paired. */
  capacity: number;
  /** Rows on both lists. */
  overlap: number;
  /** Rows on the challenger's list only, best challenger rank first. */
  entering: Uint32Array;
  /** Rows on the champion's list only, best champion rank first. */
  leaving: Uint32Array;
  /** 1-based rank of each row among the paired rows by the champion (0 = not paired). */
  championRank: Uint32Array;
  /** The same by the challenger. */
  challengerRank: Uint32Array;
  /** Paired rows with a known outcome (0 or 1). */
  labelled: number;
  /** Of those, outcome 1. */
  positives: number;
  /** AUCs and their DeLong difference; null without both outcomes among the paired rows. */
  auc: DelongPaired | null;
  /** Errors found at capacity by each list and their bootstrap difference; null without any known outcome. */
  found: FoundAtCapacity | null;
  /** Figures per segment in order of first appearance; null without a segment column. */
  segments: SegmentComparison[] | null;
  /** Counts of (champion, challenger) probabilities for the scatter of a large file. */
  density: DensityGrid;
  /** Why a figure is missing or narrower than asked (codes in compare/codes.ts). */
  problems: Problem[];
}

/**
 * Champion against challenger on one file: how alike they rank (Spearman), how their lists of
 * the first `capacity` rows differ, and, where outcomes are known, the paired difference in AUC
 * (DeLong) and in errors found at capacity (Poisson bootstrap over rows). Lists break ties by
 * input order, as the control list does. O(n log n) for the two sorts (radix; skipped when the
 * orders are given), O(n + B·s) after, B resamples and s swapped positives.
 */
export function compareModels(input: CompareInput): Comparison {
  const { champion: a, challenger: b } = input;
  const n = a.length;
  if (b.length !== n) throw new RangeError(`champion has ${n} rows, challenger ${b.length}`);
  const label = input.label ?? null;
  if (label && label.length !== n) throw new RangeError(`label has ${label.length} rows, not ${n}`);
  const problems: Problem[] = [];

  const orderA = pairedOrder(a, b, null, input.championOrder ?? rankOrder(a));
  const orderB = pairedOrder(b, a, null, input.challengerOrder ?? rankOrder(b));
  const paired = orderA.length;
  let scoredA = 0;
  let scoredB = 0;
  for (let r = 0; r < n; r++) {
    if (a[r] === a[r]) scoredA++;
    if (b[r] === b[r]) scoredB++;
  }
  const unpaired = scoredA + scoredB - 2 * paired;
  if (unpaired > 0) problems.push(compareProblem('compare.unpaired_rows', { count: unpaired }));

  const rankA = new Float64Array(n);
  const rankB = new Float64Array(n);
  const rho = spearmanOfOrders(a, b, orderA, orderB, { rankA, rankB });

  const capacityAsked = clampCapacity(input.capacity, Number.MAX_SAFE_INTEGER);
  const k = clampCapacity(input.capacity, paired);
  if (k < capacityAsked) problems.push(compareProblem('compare.capacity_clamped', { asked: capacityAsked, used: k }));
  const lists = topLists(orderA, orderB, k, n);
  const topA = orderA.subarray(0, k);
  const topB = orderB.subarray(0, k);

  let labelled = 0;
  let positives = 0;
  let labelledOrderA: Uint32Array = new Uint32Array(0);
  let labelledOrderB: Uint32Array = new Uint32Array(0);
  if (label) {
    labelledOrderA = keepLabelled(orderA, label);
    labelledOrderB = keepLabelled(orderB, label);
    labelled = labelledOrderA.length;
    for (let i = 0; i < labelled; i++) positives += label[labelledOrderA[i]];
  }
  const scratch = { compA: rankA, compB: rankB };
  let auc: DelongPaired | null = null;
  let found: FoundAtCapacity | null = null;
  if (!label || labelled === 0) problems.push(compareProblem('compare.no_labels'));
  else {
    found = foundAtCapacity(label, topA, topB, lists.entering, lists.leaving, input.bootstrap);
    if (positives === 0 || positives === labelled) problems.push(compareProblem('compare.one_class', { labelled, positives }));
    else {
      auc = delongOfOrders(a, b, label, labelledOrderA, labelledOrderB, scratch);
      if (!(auc.variance >= 0)) problems.push(compareProblem('compare.too_few_for_interval', { positives, negatives: labelled - positives }));
    }
    let unknown = 0;
    for (const r of lists.entering) if (!isLabel(label[r])) unknown++;
    for (const r of lists.leaving) if (!isLabel(label[r])) unknown++;
    if (unknown > 0) problems.push(compareProblem('compare.swapped_unlabelled', { count: unknown, swapped: 2 * lists.entering.length }));
  }

  const segments = input.segment
    ? bySegment(input, label, orderA, orderB, labelledOrderA, labelledOrderB, lists.membership, topA, topB, lists.entering, lists.leaving)
    : null;

  return {
    rows: n,
    paired,
    spearman: rho,
    capacityAsked,
    capacity: k,
    overlap: lists.overlap,
    entering: lists.entering,
    leaving: lists.leaving,
    championRank: positions(orderA, n),
    challengerRank: positions(orderB, n),
    labelled,
    positives,
    auc,
    found,
    segments,
    density: densityGrid(a, b, input.densityBins),
    problems,
  };
}

function keepLabelled(order: Uint32Array, label: NumberColumn): Uint32Array {
  const out = new Uint32Array(order.length);
  let m = 0;
  for (let i = 0; i < order.length; i++) if (isLabel(label[order[i]])) out[m++] = order[i];
  return out.slice(0, m);
}

function positions(order: Uint32Array, n: number): Uint32Array {
  const rank = new Uint32Array(n);
  for (let i = 0; i < order.length; i++) rank[order[i]] = i + 1;
  return rank;
}

/** Every figure per segment from the file-wide orders split by segment (each split keeps its order). */
function bySegment(
  input: CompareInput,
  label: NumberColumn | null,
  orderA: Uint32Array,
  orderB: Uint32Array,
  labelledA: Uint32Array,
  labelledB: Uint32Array,
  membership: Uint8Array,
  topA: Uint32Array,
  topB: Uint32Array,
  entering: Uint32Array,
  leaving: Uint32Array,
): SegmentComparison[] {
  const { champion: a, challenger: b } = input;
  const n = a.length;
  const { codes, names } = factorizeSegments(input.segment!, n);
  const s = names.length;
  const split = (rows: Uint32Array) => bucketRows(rows, codes, s);
  const [oA, oB, lA, lB, tA, tB, inB, outA] = [orderA, orderB, labelledA, labelledB, topA, topB, entering, leaving].map(split);
  const scratchRanks = { rankA: new Float64Array(n), rankB: new Float64Array(n) };
  const scratchComp = { compA: scratchRanks.rankA, compB: scratchRanks.rankB };
  const out: SegmentComparison[] = [];
  for (let c = 0; c < s; c++) {
    const segA = bucket(oA, c);
    let overlap = 0;
    for (const r of bucket(tA, c)) if (membership[r] === (ON_CHAMPION | ON_CHALLENGER)) overlap++;
    let auc: DelongPaired | null = null;
    let found: FoundAtCapacity | null = null;
    if (label) {
      const segLA = bucket(lA, c);
      if (segLA.length > 0) auc = delongOfOrders(a, b, label, segLA, bucket(lB, c), scratchComp);
      found = foundAtCapacity(label, bucket(tA, c), bucket(tB, c), bucket(inB, c), bucket(outA, c), input.bootstrap);
    }
    out.push({
      segment: names[c],
      rows: segA.length,
      spearman: spearmanOfOrders(a, b, segA, bucket(oB, c), scratchRanks),
      championListed: bucket(tA, c).length,
      challengerListed: bucket(tB, c).length,
      overlap,
      entering: bucket(inB, c).length,
      leaving: bucket(outA, c).length,
      auc,
      found,
    });
  }
  return out;
}
