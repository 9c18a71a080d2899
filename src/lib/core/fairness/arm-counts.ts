import { BY_MODEL, RANDOM_CONTROL } from '../select/control-sample';
import type { Groups } from './groups';

/** One arm of the list within a group: rows on the list, those with an outcome, and the errors found. */
export interface ArmCount {
  selected: number;
  checked: number;
  errors: number;
}

/** A group's counts in the shape the outcomes helper's estimateLoop({ rows, model, random }) takes. */
export interface GroupArmCounts {
  group: string;
  /** Rows of the group the list could be drawn from: its scored rows when `prob` is given, else all its rows. */
  rows: number;
  model: ArmCount;
  random: ArmCount;
}

/**
 * Per group, the model arm (BY_MODEL) and the random control arm (RANDOM_CONTROL) of the list:
 * rows selected, rows checked (an outcome of 0 or 1) and errors found (outcome 1). `outcome`
 * holds per row 1, 0, or NaN for not checked / not on the list; an outcome on a row that is
 * not on the list is ignored. Within a group the random arm is still a simple random sample
 * of the group's rows outside the model's choice, so estimateLoop's unbiased estimates hold per
 * group (with the group's own scored rows as N: pass `prob`, NaN for the rows not scored,
 * since the random arm is drawn from scored rows only).
 */
export function armCountsByGroup(groups: Groups, kindByRow: Uint8Array, outcome: ArrayLike<number>, prob?: ArrayLike<number>): GroupArmCounts[] {
  const s = groups.names.length;
  // [selected, checked, errors] × [model, random] per group.
  const counts = new Uint32Array(s * 6);
  const { codes } = groups;
  const scored = new Uint32Array(s);
  if (prob) for (let r = 0; r < codes.length; r++) if (!Number.isNaN(prob[r])) scored[codes[r]]++;
  for (let r = 0; r < codes.length; r++) {
    const kind = kindByRow[r];
    if (kind !== BY_MODEL && kind !== RANDOM_CONTROL) continue;
    const at = codes[r] * 6 + (kind === BY_MODEL ? 0 : 3);
    counts[at]++;
    const y = outcome[r];
    if (y === 0 || y === 1) {
      counts[at + 1]++;
      if (y === 1) counts[at + 2]++;
    }
  }
  return groups.names.map((group, c) => ({
    group,
    rows: prob ? scored[c] : groups.rows[c],
    model: { selected: counts[c * 6], checked: counts[c * 6 + 1], errors: counts[c * 6 + 2] },
    random: { selected: counts[c * 6 + 3], checked: counts[c * 6 + 4], errors: counts[c * 6 + 5] },
  }));
}
