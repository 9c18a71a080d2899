import type { Decision, DecisionEntry } from './decision-entry';

/** A row's current decision as a code, for columns over every row of the file. */
export const NO_DECISION = 0;
export const KEEP = 1;
export const REMOVE = 2;
export const ADD = 3;
export const DECISION_CODE: Record<Decision, number> = { keep: KEEP, remove: REMOVE, add: ADD };
export const CODE_DECISION: readonly (Decision | null)[] = [null, 'keep', 'remove', 'add'];

/** Every row's current decision: the last entry on it supersedes the earlier ones. */
export interface FinalDecisions {
  /** Per row of the file: NO_DECISION, KEEP, REMOVE or ADD. */
  code: Uint8Array;
  /** The entry that holds each decided row's current decision. */
  latest: Map<number, DecisionEntry>;
  /** Rows ever added by hand (an added row later removed stays on the written list, marked removed). */
  everAdded: Set<number>;
}

/** The current decision of every row from the log (in log order); rows outside 0..rows−1 are left out. */
export function finalDecisions(log: readonly DecisionEntry[], rows: number): FinalDecisions {
  const code = new Uint8Array(rows);
  const latest = new Map<number, DecisionEntry>();
  const everAdded = new Set<number>();
  for (const e of log) {
    if (e.row >= rows) continue;
    code[e.row] = DECISION_CODE[e.decision];
    latest.set(e.row, e);
    if (e.decision === 'add') everAdded.add(e.row);
  }
  return { code, latest, everAdded };
}

/** Every entry on one row, oldest first: its history. */
export function rowHistory(log: readonly DecisionEntry[], row: number): DecisionEntry[] {
  return log.filter((e) => e.row === row);
}

/** Current decisions counted: rows kept, removed and added by hand. */
export function decisionCounts(code: Uint8Array): { kept: number; removed: number; added: number } {
  let kept = 0;
  let removed = 0;
  let added = 0;
  for (let r = 0; r < code.length; r++) {
    if (code[r] === KEEP) kept++;
    else if (code[r] === REMOVE) removed++;
    else if (code[r] === ADD) added++;
  }
  return { kept, removed, added };
}

/**
 * Rows whose current decision is keep or remove but which the list no longer holds (and which
 * were never added by hand): the list was made again with other choices after the decision.
 * Their entries stay in the log; the list cannot show them.
 */
export function decisionsOffList(final: FinalDecisions, isListed: (row: number) => boolean): number {
  let n = 0;
  for (const [row, e] of final.latest) if (e.decision !== 'add' && !final.everAdded.has(row) && !isListed(row)) n++;
  return n;
}
