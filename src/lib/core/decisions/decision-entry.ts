import { Sha256, toHex } from '../export/sha256';

/**
 * A reviewer's decision on one record of the control list:
 * `keep` — a listed row stays on the list (a reason is optional);
 * `remove` — a row is taken off the list (reason required);
 * `add` — a row the list does not hold is added by hand (reason required).
 * A later decision on the same row supersedes the earlier one; both stay in the log.
 */
export type Decision = 'keep' | 'remove' | 'add';
export const DECISIONS: readonly Decision[] = ['keep', 'remove', 'add'];

/** One entry of the append-only decision log. Rows by index and line only, never an id. */
export interface DecisionEntry {
  /** 1-based position in the log. */
  seq: number;
  /** When it was decided: ISO 8601 with an offset, e.g. 2026-12-06T01:12:42+01:00. */
  time: string;
  /** 0-based row index in the file (the input's SHA-256 pins the rows). */
  row: number;
  /** The row's 1-based physical line in the file, so a reader can find it without the app. */
  line: number;
  decision: Decision;
  reason: string;
  /** The reviewer's name or initials as typed; '' when none was given (the export says so). */
  by: string;
  /** `hash` of the entry before, or for the first entry chainStart(model, input). */
  prev: string;
  /** SHA-256 hex of canonicalEntry(every field above). */
  hash: string;
}

/**
 * The bytes an entry's hash is taken over: the UTF-8 of JSON.stringify of an object with
 * exactly the keys seq, time, row, line, decision, reason, by, prev in that order, no
 * whitespace (ECMA-262 JSON.stringify; the same text as Python's
 * json.dumps(obj, separators=(',', ':'), ensure_ascii=False) for the text a reason may hold,
 * control characters having been removed by cleanText).
 */
export function canonicalEntry(e: Omit<DecisionEntry, 'hash'>): string {
  return JSON.stringify({ seq: e.seq, time: e.time, row: e.row, line: e.line, decision: e.decision, reason: e.reason, by: e.by, prev: e.prev });
}

/** SHA-256 hex of a string's UTF-8 bytes, synchronous (the pure Sha256; the log is short). */
export function sha256Text(text: string): string {
  return toHex(new Sha256().update(new TextEncoder().encode(text)).digest());
}

/** The entry's hash: SHA-256 hex of canonicalEntry. */
export function entryHash(e: Omit<DecisionEntry, 'hash'>): string {
  return sha256Text(canonicalEntry(e));
}

/**
 * The first entry's `prev`: SHA-256 hex of `<model sha256>|<input sha256>` (both lower-case hex),
 * so a log cannot be moved to another file or model and still verify.
 */
export function chainStart(modelSha256: string, inputSha256: string): string {
  return sha256Text(`${modelSha256}|${inputSha256}`);
}
