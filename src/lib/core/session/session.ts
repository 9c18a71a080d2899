import * as v from 'valibot';
import { problem, type Problem } from '../problems';
import type { DecisionEntry } from '../decisions/decision-entry';
import { MAX_BY } from '../decisions/clean-text';
import { verifyDecisionLog } from '../decisions/verify-decision-log';

/**
 * A saved session: everything needed to come back to the same view of the same file with the
 * same model — never the file's rows, never a score. Keys are snake_case like the audit
 * manifest; the seed is a decimal string so a 64-bit seed survives JSON. The data file itself
 * is not in it: on restore the user opens it again, and its SHA-256 must match `input.sha256`.
 */
export const SESSION_SCHEMA = 'deduction-risk-session';
/** 2: `decisions` (the reviewer's name and the decision log). Version 1 files are still read (no decisions). */
export const SESSION_VERSION = 2;
/** Versions the reader accepts. */
export const SESSION_VERSIONS_READ = [1, 2] as const;

export type SessionModelSource = { kind: 'bundled'; bundled_id: string; name: string } | { kind: 'file'; name: string };
export type SessionChallenger = { kind: 'bundled'; bundled_id: string; sha256: string } | { kind: 'file'; name: string; sha256: string };

export interface SessionDocument {
  session_schema: typeof SESSION_SCHEMA;
  session_version: number;
  created_at: string;
  app: { name: string; version: string };
  model: { id: string; version: string; sha256: string; source: SessionModelSource };
  input: {
    file_name: string;
    size_bytes: number;
    sha256: string;
    /** The reading options the file was scored with ('auto' where the app decided). */
    reading: { encoding: string; delimiter: string; decimal: string; mapping: Record<string, string | null> };
  };
  /** Capacity as a count of rows. */
  capacity: number;
  planner: { control_share: number; seed: string; dialect: string };
  /**
   * The selected record by row index and line (the file's hash pins its rows; the id is not kept,
   * as it may be a national id), with its what-if edits (feature → value) when any; null when none.
   */
  selected: { row: number; line: number; what_if?: Record<string, number | null> } | null;
  /** The challenger compared with the model, or null. */
  comparison: SessionChallenger | null;
  view: { tab: string; locale: string };
  /**
   * The reviewer's name as typed and the decision log (core/decisions), rows by index and line.
   * On restore the log must verify from this session's model and input hashes, or the session is refused.
   */
  decisions: { by: string; log: DecisionEntry[] };
}

/** What the app knows when the user saves; buildSession turns it into the document. */
export interface SessionInput {
  app: { name: string; version: string };
  model: { id: string; version: string; sha256: string; source: SessionModelSource };
  input: { fileName: string; sizeBytes: number; sha256: string; reading: { encoding?: string; delimiter?: string; decimal?: string; mapping?: Record<string, string | null> } };
  capacity: number;
  controlShare: number;
  seed: bigint | number;
  dialect: string;
  selected: { row: number; line: number; whatIf?: Record<string, number | null> } | null;
  comparison: SessionChallenger | null;
  tab: string;
  locale: string;
  decisions: { by: string; log: readonly DecisionEntry[] };
  /** ISO 8601, passed in so the builder stays pure. */
  createdAt: string;
}

export function buildSession(s: SessionInput): SessionDocument {
  const r = s.input.reading;
  return {
    session_schema: SESSION_SCHEMA,
    session_version: SESSION_VERSION,
    created_at: s.createdAt,
    app: { ...s.app },
    model: { ...s.model, source: { ...s.model.source } },
    input: {
      file_name: s.input.fileName,
      size_bytes: s.input.sizeBytes,
      sha256: s.input.sha256,
      reading: { encoding: r.encoding ?? 'auto', delimiter: r.delimiter ?? 'auto', decimal: r.decimal ?? 'auto', mapping: { ...r.mapping } },
    },
    capacity: s.capacity,
    planner: { control_share: s.controlShare, seed: String(s.seed), dialect: s.dialect },
    selected: s.selected
      ? { row: s.selected.row, line: s.selected.line, ...(s.selected.whatIf && Object.keys(s.selected.whatIf).length > 0 ? { what_if: { ...s.selected.whatIf } } : {}) }
      : null,
    comparison: s.comparison ? { ...s.comparison } : null,
    view: { tab: s.tab, locale: s.locale },
    decisions: { by: s.decisions.by, log: s.decisions.log.map((e) => ({ ...e })) },
  };
}

const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const name = v.pipe(v.string(), v.nonEmpty(), v.maxLength(1000));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const schema = v.object({
  session_schema: v.literal(SESSION_SCHEMA),
  session_version: v.picklist(SESSION_VERSIONS_READ),
  created_at: v.pipe(v.string(), v.isoTimestamp()),
  app: v.object({ name: v.string(), version: v.string() }),
  model: v.object({
    id: v.string(),
    version: v.string(),
    sha256,
    source: v.variant('kind', [v.object({ kind: v.literal('bundled'), bundled_id: name, name }), v.object({ kind: v.literal('file'), name })]),
  }),
  input: v.object({
    file_name: name,
    size_bytes: count,
    sha256,
    reading: v.object({
      encoding: v.picklist(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
      delimiter: v.picklist(['auto', ',', ';', '\t', '|']),
      decimal: v.picklist(['auto', ',', '.']),
      mapping: v.record(v.string(), v.nullable(v.string())),
    }),
  }),
  capacity: count,
  planner: v.object({
    control_share: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    seed: v.pipe(v.string(), v.regex(/^\d{1,20}$/), v.check((s) => BigInt(s) < 1n << 64n, 'seed above 2^64 − 1')),
    dialect: v.picklist(['excel-nb', 'rfc4180']),
  }),
  selected: v.nullable(
    v.object({
      row: count,
      line: count,
      what_if: v.optional(v.record(v.string(), v.nullable(v.number()))),
    }),
  ),
  comparison: v.nullable(
    v.variant('kind', [
      v.object({ kind: v.literal('bundled'), bundled_id: name, sha256 }),
      v.object({ kind: v.literal('file'), name, sha256 }),
    ]),
  ),
  view: v.object({ tab: v.picklist(['results', 'explain', 'planner', 'evaluation', 'compare', 'fairness', 'outcomes']), locale: v.picklist(['nb', 'nn', 'en']) }),
  // Entries are checked one by one by verifyDecisionLog, which names the entry that fails.
  decisions: v.optional(v.object({ by: v.pipe(v.string(), v.maxLength(MAX_BY)), log: v.array(v.unknown()) })),
});

/**
 * A session document read from untrusted JSON: the document, or one problem saying where it does
 * not fit. A version 1 session comes back with an empty decision log; a version 2 session's log
 * must verify from its own model and input hashes (verifyDecisionLog), else it is refused with the
 * problem naming the entry.
 */
export function readSession(json: unknown): { session: SessionDocument | null; problems: Problem[] } {
  if (
    typeof json === 'object' &&
    json !== null &&
    'session_schema' in json &&
    json.session_schema === SESSION_SCHEMA &&
    'session_version' in json &&
    !(SESSION_VERSIONS_READ as readonly unknown[]).includes(json.session_version)
  ) {
    return { session: null, problems: [problem('session.version_unsupported', 'error', { params: { version: String(json.session_version), supported: SESSION_VERSION } })] };
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') || '(root)';
    return { session: null, problems: [problem('session.invalid', 'error', { field: where, params: { where, detail: issue.message } })] };
  }
  const output = parsed.output;
  if (output.session_version >= 2 && !output.decisions) {
    return { session: null, problems: [problem('session.invalid', 'error', { field: 'decisions', params: { where: 'decisions', detail: 'missing' } })] };
  }
  const decisions = output.decisions ?? { by: '', log: [] };
  const checked = verifyDecisionLog(decisions.log, { modelSha256: output.model.sha256, inputSha256: output.input.sha256 });
  if (!checked.ok) return { session: null, problems: [checked.problem] };
  return { session: { ...output, session_version: SESSION_VERSION, decisions: { by: decisions.by, log: checked.log } } as SessionDocument, problems: [] };
}

/** The data file the user opened for a session: refused with a problem when its hash differs. */
export function checkDataFile(session: SessionDocument, file: { name: string; sha256: string }): Problem | null {
  if (file.sha256 === session.input.sha256) return null;
  return problem('session.file_differs', 'error', { params: { expected: session.input.file_name, name: file.name } });
}

/**
 * How to get the session's model: already active, a bundled model with the same hash, or a
 * problem naming the model that is needed.
 */
export function resolveModel(
  session: SessionDocument,
  active: string | null,
  bundled: readonly { id: string; sha256: string }[],
): { kind: 'active' } | { kind: 'bundled'; id: string } | { kind: 'missing'; problem: Problem } {
  const want = session.model.sha256;
  if (active === want) return { kind: 'active' };
  const entry = bundled.find((m) => m.sha256 === want);
  if (entry) return { kind: 'bundled', id: entry.id };
  return {
    kind: 'missing',
    problem: problem('session.model_differs', 'error', { params: { model: session.model.id || session.model.source.name, version: session.model.version, name: session.model.source.name, sha256: want.slice(0, 12) } }),
  };
}
