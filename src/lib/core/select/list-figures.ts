import { NEXT_BLOCK, type CapacityPlan } from './capacity-plan';
import { isLabel, type NumberColumn } from '../metrics/types';

/**
 * What the exported list — the model's rows and the random control rows together — is expected
 * to find, and found when the file has outcomes. The planner's headline and its table read this,
 * so they describe the list a caseworker gets, not the top of the ranking alone: with a control
 * share the list finds less than the same capacity spent on the model alone, and says so.
 */
export interface ListFigures {
  /** Rows on the list. */
  size: number;
  /** size / scored rows; NaN when nothing is scored. */
  share: number;
  /** Σ probability over the list: expected positives on it. */
  expected: number;
  /** expected / size; NaN for an empty list. */
  expectedPrecision: number;
  /** expected / Σ probability over every scored row; NaN when that sum is 0. */
  expectedRecall: number;
  /** Expected positives among the next `nextCount` (≤ 100) rows in rank order after the model's part: the yield of more capacity. */
  nextYield: number;
  nextCount: number;
  /** Present when the plan has labels. */
  realised?: {
    /** Rows on the list with a known outcome, and how many of them were positive. */
    labelled: number;
    found: number;
    /** found / labelled; NaN when none is labelled. */
    precision: number;
    /** found / all known positives among the scored rows; NaN when there are none. */
    recall: number;
    /** Known positives among the same next rows as nextYield. */
    next: number;
  };
}

/**
 * Figures of the list `rows` (model rows first, `modelCount` of them, as selectWithControl
 * returns them in 'grouped' order; any order gives the same sums). `plan` supplies the totals
 * over the scored file and the running sums for the next block. O(list length).
 */
export function listFigures(
  plan: CapacityPlan,
  rows: Uint32Array,
  modelCount: number,
  prob: NumberColumn,
  label?: NumberColumn,
): ListFigures {
  const { scored, expected: cum } = plan;
  const size = rows.length;
  let expected = 0;
  for (let i = 0; i < size; i++) expected += prob[rows[i]];
  const total = cum[scored];
  const from = Math.min(modelCount, scored);
  const end = Math.min(scored, from + NEXT_BLOCK);
  const out: ListFigures = {
    size,
    share: scored > 0 ? size / scored : NaN,
    expected,
    expectedPrecision: size > 0 ? expected / size : NaN,
    expectedRecall: total > 0 ? expected / total : NaN,
    nextYield: cum[end] - cum[from],
    nextCount: end - from,
  };
  if (label && plan.found) {
    let labelled = 0;
    let found = 0;
    for (let i = 0; i < size; i++) {
      const y = label[rows[i]];
      if (isLabel(y)) labelled++;
      if (y === 1) found++;
    }
    const allFound = plan.found[scored];
    out.realised = {
      labelled,
      found,
      precision: labelled > 0 ? found / labelled : NaN,
      recall: allFound > 0 ? found / allFound : NaN,
      next: plan.found[end] - plan.found[from],
    };
  }
  return out;
}
