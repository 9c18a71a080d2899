import { problem, type Problem } from '../problems';
import { cleanText, MAX_BY, MAX_REASON } from './clean-text';
import { chainStart, entryHash, type Decision, type DecisionEntry } from './decision-entry';

/** What a reviewer decided, before it becomes an entry. */
export interface DecisionRequest {
  row: number;
  line: number;
  decision: Decision;
  reason: string;
  by: string;
  /** ISO 8601 with an offset (isoWithOffset); passed in so the core stays pure. */
  time: string;
}

/** Where a row stands: on the list as made (model or control), and its current decision if any. */
export interface RowStanding {
  listed: boolean;
  current: Decision | null;
}

/**
 * Which decisions a row can take now. A listed row: keep or remove (keep undoes a removal).
 * A row not on the list: add, or once added, remove (which undoes the addition). A rejected
 * row has no risk and cannot be added; the caller says so by not offering it.
 */
export function allowedDecisions(s: RowStanding): Decision[] {
  if (s.listed) return s.current === 'remove' ? ['keep'] : s.current === 'keep' ? ['remove'] : ['keep', 'remove'];
  return s.current === 'add' ? ['remove'] : ['add'];
}

/**
 * The log with one entry more, or the problem that refuses it: a decision the row cannot take
 * (allowedDecisions), a remove or add without a reason, or a reason or name that cleanText
 * refuses. The entry chains to the last one (or to chainStart for the first).
 */
export function appendDecision(
  log: readonly DecisionEntry[],
  request: DecisionRequest,
  standing: RowStanding,
  pins: { modelSha256: string; inputSha256: string },
): { log: DecisionEntry[]; entry: DecisionEntry } | { problem: Problem } {
  if (!allowedDecisions(standing).includes(request.decision)) {
    return { problem: problem('decisions.not_allowed', 'error', { line: request.line, params: { decision: request.decision } }) };
  }
  const reason = cleanText(request.reason, MAX_REASON, 'reason');
  if (reason.problem) return { problem: reason.problem };
  const by = cleanText(request.by, MAX_BY, 'by');
  if (by.problem) return { problem: by.problem };
  if (request.decision !== 'keep' && reason.text === '') return { problem: problem('decisions.reason_required', 'error', { params: { decision: request.decision } }) };
  const last = log[log.length - 1];
  const fields = {
    seq: log.length + 1,
    time: request.time,
    row: request.row,
    line: request.line,
    decision: request.decision,
    reason: reason.text,
    by: by.text,
    prev: last ? last.hash : chainStart(pins.modelSha256, pins.inputSha256),
  };
  const entry: DecisionEntry = { ...fields, hash: entryHash(fields) };
  return { log: [...log, entry], entry };
}

/** `date` as ISO 8601 in local time with its offset, e.g. 2026-12-06T01:12:42+01:00; offsetMinutes east of UTC (−getTimezoneOffset()). */
export function isoWithOffset(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
