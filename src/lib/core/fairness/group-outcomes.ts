import { estimateLoop } from '../loop/estimate-loop';
import type { NumberColumn } from '../metrics/types';
import { armCountsByGroup } from './arm-counts';
import type { Groups } from './groups';
import type { GroupOutcomeEstimate } from './outcome-slots';

/**
 * Per group, the unbiased figures of the list's outcomes: within a group the random arm is a
 * simple random sample of the group's scored rows outside the model's choice (selectWithControl
 * draws uniformly from the whole pool), so estimateLoop applies to each group's counts as to the
 * file's — the hit rate of each arm and the model's recall in the group, with the same Wilson–FPC
 * and MOVER intervals. `outcome` per row of the file: 1, 0, or NaN (not checked, not listed).
 */
export function groupOutcomeEstimates(groups: Groups, kindByRow: Uint8Array, outcome: ArrayLike<number>, prob: NumberColumn): GroupOutcomeEstimate[] {
  return armCountsByGroup(groups, kindByRow, outcome, prob).map((g) => {
    const e = estimateLoop({ rows: g.rows, model: g.model, random: g.random });
    return { group: g.group, modelHitRate: e.model.hitRate, randomHitRate: e.random.hitRate, modelRecall: e.recall };
  });
}
