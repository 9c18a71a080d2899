import { countForShare } from '../metrics/count-for-share';
import { clampCapacity } from '../metrics/clamp-capacity';
import { scoredCount } from '../metrics/rank-order';
import { isLabel, type NumberColumn } from '../metrics/types';

/**
 * Running sums along a ranking, so every capacity k = 0..scored is answered in O(1) and a
 * capacity slider can move without recomputing anything. Probabilities must be calibrated
 * P(incorrect deduction) for the "expected" figures to mean counts of returns.
 */
export interface CapacityPlan {
  /** The ranking (rankOrder); only its first `scored` entries are ever selected. */
  order: Uint32Array;
  /** Rows with a probability; the largest possible capacity. */
  scored: number;
  /** expected[k] = Σ probability over the first k rows: expected incorrect deductions in a selection of k. Length scored + 1. */
  expected: Float64Array;
  /** When labels were given: labelled[k] and found[k] count known outcomes and known incorrect deductions in the first k. */
  labelled?: Uint32Array;
  found?: Uint32Array;
}

/** Everything the planner says about one capacity. */
export interface CapacityPoint {
  k: number;
  /** k / scored. */
  share: number;
  /** Expected incorrect deductions in the selection (sum of probabilities). */
  expected: number;
  /** expected / k: expected hit rate; NaN for k = 0. */
  expectedPrecision: number;
  /** Expected share of all incorrect deductions in the scored file that the selection holds. */
  expectedRecall: number;
  /** Expected incorrect deductions among the next `nextCount` (≤ 100) returns after the first k: the marginal yield of more capacity. */
  nextYield: number;
  nextCount: number;
  /** Present when labels were given. */
  realised?: {
    /** Selected rows with a known outcome, and how many of them were incorrect. */
    labelled: number;
    found: number;
    /** found / labelled. */
    precision: number;
    /** found / all known incorrect deductions among scored rows. */
    recall: number;
  };
}

/** O(n) given the ranking; about 8 bytes per scored row (16 with labels). */
export function capacityPlan(order: Uint32Array, prob: NumberColumn, label?: NumberColumn): CapacityPlan {
  const scored = scoredCount(order, prob);
  const expected = new Float64Array(scored + 1);
  for (let i = 0; i < scored; i++) expected[i + 1] = expected[i] + prob[order[i]];
  if (!label) return { order, scored, expected };
  const labelled = new Uint32Array(scored + 1);
  const found = new Uint32Array(scored + 1);
  for (let i = 0; i < scored; i++) {
    const y = label[order[i]];
    const known = isLabel(y) ? 1 : 0;
    labelled[i + 1] = labelled[i] + known;
    found[i + 1] = found[i] + (y === 1 ? 1 : 0);
  }
  return { order, scored, expected, labelled, found };
}

export const NEXT_BLOCK = 100;

/** The planner's figures at capacity k (clampCapacity: rounded, then clamped to 0..scored). */
export function capacityAt(plan: CapacityPlan, k: number): CapacityPoint {
  const { scored, expected } = plan;
  const kk = clampCapacity(k, scored);
  const total = expected[scored];
  const end = Math.min(scored, kk + NEXT_BLOCK);
  const point: CapacityPoint = {
    k: kk,
    share: scored > 0 ? kk / scored : NaN,
    expected: expected[kk],
    expectedPrecision: kk > 0 ? expected[kk] / kk : NaN,
    expectedRecall: total > 0 ? expected[kk] / total : NaN,
    nextYield: expected[end] - expected[kk],
    nextCount: end - kk,
  };
  if (plan.labelled && plan.found) {
    const labelled = plan.labelled[kk];
    const found = plan.found[kk];
    const allFound = plan.found[scored];
    point.realised = {
      labelled,
      found,
      precision: labelled > 0 ? found / labelled : NaN,
      recall: allFound > 0 ? found / allFound : NaN,
    };
  }
  return point;
}

/** The planner's figures at a share (0–1) of the scored rows, counted as countForShare does. */
export function capacityAtShare(plan: CapacityPlan, share: number): CapacityPoint {
  return capacityAt(plan, countForShare(share, plan.scored));
}
