/**
 * Saving and restoring a session: the choices made for a file (model, reading options,
 * capacity, control share, seed, selected record, challenger) written to a file the user keeps,
 * optionally encrypted; restored by opening that file and then the same data file again. The
 * browser stores nothing: the session lives only in the file the user saves.
 */
import type { Explorer, Tab } from './explorer.svelte';
import type { Planner, DialectId } from './planner.svelte';
import type { Comparison } from './comparison.svelte';
import type { Locale } from '../i18n/locale';
import type { IngestOptions } from '../core/csv/options';
import { problem, type Problem } from '../core/problems';
import { fileSha256 } from './file-hash';
import { verifyDecisionLog } from '../core/decisions/verify-decision-log';
import {
  buildSession,
  checkDataFile,
  openSessionText,
  resolveModel,
  sessionFileName,
  sessionFileText,
  type SessionChallenger,
  type SessionDocument,
  type SessionModelSource,
} from '../core/session';

export type SessionStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; name: string; encrypted: boolean }
  | { kind: 'opening' }
  | { kind: 'locked'; name: string }
  | { kind: 'needs-data'; name: string }
  | { kind: 'hashing' }
  | { kind: 'restoring'; name: string }
  | { kind: 'restored'; name: string; challengerFile: string | null };

export class SessionKeeper {
  status = $state.raw<SessionStatus>({ kind: 'idle' });
  problems = $state.raw<Problem[]>([]);
  /** The session read from a file, waiting for its data file. */
  pending = $state.raw<SessionDocument | null>(null);

  #explorer: Explorer;
  #planner: Planner;
  #comparison: Comparison | undefined;
  #app: { name: string; version: string };
  /** The locked file's text, until the passphrase opens it. */
  #locked: string | null = null;

  constructor(explorer: Explorer, planner: Planner, comparison: Comparison | undefined, app: { name: string; version: string }) {
    this.#explorer = explorer;
    this.#planner = planner;
    this.#comparison = comparison;
    this.#app = app;
  }

  /** A scored file and its model are in: there is something to save. */
  get canSave(): boolean {
    const e = this.#explorer;
    return e.result !== null && e.model !== null && e.file !== null && e.modelSource !== null && this.#planner.seedValid;
  }

  #hash(file: Blob): Promise<string> {
    return fileSha256(file);
  }

  /** The session's file (name and text) for the open file; encrypted when `passphrase` is not empty. */
  async save(passphrase: string): Promise<{ name: string; text: string } | null> {
    const e = this.#explorer;
    const result = e.result;
    const model = e.model;
    const file = e.file;
    const source = e.modelSource;
    if (!this.canSave || !result || !model || !file || !source) return null;
    this.status = { kind: 'saving' };
    this.problems = [];
    const modelSource: SessionModelSource =
      source.kind === 'bundled' && e.bundledId ? { kind: 'bundled', bundled_id: e.bundledId, name: source.name } : { kind: 'file', name: source.name };
    const row = e.selectedRow;
    const document = buildSession({
      app: this.#app,
      model: { id: model.card.model.id, version: model.card.model.version, sha256: model.sha256, source: modelSource },
      input: { fileName: result.fileName, sizeBytes: file.size, sha256: await this.#hash(file), reading: e.options },
      capacity: Math.round(e.capacity),
      controlShare: this.#planner.controlShare,
      seed: this.#planner.seed,
      dialect: this.#planner.dialect,
      selected: row === null ? null : { row, line: result.ingest.line[row], ...(e.whatIfEdits?.row === row ? { whatIf: e.whatIfEdits.edits } : {}) },
      comparison: this.#challenger(),
      tab: e.tab,
      locale: e.locale,
      decisions: { by: e.decisions.by, log: e.decisions.log },
      createdAt: new Date().toISOString(),
    });
    const name = sessionFileName(result.fileName);
    const text = await sessionFileText(document, passphrase);
    this.status = { kind: 'saved', name, encrypted: passphrase !== '' };
    return { name, text };
  }

  #challenger(): SessionChallenger | null {
    const c = this.#comparison;
    const sha256 = c?.challenger?.model?.sha256;
    if (!c?.source || !sha256) return null;
    return c.source.kind === 'bundled' ? { kind: 'bundled', bundled_id: c.source.id, sha256 } : { kind: 'file', name: c.source.name, sha256 };
  }

  /** A session file the user chose: read, or locked until its passphrase is given, or refused. */
  async open(file: Blob, name: string): Promise<void> {
    this.pending = null;
    this.#locked = null;
    this.problems = [];
    this.status = { kind: 'opening' };
    const text = await file.text();
    const opened = await openSessionText(text);
    if (opened.kind === 'locked') {
      this.#locked = text;
      this.status = { kind: 'locked', name };
    } else this.#take(opened);
  }

  /** The passphrase for a locked session file; a wrong one leaves it locked and says so. */
  async unlock(passphrase: string): Promise<void> {
    const text = this.#locked;
    if (text === null || this.status.kind !== 'locked') return;
    const name = this.status.name;
    if (passphrase === '') return void (this.problems = [problem('session.wrong_passphrase', 'error')]);
    this.status = { kind: 'opening' };
    const opened = await openSessionText(text, passphrase);
    if (opened.kind === 'refused' && opened.problems[0]?.code === 'session.wrong_passphrase') {
      this.problems = opened.problems;
      this.status = { kind: 'locked', name };
      return;
    }
    this.#locked = null;
    this.#take(opened);
  }

  #take(opened: Awaited<ReturnType<typeof openSessionText>>): void {
    if (opened.kind === 'session') {
      this.pending = opened.session;
      this.problems = [];
      this.status = { kind: 'needs-data', name: opened.session.input.file_name };
    } else {
      this.problems = opened.kind === 'refused' ? opened.problems : [];
      this.status = { kind: 'idle' };
    }
  }

  /** Forgets a session being restored. */
  cancel(): void {
    this.pending = null;
    this.#locked = null;
    this.problems = [];
    this.status = { kind: 'idle' };
  }

  /**
   * The data file for the pending session: refused when its SHA-256 differs; otherwise the
   * session's model is made active (a bundled one with the same hash when another is active),
   * the file is scored with the saved reading options, and the saved choices are set again.
   */
  async openData(file: Blob, name: string): Promise<void> {
    const s = this.pending;
    if (!s) return;
    const e = this.#explorer;
    this.problems = [];
    this.status = { kind: 'hashing' };
    const refused = checkDataFile(s, { name, sha256: await this.#hash(file) });
    if (refused) return this.#stay(s, [refused]);
    const model = resolveModel(s, e.model?.sha256 ?? null, e.bundled);
    if (model.kind === 'missing') return this.#stay(s, [model.problem]);
    this.status = { kind: 'restoring', name };
    if (model.kind === 'bundled') {
      await e.useBundledModel(model.id);
      const after = resolveModel(s, e.model?.sha256 ?? null, []);
      if (after.kind === 'missing') return this.#stay(s, [after.problem]);
    }
    e.locale = s.view.locale as Locale;
    const r = s.input.reading;
    const options: IngestOptions = { encoding: r.encoding as IngestOptions['encoding'], delimiter: r.delimiter as IngestOptions['delimiter'], decimal: r.decimal as IngestOptions['decimal'] };
    if (Object.keys(r.mapping).length > 0) options.mapping = r.mapping;
    await e.score(file, name, options);
    const result = e.result;
    if (!result) return this.#stay(s, e.runProblems);
    // The log verified against its hashes when the session was read; here its rows meet the file's lines.
    const log = verifyDecisionLog(s.decisions.log, { modelSha256: s.model.sha256, inputSha256: s.input.sha256, lines: result.ingest.line });
    if (!log.ok) return this.#stay(s, [log.problem]);
    e.decisions.restore(s.decisions.by, log.log);
    e.capacity = s.capacity;
    this.#planner.controlShare = s.planner.control_share;
    this.#planner.seedText = s.planner.seed;
    this.#planner.dialect = s.planner.dialect as DialectId;
    const sel = s.selected;
    if (sel && sel.row < result.ingest.line.length && result.ingest.line[sel.row] === sel.line) {
      e.pendingWhatIf = sel.what_if ? { row: sel.row, edits: sel.what_if } : null;
      void e.select(sel.row);
    }
    e.tab = s.view.tab as Tab;
    let challengerFile: string | null = null;
    const c = s.comparison;
    if (c?.kind === 'bundled' && this.#comparison) {
      const entry = e.bundled.find((m) => m.sha256 === c.sha256 && m.id === c.bundled_id) ?? e.bundled.find((m) => m.sha256 === c.sha256);
      if (entry) void this.#comparison.chooseBundled(entry);
    } else if (c?.kind === 'file') challengerFile = c.name;
    this.pending = null;
    this.status = { kind: 'restored', name, challengerFile };
  }

  #stay(s: SessionDocument, problems: Problem[]): void {
    this.pending = s;
    this.problems = problems;
    this.status = { kind: 'needs-data', name: s.input.file_name };
  }
}
