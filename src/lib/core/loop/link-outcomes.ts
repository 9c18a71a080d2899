import { Sha256, toHex } from '../export/sha256';
import type { Problem } from '../problems';
import { loopProblem } from './codes';
import type { ArmAmount, ArmCounts } from './estimate-loop';
import { listKey } from './list-key';
import { ARM_HAND, ARM_MODEL, readListArms } from './read-list';
import { verifyManifestDecisions } from '../decisions/manifest-decisions';
import { readManifest, type LinkManifest } from './read-manifest';
import { NOT_CHECKED, readOutcomes } from './read-outcomes';

/** The three files, as bytes (the manifest as its text), each with the name to use in sentences. */
export interface LoopFiles {
  list: { name: string; bytes: Uint8Array };
  manifest: { name: string; text: string };
  outcomes: { name: string; bytes: Uint8Array };
}

export interface LinkedOutcomes {
  manifest: LinkManifest;
  /** SHA-256 of the list's bytes (equal to the manifest's export.sha256) and of the manifest's. */
  listSha256: string;
  manifestSha256: string;
  /** The manifest's list key, or the key computed from its fields for a manifest before version 3. */
  listKey: string;
  /** N: the scored rows the list was drawn from (the manifest's rows.scored), and the rows not scored. */
  rows: number;
  rowsNotScored: number;
  model: ArmCounts;
  random: ArmCounts;
  /** Outcome per list position in list order: 1, 0, or NOT_CHECKED (read-outcomes.ts). */
  outcomeAt: Int8Array;
  /** Rows added to the list by a reviewer, with their outcomes: reported, never in the estimates. */
  added: ArmCounts;
  /** Data rows of the outcomes file with an id, those matched to the list, those not. */
  outcomeRows: number;
  matched: number;
  unmatched: number;
  /** Errors found without a corrected amount (left out of the amount estimates). */
  amountMissing: number;
  problems: Problem[];
}

export type LinkResult = { linked: LinkedOutcomes } | { refused: Problem };

const UNMATCHED_EXAMPLES = 5;

/**
 * Ties an outcomes file to its list through the list's manifest, or refuses with the one
 * sentence that says which file is wrong:
 *  - the list's bytes must hash to the manifest's export.sha256 (else the list was edited or
 *    belongs to another manifest);
 *  - an outcomes file with a `liste` column must carry the list key on every row;
 *  - without it, at least half of its rows must match ids on the list (else it belongs to
 *    another list); the rest are reported, the first few with their lines.
 * Then counts per arm: rows listed, checked (outcome 0 or 1), errors and corrected amounts.
 * List rows missing from the outcomes are not checked.
 */
export function linkOutcomes(files: LoopFiles): LinkResult {
  const manifest = readManifest(files.manifest.text, files.manifest.name);
  if ('problem' in manifest) return { refused: manifest.problem };
  // The decision log is part of the record: an edited entry refuses the files (core/decisions).
  const decisions = verifyManifestDecisions(files.manifest.text);
  if (!decisions.ok) return { refused: loopProblem('loop.decision_log', { name: files.manifest.name, entry: Number(decisions.problem.params?.entry ?? 0) }) };
  const listSha256 = toHex(new Sha256().update(files.list.bytes).digest());
  if (listSha256 !== manifest.export.sha256) return { refused: loopProblem('loop.list_edited', { list: files.list.name, manifest: files.manifest.name }) };
  const list = readListArms(files.list.bytes, manifest, files.list.name);
  if ('problem' in list) return { refused: list.problem };
  const outcomes = readOutcomes(files.outcomes.bytes, files.outcomes.name, list.idHeader);
  if ('problem' in outcomes) return { refused: outcomes.problem };

  const problems: Problem[] = [];
  const s = manifest.selection;
  const key = s.list_key ?? listKey({ modelSha256: manifest.model.sha256, inputSha256: manifest.input.sha256, capacity: s.capacity, controlShare: s.control_share, seed: s.seed });
  if (!s.list_key) problems.push(loopProblem('loop.no_list_key', { version: manifest.manifest_version }));
  const { ids, lines, outcome, amount, keys } = outcomes;
  const blank = (i: number) => ids[i] === '' && outcome[i] === NOT_CHECKED && Number.isNaN(amount[i]);
  if (keys) {
    for (let i = 0; i < ids.length; i++) {
      if (blank(i) || keys[i] === key) continue;
      return { refused: loopProblem('loop.outcomes_other_key', { name: files.outcomes.name, found: keys[i].slice(0, 40), expected: key }, { line: lines[i] }) };
    }
  }

  // Outcome per list position; the k-th row with an id goes to its k-th position on the list.
  const n = list.ids.length;
  const at = new Int8Array(n).fill(NOT_CHECKED);
  const amountAt = new Float64Array(n).fill(NaN);
  const used = new Map<string, number>();
  const firstLine = new Map<string, number>();
  const unmatchedLines: string[] = [];
  let outcomeRows = 0;
  let matched = 0;
  let unmatched = 0;
  for (let i = 0; i < ids.length; i++) {
    if (blank(i)) continue;
    outcomeRows++;
    const positions = list.positionOf.get(ids[i]);
    if (!positions) {
      unmatched++;
      if (unmatchedLines.length < UNMATCHED_EXAMPLES) unmatchedLines.push(`${ids[i].slice(0, 40)} (${lines[i]})`);
      continue;
    }
    const k = used.get(ids[i]) ?? 0;
    if (k >= positions.length) {
      problems.push(loopProblem('loop.duplicate_id', { id: ids[i].slice(0, 40), first: firstLine.get(ids[i]) ?? 0 }, { line: lines[i] }));
      continue;
    }
    used.set(ids[i], k + 1);
    if (k === 0) firstLine.set(ids[i], lines[i]);
    matched++;
    at[positions[k]] = outcome[i];
    amountAt[positions[k]] = amount[i];
  }
  if (!keys && matched < outcomeRows / 2) {
    return { refused: loopProblem('loop.outcomes_other_list', { name: files.outcomes.name, matched, rows: outcomeRows, list: files.list.name }) };
  }
  if (unmatched > 0) problems.push(loopProblem('loop.unmatched_ids', { count: unmatched, examples: unmatchedLines.join(', ') }));

  const hasAmounts = outcomes.amount.some((x) => !Number.isNaN(x));
  const arms = [newArm(hasAmounts), newArm(hasAmounts), newArm(false)];
  let amountMissing = 0;
  for (let p = 0; p < n; p++) {
    const arm = arms[list.arm[p] === ARM_MODEL ? 0 : list.arm[p] === ARM_HAND ? 2 : 1];
    arm.counts.selected++;
    const o = at[p];
    if (o === NOT_CHECKED) continue;
    arm.counts.checked++;
    arm.counts.errors += o;
    if (!arm.amount) continue;
    const y = Number.isNaN(amountAt[p]) ? (o === 1 ? NaN : 0) : amountAt[p];
    if (Number.isNaN(y)) {
      amountMissing++;
      continue;
    }
    arm.add(y, o === 1);
  }
  const [model, random, added] = arms.map((a) => a.done());
  if (added.selected > 0) problems.push(loopProblem('loop.added_by_hand', { count: added.selected, checked: added.checked, errors: added.errors }));
  const removed = decisions.present ? removedCount(decisions.log) : 0;
  if (removed > 0) problems.push(loopProblem('loop.removed_by_reviewer', { count: removed }));
  const unchecked = [model, random].map((a) => a.selected - a.checked);
  if (unchecked[0] + unchecked[1] > 0) problems.push(loopProblem('loop.unchecked', { model: unchecked[0], random: unchecked[1] }));
  if (amountMissing > 0) problems.push(loopProblem('loop.amount_missing', { count: amountMissing }));
  problems.push(...outcomes.problems);

  return {
    linked: {
      manifest,
      listSha256,
      manifestSha256: toHex(new Sha256().update(new TextEncoder().encode(files.manifest.text)).digest()),
      listKey: key,
      rows: manifest.rows.scored,
      rowsNotScored: manifest.rows.total - manifest.rows.scored,
      model,
      random,
      outcomeAt: at,
      added,
      outcomeRows,
      matched,
      unmatched,
      amountMissing,
      problems,
    },
  };
}

/** Counts of one arm and its amounts as they accumulate; the log sums only while every error's amount is positive. */
function newArm(withAmounts: boolean) {
  const counts: ArmCounts = { selected: 0, checked: 0, errors: 0 };
  const amount: Required<ArmAmount> | null = withAmounts ? { sum: 0, sumSq: 0, rows: 0, errors: 0, logSum: 0, logSumSq: 0 } : null;
  let logs = true;
  return {
    counts,
    amount,
    add(y: number, error: boolean) {
      const a = amount!;
      a.rows++;
      a.sum += y;
      a.sumSq += y * y;
      if (!error) return;
      a.errors++;
      if (y > 0) {
        a.logSum += Math.log(y);
        a.logSumSq += Math.log(y) ** 2;
      } else logs = false;
    },
    done(): ArmCounts {
      if (!amount) return counts;
      const { logSum, logSumSq, ...plain } = amount;
      return { ...counts, amount: logs ? { ...plain, logSum, logSumSq } : plain };
    },
  };
}

/** Rows whose last decision is `remove`. */
function removedCount(log: readonly { row: number; decision: string }[]): number {
  const last = new Map<number, string>();
  for (const e of log) last.set(e.row, e.decision);
  let n = 0;
  for (const d of last.values()) if (d === 'remove') n++;
  return n;
}
