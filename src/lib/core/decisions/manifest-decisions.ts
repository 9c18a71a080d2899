import { problem } from '../problems';
import { chainStart, type DecisionEntry } from './decision-entry';
import { decisionCounts, finalDecisions } from './final-decisions';
import { verifyDecisionLog } from './verify-decision-log';

/** The chain's definition, stated in every manifest so an auditor can check it without the app. */
export const DECISION_CHAIN_RULE =
  'hash = SHA-256 hex of the UTF-8 bytes of JSON.stringify({seq,time,row,line,decision,reason,by,prev}) with the keys in that order and no whitespace; ' +
  'prev = the previous entry\'s hash; the first entry\'s prev = SHA-256 hex of "<model.sha256>|<input.sha256>"; head = the last entry\'s hash (the first prev when the log is empty)';

/** The manifest's `decisions` section: the whole log, its length and head, and the current decisions counted. */
export interface ManifestDecisions {
  count: number;
  head: string;
  /** Current decisions (the last per row): rows kept, removed and added by hand. */
  kept: number;
  removed: number;
  added: number;
  /** Entries with no reviewer's name. */
  unsigned: number;
  chain: typeof DECISION_CHAIN_RULE;
  log: DecisionEntry[];
}

/** The manifest's `decisions` for a log (empty for a list nobody reviewed: an explicit empty log, head = the chain's start). */
export function manifestDecisions(log: readonly DecisionEntry[], rows: number, pins: { modelSha256: string; inputSha256: string }): ManifestDecisions {
  const { kept, removed, added } = decisionCounts(finalDecisions(log, rows).code);
  return {
    count: log.length,
    head: log.length > 0 ? log[log.length - 1].hash : chainStart(pins.modelSha256, pins.inputSha256),
    kept,
    removed,
    added,
    unsigned: log.filter((e) => e.by === '').length,
    chain: DECISION_CHAIN_RULE,
    log: log.map((e) => ({ ...e })),
  };
}

export type ManifestDecisionsCheck =
  | { ok: true; present: boolean; log: DecisionEntry[] }
  | { ok: false; problem: ReturnType<typeof problem> };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The decision log of an audit manifest (its JSON text or the parsed object), checked: the chain
 * from the manifest's own model and input hashes (verifyDecisionLog), `count` and `head` against
 * the log (a deleted last entry changes both), and, when `expected` names them, that the manifest
 * is for that model and input file. A manifest older than version 3 has no log: ok, not present.
 * For the outcomes view, when it reads a list and its manifest back.
 */
export function verifyManifestDecisions(manifest: unknown, expected: { modelSha256?: string; inputSha256?: string } = {}): ManifestDecisionsCheck {
  let m: unknown = manifest;
  if (typeof m === 'string') {
    try {
      m = JSON.parse(m);
    } catch {
      return { ok: false, problem: problem('decisions.manifest_invalid', 'error', { params: { field: '(root)' } }) };
    }
  }
  const o = (m ?? {}) as { manifest_version?: unknown; model?: { sha256?: unknown }; input?: { sha256?: unknown }; decisions?: Partial<ManifestDecisions> };
  const modelSha256 = o.model?.sha256;
  const inputSha256 = o.input?.sha256;
  if (typeof m !== 'object' || m === null) return invalid('(root)');
  if (typeof modelSha256 !== 'string' || !SHA256_HEX.test(modelSha256)) return invalid('model.sha256');
  if (typeof inputSha256 !== 'string' || !SHA256_HEX.test(inputSha256)) return invalid('input.sha256');
  if ((expected.modelSha256 && expected.modelSha256 !== modelSha256) || (expected.inputSha256 && expected.inputSha256 !== inputSha256)) {
    return { ok: false, problem: problem('decisions.manifest_other_file', 'error') };
  }
  const d = o.decisions;
  if (d === undefined) {
    if (typeof o.manifest_version === 'number' && o.manifest_version < 3) return { ok: true, present: false, log: [] };
    return invalid('decisions');
  }
  const checked = verifyDecisionLog(d.log, { modelSha256, inputSha256 });
  if (!checked.ok) return checked;
  const log = checked.log;
  if (d.count !== log.length) return { ok: false, problem: problem('decisions.log_count', 'error', { params: { count: String(d.count), entries: log.length } }) };
  const head = log.length > 0 ? log[log.length - 1].hash : chainStart(modelSha256, inputSha256);
  if (d.head !== head) return { ok: false, problem: problem('decisions.log_head', 'error', { params: { entries: log.length } }) };
  return { ok: true, present: true, log };
}

function invalid(field: string): ManifestDecisionsCheck {
  return { ok: false, problem: problem('decisions.manifest_invalid', 'error', { params: { field } }) };
}
