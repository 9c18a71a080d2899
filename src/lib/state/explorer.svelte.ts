/**
 * The app's state: one Explorer per page, provided to components by context. Big arrays are
 * $state.raw (replaced, never mutated), and everything that can be computed from them is
 * $derived, so the UI never holds a second copy of the data.
 */
import { createContext, untrack } from 'svelte';
import type { Engines } from '../worker/engine-pool';
import type { EarlyPicture, ExplainedBlock, ExplainedRow, ExplainSummary, ModelInfo, ModelInspection, OutputSpace, ParquetOutcome } from '../worker/protocol';
import type { IngestOptions } from '../core/csv/ingest';
import type { ScoredFile } from '../core/pipeline/scored-file';
import { contribRow } from '../core/explain/contrib-row';
import { meanAbsExplained } from '../core/explain/importance';
import { countForShare } from '../core/metrics/count-for-share';
import { strongestWordOf, textExplainers, type TextExplainer } from '../core/explain/text-explainer';
import { sortedColumns } from '../core/export/control-list';
import { problem, type Problem } from '../core/problems';
import { readBundledIndex, type BundledModel } from '../core/model/bundled-index';
import { fileKind, KIND_BYTES } from './file-kind';
import type { WhatIfEngine } from './what-if.svelte';
import { probabilityOutput, type CardGap } from './model-glue';
import { pickLocale, type Locale } from '../i18n/locale';
import { translate, type Params } from '../i18n/translate';
import { vocabularyParams } from '../i18n/vocabulary-params';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import { TableQuery } from './table-query.svelte';
import { Decisions } from './decisions.svelte';

export type { EarlyPicture };

export type Phase = 'loading-model' | 'model-failed' | 'idle' | 'running' | 'done';

export interface Progress {
  bytes: number;
  totalBytes: number;
  rows: number;
  elapsedMs: number;
}

/** Where the active model came from: the one shipped with the app, or a file the user chose. */
export interface ModelSource {
  kind: 'bundled' | 'file';
  name: string;
}

/** A model file without a card, waiting for the card editor (see CardDraft). */
export interface BareModel {
  name: string;
  bytes: Uint8Array;
  inspection: ModelInspection;
}

export type { SortKey } from './table-query.svelte';
export type Tab = 'results' | 'explain' | 'planner' | 'evaluation' | 'compare' | 'fairness' | 'outcomes';

/**
 * SHAP values of the current file, filled in as the worker streams them. `contrib` is
 * rows × (F + 1) log-odds, row-major: φ per feature in card order, then the base value;
 * a row's values add up to its log-odds score. Rows not explained yet hold 0 and have
 * `explained` 0: read a row through contribOf, or test the flag, never the values.
 */
export interface Explanations {
  /**
   * rows × (F + 1), φ per feature then the base value, log-odds. Only rows whose `explained`
   * flag is 1 hold values; the rest are 0, not NaN (filling 10^6 × 35 floats with NaN was a
   * 60–150 ms task on the page).
   */
  contrib: Float32Array;
  /** 1 where the row's values are in `contrib`. */
  explained: Uint8Array;
  /** 1 where base + Σφ missed the model's score (flagged, never hidden). */
  failed: Uint8Array;
  /** Rows explained in the full pass so far, and the total. */
  done: number;
  total: number;
  /** Row indices of the early sample (global charts use it until the full pass ends). */
  sample: Uint32Array;
  summary: ExplainSummary | null;
}

export class Explorer {
  locale = $state<Locale>('nb');
  phase = $state<Phase>('loading-model');
  model = $state.raw<ModelInfo | null>(null);
  modelProblems = $state.raw<Problem[]>([]);
  /** Where `model` came from. */
  modelSource = $state.raw<ModelSource | null>(null);
  /** What `model`'s card cannot show (completeCard's `missing`, from the reader). */
  modelGaps = $derived<CardGap[]>(this.model?.missing ?? []);
  /** The last model file the user chose that did not become the active model, and why; null when it did. */
  modelAttempt = $state.raw<{ name: string; problems: Problem[] } | null>(null);
  /** The open record's what-if edits (feature name → value, null for missing), for a saved session; null without edits. */
  whatIfEdits = $state.raw<{ row: number; edits: Record<string, number | null> } | null>(null);
  /** Edits a restored session brings for a record, applied when that record's what-if opens. */
  pendingWhatIf = $state.raw<{ row: number; edits: Record<string, number | null> } | null>(null);
  /** Prefix of this Explorer's performance marks: 'explorer' clears and sets the page's; a comparison's challenger uses 'challenger'. */
  marks = 'explorer';
  /** The models that come with the app (public/model/index.json), the default first. */
  bundled = $state.raw<BundledModel[]>([]);
  /** The bundled model that is active; null when the active model is the user's own file. */
  bundledId = $state<string | null>(null);
  /** The active bundled model's entry (null for the user's own model). */
  bundledModel = $derived(this.bundled.find((m) => m.id === this.bundledId) ?? null);
  /** Bundled models offered in the picker: the primary ones (challengers are offered in the comparison). */
  primaryModels = $derived(this.bundled.filter((m) => m.challengerOf === null));
  /** A model file is being looked at or loaded (the active model stays until it is in). */
  switchingModel = $state(false);
  /** The CSV last opened for scoring (previewed or scored): the card editor reads its header. */
  openCsv = $state.raw<{ file: Blob; name: string } | null>(null);
  /** A model without a card: the card editor is open for it. */
  bareModel = $state.raw<BareModel | null>(null);
  fileName = $state<string | null>(null);
  /** The file as dropped, kept (not copied) so an export can hash its original bytes for the audit manifest. */
  file = $state.raw<Blob | null>(null);
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<ScoredFile | null>(null);
  /** How long reading and scoring `result` took, ms. */
  scoredMs = $state(0);
  runProblems = $state.raw<Problem[]>([]);
  /** For a Parquet file: what it was and what was taken from it (the status line); null for a CSV. */
  parquet = $state.raw<ParquetOutcome | null>(null);
  selectedRow = $state<number | null>(null);
  /** Replaced (not mutated) on each block so $derived readers update; the arrays are shared. */
  explanations = $state.raw<Explanations | null>(null);
  /** Importance from the first rows read, shown while a big file is still being scored. */
  early = $state.raw<EarlyPicture | null>(null);
  /**
   * How many returns the team can check: the selection is the top `capacity` of the ranking.
   * Shared by the capacity planner and the evaluation view. Set to 25 % of the scored rows
   * when a file is loaded (the student-loan agency's "check 25 %").
   */
  capacity = $state(0);
  /** Which view of the results is shown. */
  tab = $state<Tab>('results');
  /** The on-demand explanation of the selected record, when its block has not arrived yet. */
  rowExplanation = $state.raw<ExplainedRow | null>(null);

  /** Row indices by descending risk (rank 1 first), rejected rows last. */
  order = $derived(this.result?.order ?? new Uint32Array(0));

  /** 1-based rank of each row (0 for rejected rows, which have no rank). */
  rank = $derived(this.result?.rank ?? new Uint32Array(0));

  /** The file's average risk: the mean probability of its scored rows (rejected rows, NaN, left out); NaN before a file is scored. */
  meanRisk = $derived.by(() => {
    const p = this.result?.probability;
    if (!p) return NaN;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < p.length; i++) {
      if (Number.isNaN(p[i])) continue;
      sum += p[i];
      n++;
    }
    return n > 0 ? sum / n : NaN;
  });

  /** The reviewers' decisions on the list for this file and model (decisions.svelte.ts); cleared when a file is scored. */
  decisions: Decisions = new Decisions(this);

  /** The results table's search, sort and filters (table-query.svelte.ts). */
  table: TableQuery = new TableQuery(this);

  /** The table's rows: sorted, filtered and searched as `table` says. */
  view = $derived(this.table.view);

  #client: Engines;
  #runs = 0;
  /** A copy of the wasm engine's bytes, for loading another model (init transfers its copy). */
  #wasm: ArrayBuffer | null = null;
  #bundledUrl: string | null = null;
  /** The reading options of the open file, to score it again with another model. */
  #options: IngestOptions = {};
  /** The current file's feature columns, each sorted on first use (sortedColumns). */
  #sortedColumns: ((feature: number) => Float64Array) | null = null;

  /** `engines`: the engine pool (EnginePool: one worker per core, see engine-pool.ts), or a fake of it in tests. */
  constructor(engines: Engines, languages: readonly string[]) {
    this.#client = engines;
    this.locale = pickLocale(languages);
  }

  /** Mean |φ| per feature over every row, once all rows are explained (the summary is in); null before. One pass for the drift table and the selection report. */
  importance = $derived.by(() => {
    const e = this.explanations;
    const f = this.model?.card.features.length ?? 0;
    return e?.summary && f > 0 ? meanAbsExplained(e.contrib, f, e.explained).importance : null;
  });

  /** The active model's output space: what scores and contributions are measured in (log-odds until a model is in). */
  outputSpace = $derived<OutputSpace>(this.model?.outputSpace ?? 'log-odds');

  /** A sentence in the chosen language; `{space}` is the active model's output space unless `params` says otherwise. */
  t = (key: string, params?: Params): string =>
    translate(this.locale, key, {
      // The task's words ({row_n}, {pos_def}, {Task} …) from the active model's card; neutral ones while no model is in.
      ...vocabularyParams(this.model?.card.vocabulary ?? NEUTRAL_VOCABULARY, this.locale),
      space: translate(this.locale, `space.${this.outputSpace}`),
      ...params,
    });

  /**
   * Reads the list of bundled models and loads the first. An index that cannot be fetched or
   * read leaves the list empty and loads `fallbackUrl`, the default model, alone.
   */
  async start(wasmUrl: string, indexUrl: string, fallbackUrl: string): Promise<void> {
    const base = new URL(indexUrl, location.href);
    let indexProblems: Problem[] = [];
    try {
      const response = await fetch(indexUrl);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const { models, problems } = readBundledIndex(await response.json());
      this.bundled = models.map((m) => ({ ...m, file: new URL(`../${m.file}`, base).href, demo: m.demo && new URL(`../${m.demo}`, base).href }));
      indexProblems = problems.map((p) => ({ ...p, severity: 'warning' }));
    } catch (error) {
      indexProblems = [problem('model.index_invalid', 'warning', { params: { detail: String(error) } })];
    }
    const first = this.bundled[0];
    await this.loadModel(wasmUrl, first?.file ?? fallbackUrl);
    if (first && this.model) this.bundledId = first.id;
    this.modelProblems = [...indexProblems, ...this.modelProblems];
  }

  /** The reading options the open file was scored with (a comparison reads it the same way). */
  get options(): IngestOptions {
    return this.#options;
  }

  /** Loads the engine and a model the user chose as the first model of this Explorer (a challenger's, see Comparison). */
  async loadModelBytes(wasmUrl: string, bytes: Uint8Array, name: string): Promise<boolean> {
    this.phase = 'loading-model';
    try {
      this.#wasm = (await fetchBytes(wasmUrl)).slice(0);
    } catch (error) {
      this.modelProblems = [problem('model.fetch_failed', 'error', { params: { detail: String(error) } })];
      this.phase = 'model-failed';
      return false;
    }
    const ok = await this.useModel(bytes, name, 'file');
    if (!ok) this.phase = 'model-failed';
    return ok;
  }

  async loadModel(wasmUrl: string, modelUrl: string): Promise<void> {
    this.phase = 'loading-model';
    try {
      const [wasm, model] = await Promise.all([fetchBytes(wasmUrl), fetchBytes(modelUrl)]);
      const name = modelUrl.split('/').pop() ?? modelUrl;
      this.#wasm = wasm.slice(0);
      this.#bundledUrl = modelUrl;
      const { model: info, problems } = await this.#client.init(wasm, model, name);
      this.model = info;
      this.modelProblems = problems;
      this.modelSource = info ? { kind: 'bundled', name } : null;
      this.phase = info ? 'idle' : 'model-failed';
    } catch (error) {
      this.modelProblems = [{ code: 'model.fetch_failed', severity: 'error', params: { detail: String(error) } }];
      this.phase = 'model-failed';
    }
  }

  /**
   * A model file the user chose. Told from a CSV by its bytes; looked at in a worker without
   * loading it (`inspect`); a file with a card becomes the active model, one without opens the
   * card editor (`bareModel`). Whatever goes wrong, the active model stays and `modelAttempt`
   * says why in one problem.
   */
  async openModelFile(file: Blob, name: string): Promise<void> {
    this.modelAttempt = null;
    this.bareModel = null;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = fileKind(bytes.subarray(0, KIND_BYTES));
    if (kind !== 'onnx') {
      this.modelAttempt = { name, problems: [problem(kind === 'text' ? 'model_file.is_text' : 'model_file.not_onnx', 'error')] };
      return;
    }
    this.switchingModel = true;
    try {
      const inspection = await this.#client.inspect(bytes.slice().buffer);
      if (!('hasCard' in inspection)) return void (this.modelAttempt = { name, problems: inspection.problems });
      const refused = firstError(inspection.problems) ?? (inspection.hasCard ? null : bareRefusal(inspection));
      if (refused) return void (this.modelAttempt = { name, problems: [refused] });
      if (!inspection.hasCard) return void (this.bareModel = { name, bytes, inspection });
      await this.useModel(bytes, name);
    } finally {
      this.switchingModel = false;
    }
  }

  /**
   * Makes `bytes` the active model in every engine and scores the open file again with it. A
   * model the engines refuse leaves the previous one active, and `modelAttempt` says why.
   */
  async useModel(bytes: Uint8Array, name: string, kind: ModelSource['kind'] = 'file'): Promise<boolean> {
    if (!this.#wasm) return false;
    this.switchingModel = true;
    // The lead must not read a file while its model changes: the open run is cancelled, and
    // scored again below with whichever model is active afterwards.
    const wasRunning = this.phase === 'running';
    this.#client.cancel();
    this.#runs++;
    try {
      const { model, problems } = await this.#client.init(this.#wasm.slice(0), bytes.slice().buffer, name);
      if (!model) {
        this.modelAttempt = { name, problems: problems.length > 0 ? problems : [problem('model.engine_failed', 'error', { params: { detail: '' } })] };
        if (wasRunning && this.file && this.fileName) void this.score(this.file, this.fileName, this.#options);
        else if (wasRunning) this.phase = 'idle';
        return false;
      }
      this.model = model;
      this.modelProblems = problems;
      this.modelSource = { kind, name };
      this.bundledId = kind === 'bundled' ? (this.bundled.find((m) => m.sha256 === model.sha256)?.id ?? this.bundledId) : null;
      this.modelAttempt = null;
      if (this.file && this.fileName && (this.result || wasRunning)) void this.score(this.file, this.fileName, this.#options);
      else this.phase = 'idle';
      return true;
    } finally {
      this.switchingModel = false;
    }
  }

  /**
   * Makes a bundled model active (by id; the default model without one). When the open file is
   * the previous model's demo sample, the new model's demo sample is scored instead: another
   * task's model cannot read it.
   */
  async useBundledModel(id?: string): Promise<void> {
    const entry = id ? this.bundled.find((m) => m.id === id) : this.bundled[0];
    const url = entry?.file ?? this.#bundledUrl;
    if (!url) return;
    this.modelAttempt = null;
    this.bareModel = null;
    const openDemo = this.bundledModel?.demo && this.fileName === demoName(this.bundledModel.demo);
    try {
      const bytes = new Uint8Array(await fetchBytes(url));
      if (openDemo && entry?.demo && entry.demo !== this.bundledModel?.demo) {
        this.result = null;
        this.file = null;
        this.fileName = null;
      }
      const ok = await this.useModel(bytes, url.split('/').pop() ?? url, 'bundled');
      if (ok && entry) this.bundledId = entry.id;
      if (ok && openDemo && entry?.demo && this.fileName === null) await this.scoreDemo();
    } catch (error) {
      this.modelAttempt = { name: url, problems: [problem('model.fetch_failed', 'error', { params: { detail: String(error) } })] };
    }
  }

  /** The active bundled model's demo sample (the default model's while the user's own model is active), scored without a preview. */
  async scoreDemo(): Promise<void> {
    const url = this.bundledModel?.demo ?? this.bundled[0]?.demo ?? './demo/demo-sample.csv';
    const blob = await (await fetch(url)).blob();
    await this.score(blob, demoName(url));
  }

  /** Closes the card editor; the active model stays. */
  closeBareModel(): void {
    this.bareModel = null;
  }

  async score(file: Blob, fileName: string, options: IngestOptions = {}): Promise<void> {
    if (!this.model) return;
    const run = ++this.#runs;
    this.phase = 'running';
    this.fileName = fileName;
    this.file = file;
    this.openCsv = { file, name: fileName };
    this.#options = options;
    this.result = null;
    this.runProblems = [];
    this.parquet = null;
    this.selectedRow = null;
    this.explanations = null;
    this.rowExplanation = null;
    this.table.reset();
    this.decisions.clear();
    this.progress = { bytes: 0, totalBytes: file.size, rows: 0, elapsedMs: 0 };
    this.#pending = null;
    this.early = null;
    // Marks for the benchmark (test/bench) and for anyone profiling in DevTools.
    const mark = (name: string) => performance.mark(name.replace(/^explorer:/, `${this.marks}:`));
    if (this.marks === 'explorer') performance.clearMarks();
    mark('explorer:file-start');
    const { result, elapsedMs, problems, parquet } = await this.#client.run(file, fileName, options, {
      onProgress: (p) => (this.progress = { bytes: p.bytes, totalBytes: p.totalBytes, rows: p.rows, elapsedMs: p.elapsedMs }),
      onEarly: (picture) => {
        if (run !== this.#runs || this.result) return;
        this.early = picture;
        mark('explorer:early-picture');
      },
      onExplained: (block) => run === this.#runs && this.#takeExplained(block),
      onExplainDone: (summary) => {
        if (run !== this.#runs) return;
        const e = this.#pending ?? this.explanations;
        if (e) this.explanations = { ...e, summary };
        mark('explorer:all-explained');
      },
    });
    if (run !== this.#runs) return;
    if (result) mark('explorer:all-scores');
    this.#sortedColumns = result ? sortedColumns(result.ingest.features, result.ingest.rows, this.model.card.features.length) : null;
    this.result = result;
    this.scoredMs = elapsedMs;
    if (result) this.capacity = countForShare(0.25, result.ingest.counts.scored + result.ingest.counts.warned);
    this.runProblems = result ? result.ingest.problems : problems;
    this.parquet = parquet ?? null;
    this.phase = result ? 'done' : 'idle';
  }

  /** Explanations received but not yet published to the UI (see #takeExplained). */
  #pending: Explanations | null = null;
  #published = 0;

  /**
   * Copies a block into the file-wide arrays. The state is republished at most every
   * PUBLISH_MS (and for the early sample), so a million rows in 4,096-row blocks do not make
   * every chart recompute 245 times.
   */
  #takeExplained(block: ExplainedBlock): void {
    const f = this.model!.card.features.length;
    const stride = f + 1;
    let e = this.#pending ?? this.explanations;
    if (!e && wholeFile(block, stride)) {
      // Every row at once, in order (a batch output's contributions, engine-pool.ts): its array is the file-wide one, no copy of rows × (F + 1).
      e = { contrib: block.contrib, explained: new Uint8Array(block.total).fill(1), failed: block.failed, done: block.done, total: block.total, sample: new Uint32Array(0), summary: null };
      this.#pending = e;
      this.explanations = e;
      this.#published = performance.now();
      return;
    }
    if (!e) {
      const contrib = new Float32Array(block.total * stride);
      e = { contrib, explained: new Uint8Array(block.total), failed: new Uint8Array(block.total), done: 0, total: block.total, sample: new Uint32Array(0), summary: null };
    }
    const { rows, contrib, failed } = block;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      e.contrib.set(contribRow(contrib, f, i), r * stride);
      e.explained[r] = 1;
      e.failed[r] = failed[i];
    }
    this.#pending = { ...e, done: block.done, sample: block.sample ? rows : e.sample };
    const now = performance.now();
    if (block.sample || !this.explanations || now - this.#published >= PUBLISH_MS || block.done === block.total) {
      if (!this.explanations) performance.mark(`${this.marks}:first-explained`);
      this.explanations = this.#pending;
      this.#published = now;
    }
  }

  #textExplainers: TextExplainer[] = [];
  #textFor: ScoredFile | null = null;

  /**
   * The open file's text features, ready to split a row's text over its words (the slot
   * means over the file's explained rows are computed once per file, on first use).
   */
  textExplainers(): TextExplainer[] {
    const result = this.result;
    const weights = this.model?.text ?? [];
    if (!result || weights.length === 0) return [];
    if (this.#textFor !== result) {
      this.#textExplainers = textExplainers(this.model!.card, weights, result.ingest);
      this.#textFor = result;
    }
    return this.#textExplainers;
  }

  /** The word of row `row`'s text feature `feature` that raises its score most, for the reason that quotes it. */
  textWord(row: number, feature: number): string | null {
    const e = this.textExplainers().find((x) => x.feature === feature);
    return e ? strongestWordOf(e, row) : null;
  }

  /**
   * Feature `i` of every row of the file, sorted ascending with NaN last (what
   * percentileInFile wants); sorted once per feature and file, on first use.
   */
  sortedColumn(i: number): Float64Array {
    return this.#sortedColumns!(i);
  }

  /**
   * Each feature's colour range from the open file itself (its 5th and 95th percentiles, else
   * its min and max), for a card without training ranges.
   */
  fileColourLimits(): [number, number][] {
    if (!this.result || !this.model) return [];
    return this.model.card.features.map((_, i) => {
      const column = this.sortedColumn(i);
      let n = 0;
      while (n < column.length && !Number.isNaN(column[n])) n++;
      if (n === 0) return [0, 1];
      const lo = column[Math.floor(0.05 * (n - 1))];
      const hi = column[Math.ceil(0.95 * (n - 1))];
      return hi > lo ? [lo, hi] : [column[0], column[n - 1]];
    });
  }

  /**
   * φ per feature then the base value (log-odds) of one row: from the streamed explanations,
   * or from the on-demand one when the stream has not reached it yet; null while neither is in.
   */
  contribOf(row: number): ArrayLike<number> | null {
    const e = this.explanations;
    if (e?.explained[row]) return contribRow(e.contrib, this.model!.card.features.length, row);
    const own = this.rowExplanation;
    return own && own.row === row ? own.contrib : null;
  }

  /** Selects a record and makes sure its explanation is at hand (on demand when not streamed yet). */
  async select(row: number | null): Promise<void> {
    this.selectedRow = row;
    this.rowExplanation = null;
    if (row === null || this.explanations?.explained[row] || !this.result) return;
    const f = this.model!.card.features.length;
    const explanation = await this.#client.explainRow(row, this.result.ingest.features.subarray(row * f, (row + 1) * f));
    if (this.selectedRow === row) this.rowExplanation = explanation;
  }

  /**
   * The rows the page shows (the results table's window): the pool explains them next while
   * the pass over the file runs (the open record is explained on demand by `select`). Reads no
   * state an effect calling it would rerun on.
   */
  onScreen(rows: ArrayLike<number>): void {
    untrack(() => {
      if (this.result && !this.explanations?.summary) this.#client.prioritise(rows);
    });
  }

  /**
   * Scores and explains feature values that are not the file's (the record view's what-if):
   * onnxruntime for the probability, the exact explainer for the waterfall, on the pool's least
   * busy engine. Nothing of the file, its scores or its explanations changes.
   */
  whatIfEngine: WhatIfEngine = {
    score: (x) => this.#client.scoreRow(x),
    explain: (row, x) => this.#client.explainRow(row, x),
  };

  cancel(): void {
    this.#runs++;
    this.#client.cancel();
    this.phase = this.result ? 'done' : 'idle';
    this.progress = null;
  }
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.arrayBuffer();
}

/** Whether `block` explains rows 0 … total − 1, in that order. */
function wholeFile(block: ExplainedBlock, stride: number): boolean {
  const { rows, total } = block;
  if (rows.length !== total || block.contrib.length !== total * stride) return false;
  for (let i = 0; i < total; i++) if (rows[i] !== i) return false;
  return true;
}

/** Least time between two republications of streaming explanations, ms. */
const PUBLISH_MS = 250;

function firstError(problems: Problem[]): Problem | null {
  return problems.find((p) => p.severity === 'error') ?? null;
}

/** Why a model without a card cannot be given one here: the app feeds float32 [N, F] and reads P(class 1) from [N, 2]. */
function bareRefusal(inspection: ModelInspection): Problem | null {
  const input = inspection.input;
  if (!input || input.elemType !== 1) return problem('model_file.input_not_float', 'error');
  if (input.width === null) return problem('model_file.input_width_unknown', 'error');
  if (!probabilityOutput(inspection)) return problem('model_file.no_probabilities', 'error');
  return null;
}

/** The file name a demo sample is opened under: its URL's last part. */
function demoName(url: string): string {
  return url.split('/').pop() ?? url;
}

export const [getExplorer, setExplorer] = createContext<Explorer>();
