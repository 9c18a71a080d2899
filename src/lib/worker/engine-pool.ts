/**
 * The page's side of the engine pool: one Web Worker per core, all loaded with the same
 * model and the same onnxruntime-web engine. The lead reads the file; while it reads, the
 * others score the blocks it has parsed (parsing and scoring are the two halves of the
 * scoring pass, so on two cores they overlap), and the lead scores the blocks they fall behind
 * on. While a big file is read, a helper explains rows spread over its first block for an
 * early importance chart; once every row is scored, all engines — the lead too — explain every
 * row in 4,096-row blocks, an evenly spread sample first so the global charts fill early. With
 * one engine the lead scores as it reads.
 *
 * The parallelism is ours, not onnxruntime-web's: its threads need cross-origin isolation,
 * which static hosts often lack, while plain workers run everywhere.
 *
 * Rows travel as transferred typed arrays (row-major × F float32, probabilities float32,
 * contributions log-odds float32), never as row objects. Replies of a superseded run are
 * dropped, so a slow old file can never overwrite a new one.
 */
import type { ExplainedBlock, ExplainedRow, ExplainSummary, ModelInfo, Reply, Request } from './protocol';
import { nanForRejected, ranked, type ScoredFile } from '../core/pipeline/scored-file';
import type { IngestOptions } from '../core/csv/ingest';
import { problem, type Problem } from '../core/problems';
import { sampleRows } from '../core/explain/sample-rows';
import { meanAbs } from '../core/explain/mean-abs';
import { gatherRows } from '../core/explain/gather-rows';
import { checkAgainstScore } from '../core/explain/check-score';

/** Rows per explanation request: big enough to amortise a message, small enough to stream. */
export const BLOCK_ROWS = 4096;
/** Rows of the early, evenly spread sample behind the global charts. */
export const SAMPLE_ROWS = 2000;
/**
 * Rows of the early picture: spread over the first parsed block and explained while the file
 * is still read, so a global chart is up within seconds of the drop (at 3,500 rows/s per core
 * it costs a helper ~0.3 s).
 */
export const EARLY_ROWS = 1000;
/**
 * Files smaller than this get no early picture: all scores come at ~9 s per 125 MB on two cores
 * and the whole file's sample ~1 s later, so below ~25 MB its charts are up within 3 s anyway,
 * and the early rows would only hold the helper up (at 12 MB they arrived after the last score).
 */
const EARLY_MIN_BYTES = 24 << 20;
/** Requests in flight per engine: one computing, one waiting, so no engine idles on a message. */
const IN_FLIGHT = 2;
/** Parsed blocks waiting for a helper before the lead, still reading, scores one itself. */
const LEAD_BACKLOG = 2;

/** Global importance from the first rows read, before the whole file is scored. */
export interface EarlyPicture {
  /** Mean |φ| per feature over the sampled rows, log-odds. */
  importance: Float64Array;
  /** Rows explained, spread over the first `read` rows of the file. */
  sampled: number;
  read: number;
  /** Sampled rows whose base + Σφ missed the trees' own log-odds score. */
  failures: number;
}

export interface RunHandlers {
  onProgress(p: Extract<Reply, { type: 'progress' }>): void;
  onEarly?(picture: EarlyPicture): void;
  onExplained(block: ExplainedBlock): void;
  onExplainDone(summary: ExplainSummary): void;
}

interface Engine {
  worker: Worker;
  pending: Map<number, { resolve: (reply: Reply) => void; onProgress?: RunHandlers['onProgress'] }>;
  alive: boolean;
}

/** A contiguous run of rows, or the sample. */
interface Job {
  rows: Uint32Array;
  x: Float32Array;
  sample: boolean;
}

/** The work of one run, shared by the engines' request loops. */
interface RunState {
  id: number;
  handlers: RunHandlers;
  started: number;
  /** Parsed blocks (rows start …, x row-major × F) waiting for a scoring engine. */
  toScore: { start: number; x: Float32Array }[];
  /** P(incorrect deduction) by row as the scoring engines return it (grows with the file). */
  scores: Float32Array;
  /** Score requests in flight. */
  scoring: number;
  /** Score requests in flight on the lead (see #pumpScoring). */
  leadScoring: number;
  /** The lead has read the whole file and is free to score. */
  read: boolean;
  /** The early picture has been asked for, or is not wanted for this file. */
  early: boolean;
  total: number | null;
  done: number;
  failures: number;
  result: ScoredFile | null;
  lost: number;
  problems: Problem[];
  /** Ids and passthrough columns as they arrive in `text` slices, until `done`. */
  ids: string[];
  columns: string[][];
}

export class EnginePool {
  #engines: Engine[];
  #next = 1;
  #current: RunState | null = null;
  #features = 0;
  #explainable = false;
  /** The model carries its training covers (otherwise they are estimated from the whole file). */
  #covered = false;

  constructor(workers: Worker[]) {
    if (workers.length === 0) throw new Error('EnginePool needs at least one worker');
    this.#engines = workers.map((worker) => {
      const engine: Engine = { worker, pending: new Map(), alive: true };
      worker.onmessage = (event: MessageEvent<Reply>) => this.#receive(engine, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        engine.alive = false;
        const detail = event.message ?? '';
        for (const [id, entry] of engine.pending) entry.resolve({ type: 'failed', id, problems: [problem('run.worker_crashed', 'error', { params: { detail } })] });
        engine.pending.clear();
      };
      return engine;
    });
  }

  /** Engines that can score and explain (the lead included). */
  get size(): number {
    return this.#engines.filter((e) => e.alive).length;
  }

  #lead(): Engine {
    return this.#engines[0];
  }

  #receive(engine: Engine, reply: Reply): void {
    if (reply.type === 'parsed') return this.#takeParsed(reply);
    if (reply.type === 'text') return this.#takeText(reply);
    const entry = engine.pending.get(reply.id);
    if (!entry) return;
    if (reply.type === 'progress') {
      if (reply.id === this.#current?.id) entry.onProgress?.(reply);
      return;
    }
    engine.pending.delete(reply.id);
    entry.resolve(reply);
  }

  #send(engine: Engine, request: Request, transfer: Transferable[] = [], onProgress?: RunHandlers['onProgress']): Promise<Reply> {
    if (!engine.alive) return Promise.resolve({ type: 'failed', id: request.id, problems: [problem('run.worker_crashed', 'error', { params: { detail: '' } })] });
    return new Promise((resolve) => {
      engine.pending.set(request.id, { resolve, onProgress });
      engine.worker.postMessage(request, { transfer });
    });
  }

  /**
   * Loads the model and the wasm engine into every engine. An engine other than the lead
   * that fails to load is left out of the pool.
   */
  async init(wasm: ArrayBuffer, model: ArrayBuffer, modelName: string): Promise<{ model: ModelInfo | null; problems: Problem[] }> {
    const last = this.#engines.length - 1;
    const replies = await Promise.all(
      this.#engines.map((engine, i) => {
        const own = { wasm: i === last ? wasm : wasm.slice(0), model: i === last ? model : model.slice(0) };
        const request: Request = { type: 'init', id: this.#next++, wasm: own.wasm, model: own.model, modelName };
        return this.#send(engine, request, [own.wasm, own.model]);
      }),
    );
    replies.forEach((reply, i) => {
      if (i > 0 && (reply.type !== 'ready' || !reply.model?.explainable)) {
        this.#engines[i].alive = false;
        this.#engines[i].worker.terminate();
      }
    });
    const lead = replies[0];
    if (lead.type !== 'ready') return { model: null, problems: lead.type === 'failed' ? lead.problems : [] };
    this.#features = lead.model?.card.features.length ?? 0;
    this.#explainable = !!lead.model?.explainable;
    this.#covered = lead.model?.covers === 'model';
    return { model: lead.model, problems: lead.problems };
  }

  /**
   * Scores a file; resolves with the result once every row is scored, or null when cancelled
   * or replaced by a newer run. Explanations keep arriving afterwards through `handlers`.
   */
  async run(file: Blob, fileName: string, options: IngestOptions, handlers: RunHandlers): Promise<{ result: ScoredFile | null; elapsedMs: number; problems: Problem[] }> {
    this.cancel();
    const id = this.#next++;
    const state: RunState = {
      id,
      handlers,
      started: performance.now(),
      toScore: [],
      scores: new Float32Array(1 << 16),
      scoring: 0,
      leadScoring: 0,
      read: false,
      early: file.size < EARLY_MIN_BYTES,
      total: null,
      done: 0,
      failures: 0,
      result: null,
      lost: 0,
      problems: [],
      ids: [],
      columns: [],
    };
    this.#current = state;
    const delegate = this.size > 1;
    const reply = await this.#send(this.#lead(), { type: 'run', id, file, fileName, options, delegate }, [], handlers.onProgress);
    if (this.#current !== state) return { result: null, elapsedMs: 0, problems: [] };
    if (reply.type === 'done') {
      const { ingest } = reply.result;
      let probability = reply.result.probability;
      if (delegate) {
        state.read = true;
        this.#pumpScoring(state);
        while (state.toScore.length > 0 || state.scoring > 0) await new Promise((resolve) => setTimeout(resolve, 10));
        if (this.#current !== state) return { result: null, elapsedMs: 0, problems: [] };
        if (state.problems.length > 0) {
          this.#current = null;
          return { result: null, elapsedMs: 0, problems: dedupe(state.problems) };
        }
        // As the lead would have written it: one probability per row, NaN for rejected rows.
        probability = nanForRejected(state.scores.slice(0, ingest.rows), ingest.status);
      }
      // Sorting a million scores is a task of a few hundred ms: done here, not on the page's thread.
      const copy = probability.slice();
      const rank = await this.#send(this.#lead(), { type: 'rank', id: this.#next++, probability: copy }, [copy.buffer]);
      if (this.#current !== state) return { result: null, elapsedMs: 0, problems: [] };
      const columns = ingest.plan.passthrough.map((_, j) => state.columns[j] ?? []);
      const unranked = { ...reply.result, probability, ingest: { ...ingest, ids: state.ids, passthrough: { ...ingest.passthrough, columns } } };
      // Ranked on the page only when the lead could not.
      const result: ScoredFile = rank.type === 'ranked' ? { ...unranked, order: rank.order, rank: rank.rank } : ranked(unranked);
      state.ids = [];
      state.columns = [];
      void this.#explainAll(state, result, reply.covers);
      return { result, elapsedMs: reply.elapsedMs, problems: [] };
    }
    this.#current = null;
    return { result: null, elapsedMs: 0, problems: reply.type === 'failed' ? reply.problems : [] };
  }

  /** Appends a slice of ids and passthrough cells; `run` puts them into the result. */
  #takeText(reply: Extract<Reply, { type: 'text' }>): void {
    const state = this.#current;
    if (!state || state.id !== reply.id) return;
    for (const id of reply.ids) state.ids.push(id);
    reply.columns.forEach(({ values, codes }, j) => {
      const column = (state.columns[j] ??= []);
      for (let i = 0; i < codes.length; i++) column.push(values[codes[i]]);
    });
  }

  /** A block the lead has parsed: scored by the first free engine other than the lead. */
  #takeParsed(reply: Extract<Reply, { type: 'parsed' }>): void {
    const state = this.#current;
    if (!state || state.id !== reply.id) return;
    if (!state.early) {
      state.early = true;
      this.#explainEarly(state, reply.start, reply.x);
    }
    state.toScore.push({ start: reply.start, x: reply.x });
    this.#pumpScoring(state);
  }

  /**
   * Explains EARLY_ROWS rows spread over the first parsed block on a helper, checked there
   * against its own trees (the page has no scores for them yet), and hands the page their
   * mean |φ|. They are explained again, and checked against onnxruntime, in the full pass.
   */
  #explainEarly(state: RunState, start: number, x: Float32Array): void {
    const helper = this.#engines.slice(1).find((e) => e.alive);
    if (!helper || !this.#explainable || !this.#covered || !state.handlers.onEarly) return;
    const f = this.#features;
    const n = x.length / f;
    // A rejected row reaches the block with every feature NaN (RowCoercer): not a return to explain.
    const picked = Array.from(sampleRows(n, EARLY_ROWS)).filter((i) => x.subarray(i * f, (i + 1) * f).some((v) => v === v));
    if (picked.length === 0) return;
    const rows = Uint32Array.from(picked, (i) => start + i);
    const xs = gatherRows(x, f, picked);
    void this.#send(helper, { type: 'explain', id: this.#next++, rows, x: xs, check: true }, [rows.buffer, xs.buffer]).then((reply) => {
      if (this.#current !== state || reply.type !== 'explained') return;
      let failures = 0;
      for (const flag of reply.failed) failures += flag;
      state.handlers.onEarly?.({ importance: meanAbs(reply.contrib, reply.rows.length, f), sampled: reply.rows.length, read: start + n, failures });
    });
  }

  /**
   * Keeps every scoring engine at IN_FLIGHT requests while parsed blocks wait. Scoring a row in
   * wasm costs more than parsing it, so on two cores the helper falls behind the lead: when
   * blocks queue up (or the lead has finished reading), the lead scores one too, between its
   * reads, and both cores end together (10^6 rows: the lead reads in ~7.5 s, one helper alone
   * scores in ~10.5 s; see docs/BENCHMARK.md).
   */
  #pumpScoring(state: RunState): void {
    for (const engine of this.#engines.slice(1)) {
      while (engine.alive && engine.pending.size < IN_FLIGHT && state.toScore.length > 0) this.#scoreOn(state, engine, false);
    }
    const lead = this.#lead();
    const room = state.read ? IN_FLIGHT : 1;
    while (lead.alive && state.leadScoring < room && state.toScore.length >= (state.read ? 1 : LEAD_BACKLOG)) this.#scoreOn(state, lead, true);
  }

  /** Sends the oldest parsed block to `engine` and files its probabilities by row. */
  #scoreOn(state: RunState, engine: Engine, onLead: boolean): void {
    const { start, x } = state.toScore.shift()!;
    const n = x.length / this.#features;
    state.scoring++;
    if (onLead) state.leadScoring++;
    void this.#send(engine, { type: 'score', id: this.#next++, x, n }, [x.buffer]).then((reply) => {
      state.scoring--;
      if (onLead) state.leadScoring--;
      if (this.#current !== state) return;
      if (reply.type !== 'scores') {
        state.problems.push(...(reply.type === 'failed' ? reply.problems : [problem('run.failed', 'error', { params: { detail: reply.type } })]));
        return;
      }
      if (start + n > state.scores.length) {
        let size = state.scores.length;
        while (size < start + n) size *= 2;
        const grown = new Float32Array(size);
        grown.set(state.scores);
        state.scores = grown;
      }
      state.scores.set(reply.p, start);
      this.#pumpScoring(state);
    });
  }

  /** One request loop of one engine: takes jobs until none is left or the run is replaced. */
  async #work(state: RunState, engine: Engine, take: () => Job | null): Promise<void> {
    for (;;) {
      if (this.#current !== state || !engine.alive) return;
      const job = take();
      if (!job) return;
      const request: Request = { type: 'explain', id: this.#next++, rows: job.rows, x: job.x };
      const n = job.rows.length;
      const reply = await this.#send(engine, request, [job.rows.buffer, job.x.buffer]);
      if (this.#current !== state) return;
      if (reply.type !== 'explained') {
        state.lost += n;
        if (reply.type === 'failed') state.problems.push(...reply.problems);
        return;
      }
      this.#deliver(state, reply, job.sample);
    }
  }

  async #explainAll(state: RunState, result: ScoredFile, covers: Float64Array | null): Promise<void> {
    const n = result.ingest.rows;
    const f = this.#features;
    const engines = this.#engines.filter((e) => e.alive);
    let coversEstimated = false;
    let ready = engines;
    if (covers) {
      // The model carries no covers: every engine takes the ones the lead estimated from this
      // file's rows (see worker.ts), and the summary says so.
      const replies = await Promise.all(engines.map((engine) => {
        const copy = covers.slice();
        return this.#send(engine, { type: 'set-covers', id: this.#next++, covers: copy }, [copy.buffer]);
      }));
      for (const reply of replies) if (reply.type === 'failed') state.problems.push(...reply.problems);
      ready = engines.filter((_, i) => replies[i].type === 'ok');
      coversEstimated = replies.some((r) => r.type === 'ok');
      if (coversEstimated) state.problems.push(problem('explain.covers_estimated', 'info'));
    }
    if (this.#current !== state) return;
    const able = (this.#explainable && !covers) || coversEstimated;
    if (!able) {
      state.handlers.onExplainDone({ failures: 0, coversEstimated: false, elapsedMs: 0, workers: 0, problems: [...dedupe(state.problems), problem('explain.unavailable', 'warning')] });
      this.#current = null;
      return;
    }

    state.total = n;
    state.result = result;

    const x = result.ingest.features;
    let cursor = 0;
    let sampled = false;
    const take = (): Job | null => {
      if (!sampled) {
        sampled = true;
        const rows = sampleRows(n, SAMPLE_ROWS);
        if (rows.length < n) return { rows, x: gatherRows(x, f, rows), sample: true };
      }
      if (cursor >= n) return null;
      const stop = Math.min(n, cursor + BLOCK_ROWS);
      const rows = new Uint32Array(stop - cursor);
      for (let i = 0; i < rows.length; i++) rows[i] = cursor + i;
      const job = { rows, x: x.slice(cursor * f, stop * f), sample: false };
      cursor = stop;
      return job;
    };
    await Promise.all(ready.flatMap((engine) => Array.from({ length: IN_FLIGHT }, () => this.#work(state, engine, take))));
    if (this.#current !== state) return;
    const problems = dedupe(state.problems);
    if (state.failures > 0) problems.push(problem('explain.sum_mismatch', 'warning', { params: { count: state.failures } }));
    const missing = n - state.done;
    if (missing > 0) problems.push(problem('explain.incomplete', 'warning', { params: { count: missing } }));
    state.handlers.onExplainDone({
      failures: state.failures,
      coversEstimated,
      elapsedMs: performance.now() - state.started,
      workers: ready.filter((e) => e.alive).length,
      problems,
    });
    this.#current = null;
  }

  /**
   * Hands a block to the page after the self-check of Lundberg et al. (2020, eq. 1, local
   * accuracy): base + Σφ must give the probability onnxruntime returned for that very row.
   * Checking here, against the page's own scores, also proves each block came back to the
   * rows it was sent for. A row that fails is flagged, never hidden.
   */
  #deliver(state: RunState, block: { rows: Uint32Array; contrib: Float32Array; failed: Uint8Array }, sample: boolean): void {
    const { rows, contrib, failed } = block;
    const probability = state.result!.probability;
    const p = new Float32Array(rows.length);
    for (let i = 0; i < rows.length; i++) p[i] = probability[rows[i]];
    checkAgainstScore(contrib, rows.length, this.#features, p, failed);
    if (!sample) {
      for (let i = 0; i < failed.length; i++) state.failures += failed[i];
      state.done += rows.length;
    }
    state.handlers.onExplained({ rows, contrib, failed, sample, done: state.done, total: state.total! });
  }


  /**
   * One record's explanation now (for a record the stream has not reached), from its feature
   * values `x` (F float32, NaN missing), on the least busy engine.
   */
  async explainRow(row: number, x: Float32Array): Promise<ExplainedRow | null> {
    const engine = this.#engines.filter((e) => e.alive).sort((a, b) => a.pending.size - b.pending.size)[0];
    if (!engine) return null;
    const copy = x.slice();
    const reply = await this.#send(engine, { type: 'explain-row', id: this.#next++, row, x: copy }, [copy.buffer]);
    if (reply.type !== 'row-explained') return null;
    return { row: reply.row, contrib: reply.contrib, raw: reply.raw, ok: reply.ok };
  }

  cancel(): void {
    const state = this.#current;
    if (!state) return;
    if (state.total === null) this.#lead().worker.postMessage({ type: 'cancel', id: state.id } satisfies Request);
    this.#current = null;
  }

  terminate(): void {
    for (const engine of this.#engines) engine.worker.terminate();
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${JSON.stringify(p.params ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
