import { NEXT_BLOCK, type CapacityPlan, type CapacityPoint } from './capacity-plan';
import { isLabel, type NumberColumn } from '../metrics/types';

/**
 * What the exported list — the model's rows and the random control rows together — is expected
 * to find, and found when the file has outcomes. The planner's headline and its table read this,
 * so they describe the list a caseworker gets, not the top of the ranking alone: with a control
 * share the list finds less than the same capacity spent on the model alone, and says so.
 */
export type ListFigures = Omit<CapacityPoint, 'k' | 'realised'> & {
  /** Rows on the list (share = size / scored rows). The expected figures sum the probabilities over the list; nextYield counts from the end of the model's part. */
  size: number;
  /** Present when the plan has labels: the list's known outcomes, and the known positives among the same next rows as nextYield. */
  realised?: NonNullable<CapacityPoint['realised']> & { next: number };
};

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
