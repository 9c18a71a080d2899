/**
 * The reviewers' decisions on the control list for the open file and model: the append-only,
 * hash-chained log (core/decisions) and each row's current decision derived from it, and the
 * reviewer's name as typed (in memory only; it goes into each entry, a saved session and the
 * manifest). One per Explorer, cleared whenever a file is scored (a new file, or the same file
 * with another model): a log is pinned to one model and one input by its first link.
 */
import type { Explorer } from './explorer.svelte';
import type { Problem } from '../core/problems';
import { fileSha256 } from './file-hash';
import { appendDecision, isoWithOffset, type RowStanding } from '../core/decisions/append-decision';
import type { Decision, DecisionEntry } from '../core/decisions/decision-entry';
import { decisionCounts, decisionsOffList, finalDecisions, rowHistory } from '../core/decisions/final-decisions';
import { NOT_SELECTED } from '../core/select/control-sample';

export class Decisions {
  log = $state.raw<DecisionEntry[]>([]);
  /** The reviewer's name or initials as typed; never stored by the browser. */
  by = $state('');
  /** Why the last decision was refused, or null. */
  problem = $state.raw<Problem | null>(null);
  /** A decision is being hashed into the log (the first one hashes the data file). */
  busy = $state(false);

  #explorer: Explorer;

  constructor(explorer: Explorer) {
    this.#explorer = explorer;
  }

  /** Every row's current decision (the last entry on it). */
  final = $derived.by(() => finalDecisions(this.log, this.#explorer.result?.ingest.rows ?? 0));

  /** Current decisions counted: rows kept, removed and added by hand. */
  counts = $derived.by(() => ({ ...decisionCounts(this.final.code), entries: this.log.length }));

  /** Kept or removed rows the list (`kindByRow`, the planner's selection) no longer holds. */
  offList(kindByRow: ArrayLike<number> | null): number {
    return decisionsOffList(this.final, (r) => kindByRow !== null && kindByRow[r] !== NOT_SELECTED);
  }

  /** The row's entries, oldest first. */
  history(row: number): DecisionEntry[] {
    return rowHistory(this.log, row);
  }

  /** Where a row stands against the list as made (`kindByRow` from the planner's selection). */
  standing(row: number, kindByRow: ArrayLike<number> | null): RowStanding {
    return { listed: kindByRow !== null && kindByRow[row] !== NOT_SELECTED, current: this.final.latest.get(row)?.decision ?? null };
  }

  /**
   * Records a decision on `row`; false (and `problem` says why) when it is refused. The first
   * decision hashes the data file, which a long file takes a moment for.
   */
  async decide(row: number, decision: Decision, reason: string, kindByRow: ArrayLike<number> | null): Promise<boolean> {
    const { result, model, file } = this.#explorer;
    if (!result || !model || !file || this.busy) return false;
    this.busy = true;
    try {
      const inputSha256 = await fileSha256(file);
      if (this.#explorer.result !== result) return false;
      const now = new Date();
      const next = appendDecision(
        this.log,
        { row, line: result.ingest.line[row], decision, reason, by: this.by, time: isoWithOffset(now, -now.getTimezoneOffset()) },
        this.standing(row, kindByRow),
        { modelSha256: model.sha256, inputSha256 },
      );
      if ('problem' in next) {
        this.problem = next.problem;
        return false;
      }
      this.problem = null;
      this.log = next.log;
      return true;
    } finally {
      this.busy = false;
    }
  }

  /** A restored session's name and log (already verified against the file and model). */
  restore(by: string, log: DecisionEntry[]): void {
    this.by = by;
    this.log = log;
    this.problem = null;
  }

  /** A new file or model: the log belongs to the old one. The name stays: it is the same person. */
  clear(): void {
    this.log = [];
    this.problem = null;
  }
}
