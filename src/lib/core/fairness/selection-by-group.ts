import { isLabel, type NumberColumn } from '../metrics/types';
import { tooFewToJudge, MIN_SEGMENT_LABELLED } from '../metrics/by-segment';
import { BY_MODEL } from '../select/control-sample';
import type { Groups } from './groups';
import { ratioInterval } from './ratio-interval';
import { share, type Share } from './wilson';

/**
 * The four-fifths rule: a group selected at less than 0.8 times the rate of the reference group
 * shows adverse impact (US Uniform Guidelines on Employee Selection Procedures 1978,
 * 29 CFR 1607.4(D)). Here the reference is the largest group.
 */
export const FOUR_FIFTHS = 0.8;

/** Fewest scored rows for a group's selection share to be judged: the floor tooFewToJudge uses for labelled rows. */
export const MIN_GROUP_ROWS = MIN_SEGMENT_LABELLED;

/** What the file's own labels say about the model's choice within one group. */
export interface GroupLabels {
  /** Scored rows of the group with a known outcome, and the positives among them. */
  labelled: number;
  positives: number;
  /** Hit rate: positives among the model's selected rows with a known outcome. */
  hitRate: Share;
  /** Recall: the group's positives that the model selected, of all its known positives. */
  recall: Share;
  /** False when tooFewToJudge(labelled, positives): the view says so instead of a figure. */
  judgeable: boolean;
}

/** One group of the sensitive column under the current selection. */
export interface FairnessGroup {
  /** The value in the file; '' for empty cells. */
  group: string;
  rows: number;
  /** Rows with a score (only these can be selected). */
  scored: number;
  /** Rows the model selected (BY_MODEL); random control rows are not the model's choice. */
  selected: number;
  /** selected / scored, Wilson interval. */
  selection: Share;
  /** Selection share ÷ the reference group's, MOVER-R interval; the reference itself has 1 and no interval. */
  ratio: { value: number; ci95: [number, number]; reference: boolean; flagged: boolean };
  /** False under MIN_GROUP_ROWS scored rows: too few to judge the share or the ratio. */
  judgeable: boolean;
  /** From the file's labels; null without a label column. */
  labels: GroupLabels | null;
}

export interface FairnessTable {
  /** Largest group first; groups[0] is the reference. */
  groups: FairnessGroup[];
  /** Groups too small to judge (selection share, or labels when present). */
  tooSmall: number;
}

/**
 * Per group: rows, scored, selected by the model, share selected with a Wilson interval, the
 * ratio to the largest group's share (MOVER-R) flagged under four-fifths, and with labels the
 * hit rate among the selected and the recall, each with a Wilson interval. One pass over the
 * rows. `prob` is NaN for rows without a score; `kindByRow` is selectWithControl's.
 */
export function selectionByGroup(groups: Groups, kindByRow: Uint8Array, prob: NumberColumn, label?: NumberColumn | null): FairnessTable {
  const s = groups.names.length;
  const scored = new Uint32Array(s);
  const selected = new Uint32Array(s);
  const labelled = new Uint32Array(s);
  const positives = new Uint32Array(s);
  const selectedLabelled = new Uint32Array(s);
  const selectedPositives = new Uint32Array(s);
  const { codes } = groups;
  for (let r = 0; r < codes.length; r++) {
    if (Number.isNaN(prob[r])) continue;
    const c = codes[r];
    scored[c]++;
    const chosen = kindByRow[r] === BY_MODEL;
    if (chosen) selected[c]++;
    const y = label ? label[r] : NaN;
    if (!isLabel(y)) continue;
    labelled[c]++;
    if (chosen) selectedLabelled[c]++;
    if (y === 1) {
      positives[c]++;
      if (chosen) selectedPositives[c]++;
    }
  }
  const shares = Array.from({ length: s }, (_, c) => share(selected[c], scored[c]));
  let tooSmall = 0;
  const out = shares.map((selection, c): FairnessGroup => {
    const judgeable = scored[c] >= MIN_GROUP_ROWS;
    const ratio = c === 0 ? { value: 1, ci95: [NaN, NaN] as [number, number] } : ratioInterval(selection, shares[0]);
    const labels: GroupLabels | null = label
      ? {
          labelled: labelled[c],
          positives: positives[c],
          hitRate: share(selectedPositives[c], selectedLabelled[c]),
          recall: share(selectedPositives[c], positives[c]),
          judgeable: !tooFewToJudge(labelled[c], positives[c]),
        }
      : null;
    if (!judgeable || (labels && !labels.judgeable)) tooSmall++;
    return {
      group: groups.names[c],
      rows: groups.rows[c],
      scored: scored[c],
      selected: selected[c],
      selection,
      ratio: { ...ratio, reference: c === 0, flagged: c !== 0 && judgeable && ratio.value < FOUR_FIFTHS },
      judgeable,
      labels,
    };
  });
  return { groups: out, tooSmall };
}
