import { problem, type Problem } from '../problems';
import { MAX_BY, MAX_REASON } from './clean-text';
import { chainStart, DECISIONS, entryHash, type DecisionEntry } from './decision-entry';

export type LogCheck = { ok: true; log: DecisionEntry[] } | { ok: false; problem: Problem };

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const KEYS = ['seq', 'time', 'row', 'line', 'decision', 'reason', 'by', 'prev', 'hash'];

/**
 * Checks a decision log read from outside (a session, a manifest), entry by entry, and says at
 * the first entry that fails (1-based `entry`) why:
 * - `decisions.log_invalid`: not an entry (a field missing, extra or of the wrong kind);
 * - `decisions.log_reordered`: its seq is not its place (entries swapped or moved);
 * - `decisions.log_entry_missing`: its seq skips ahead (an entry before it was deleted);
 * - `decisions.log_wrong_file`: the first entry does not start from chainStart(model, input):
 *   the log was made for another file or model;
 * - `decisions.log_edited`: its hash is not the hash of its fields (the entry was changed);
 * - `decisions.log_chain_broken`: its prev is not the hash of the entry before (that entry was
 *   changed and its hash made again, or an entry was taken out and the rest renumbered);
 * - `decisions.log_wrong_row`: with `lines`, its row is not in the file or its line is not that
 *   row's line.
 * The chain shows an edit unless the editor also recomputes every later hash; the manifest's
 * `decisions.head` beside the list's SHA-256 anchors the whole log (verifyManifestDecisions).
 */
export function verifyDecisionLog(log: unknown, pins: { modelSha256: string; inputSha256: string; lines?: ArrayLike<number> }): LogCheck {
  if (!Array.isArray(log)) return { ok: false, problem: problem('decisions.log_invalid', 'error', { params: { entry: 0, field: 'log' } }) };
  let prev = chainStart(pins.modelSha256, pins.inputSha256);
  for (let i = 0; i < log.length; i++) {
    const entry = i + 1;
    const e = log[i] as DecisionEntry;
    const field = badField(e);
    if (field) return fail('decisions.log_invalid', entry, { field });
    if (e.seq < entry) return fail('decisions.log_reordered', entry);
    // A later entry holding this place means the entries were moved; none, that one was deleted.
    if (e.seq > entry) return fail(log.slice(i + 1).some((x) => (x as DecisionEntry)?.seq === entry) ? 'decisions.log_reordered' : 'decisions.log_entry_missing', entry);
    if (e.hash !== entryHash(e)) return fail('decisions.log_edited', entry);
    if (e.prev !== prev) return fail(i === 0 ? 'decisions.log_wrong_file' : 'decisions.log_chain_broken', entry);
    if (pins.lines && (e.row >= pins.lines.length || pins.lines[e.row] !== e.line)) return fail('decisions.log_wrong_row', entry, { line: e.line });
    prev = e.hash;
  }
  return { ok: true, log: log as DecisionEntry[] };
}

function fail(code: string, entry: number, params: Record<string, string | number> = {}): LogCheck {
  return { ok: false, problem: problem(code, 'error', { params: { entry, ...params } }) };
}

/** The first field of `e` that is not what an entry holds, or null. */
function badField(e: unknown): string | null {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'entry';
  const o = e as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => !KEYS.includes(k));
  if (extra !== undefined) return extra;
  const count = (v: unknown, min: number) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
  if (!count(o.seq, 1)) return 'seq';
  if (typeof o.time !== 'string' || !ISO_8601.test(o.time)) return 'time';
  if (!count(o.row, 0)) return 'row';
  if (!count(o.line, 1)) return 'line';
  if (!DECISIONS.includes(o.decision as DecisionEntry['decision'])) return 'decision';
  if (!text(o.reason, MAX_REASON)) return 'reason';
  if (!text(o.by, MAX_BY)) return 'by';
  if (typeof o.prev !== 'string' || !SHA256_HEX.test(o.prev)) return 'prev';
  if (typeof o.hash !== 'string' || !SHA256_HEX.test(o.hash)) return 'hash';
  return null;
}
