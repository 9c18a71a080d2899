/**
 * What the fairness view shows when the other parts of the loop hand it data (issue 18): the
 * per-group estimates from the outcomes file (armCountsByGroup → estimateLoop) and the
 * reviewers' override rates by group (the decision log). Plain values, so the view renders a
 * section for each only when it is given one.
 */

import type { Estimate } from '../loop/estimate-loop';

export type { Estimate };

/** One group's unbiased figures from the random control group (estimateLoop on its GroupArmCounts). */
export interface GroupOutcomeEstimate {
  /** The group's value as in Groups.names ('' for empty cells). */
  group: string;
  /** Hit rate among the model's rows that were checked. */
  modelHitRate: Estimate;
  /** Hit rate among the random control group's rows that were checked: the error rate outside the model's choice. */
  randomHitRate: Estimate;
  /** Errors the model found ÷ the errors estimated in the whole group. */
  modelRecall: Estimate;
}

/** One group's reviewer overrides: decisions recorded on its listed rows, and how many removed or added a row. */
export interface GroupOverrideRate {
  group: string;
  decisions: number;
  overrides: number;
  rate: Estimate;
}
