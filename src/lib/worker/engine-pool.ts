/**
 * The page's side of the engine pool: one Web Worker per core, all loaded with the same
 * model and the same onnxruntime-web engine. The lead reads the file; while it reads, the
 * others score the blocks it has parsed (parsing and scoring are the two halves of the
 * scoring pass, so on two cores they overlap), and the lead scores the blocks they fall behind
 * on. While a file is read, a helper explains rows spread over its first block for an early
 * importance chart, and, whenever it has nothing to score, rows already scored; once every row
 * is scored, all engines — the lead too — explain the rest in blocks of up to 4,096 rows: the
 * rows on screen first (prioritise), an evenly spread sample so the global charts fill early,
 * then by rank. With one engine the lead scores as it reads.
 *
 * Who does what, and when, is decided by the Scheduler (scheduler.ts), a state machine with no
 * Worker in it; this module is the transport: it sends the scheduler's orders as requests,
 * feeds the replies back to it as events, and hands the page what comes out.
 *
 * The parallelism is ours, not onnxruntime-web's: its threads need cross-origin isolation,
 * which static hosts often lack, while plain workers run everywhere.
 *
 * Rows travel as transferred typed arrays (row-major × F float32, probabilities float32,
 * contributions log-odds float32), never as row objects. Replies of a superseded run are
 * dropped, so a slow old file can never overwrite a new one.
 */
import type { EarlyPicture, ExplainedBlock, ExplainedRow, ExplainSummary, ModelInfo, ModelInspection, ParquetOutcome, Reply, Request } from './protocol';
import { checkAgainstScore } from '../core/explain/check-score';
import type { IngestOptions } from '../core/csv/ingest';
import type { OutputSpace } from '../core/model/card';
import { problem, type Problem } from '../core/problems';
import { ranked, type ScoredFile } from '../core/pipeline/scored-file';
import { countDistinct } from '../core/evaluate/count-distinct';
import { nextTask } from './next-task';
import { MAX_SEGMENTS } from '../core/evaluate/segment-columns';
import { joinsPool, leastBusy, Scheduler, type EngineLoad, type ExplainStep, type Order } from './scheduler';

export interface RunHandlers {
  onProgress(p: Extract<Reply, { type: 'progress' }>): void;
  onEarly?(picture: EarlyPicture): void;
  onExplained(block: ExplainedBlock): void;
  onExplainDone(summary: ExplainSummary): void;
}

/** What the Explorer state uses of the pool; a fake of it stands in for the workers in unit tests. */
export interface Engines {
  init(wasm: ArrayBuffer, model: ArrayBuffer, modelName: string): Promise<{ model: ModelInfo | null; problems: Problem[] }>;
  /** Looks at a model file on the lead without loading it (see Request 'inspect'). */
  inspect(model: ArrayBuffer): Promise<ModelInspection | { problems: Problem[] }>;
  run(file: Blob, fileName: string, options: IngestOptions, handlers: RunHandlers): Promise<RunResult>;
  explainRow(row: number, x: Float32Array): Promise<ExplainedRow | null>;
  /** The rows the page has on screen (file row indices): the open run explains them next, before the rest. */
  prioritise(rows: ArrayLike<number>): void;
  /**
   * onnxruntime's probability for one row of feature values `x` (F float32, NaN missing), on
   * the least busy engine; the open run's state is not touched (what-if). Null when no engine answers.
   */
  scoreRow(x: Float32Array): Promise<number | null>;
  cancel(): void;
}

/** A run's end: the scored file (null when cancelled, replaced or failed), and for a Parquet file what it was (ParquetOutcome). */
export interface RunResult {
  result: ScoredFile | null;
  elapsedMs: number;
  problems: Problem[];
  parquet?: ParquetOutcome | null;
}

interface Engine {
  worker: Worker;
  pending: Map<number, { resolve: (reply: Reply) => void; onProgress?: RunHandlers['onProgress'] }>;
  alive: boolean;
}

/** The run whose text and handlers the pool holds (its scheduling is the Scheduler's). */
interface RunTransport {
  id: number;
  handlers: RunHandlers;
  /** Ids and passthrough columns as they arrive in `text` slices, until `done`. */
  ids: string[];
  columns: string[][];
  /** Per passthrough column, its distinct values so far, up to MAX_SEGMENTS + 1 (countDistinct). */
  seen: Set<string>[];
  /** Resolves `run` once every block is scored (see #whenScored). */
  scored: (() => void) | null;
}

export class EnginePool implements Engines {
  #engines: Engine[];
  #next = 1;
  #schedule = new Scheduler();
  #run: RunTransport | null = null;
  #features = 0;
  #explainable = false;
  #outputSpace: OutputSpace = 'log-odds';
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

  /** Each engine's state as the scheduler sees it: alive, and its requests in flight. */
  #loads(): EngineLoad[] {
    return this.#engines.map((e) => ({ alive: e.alive, busy: e.pending.size }));
  }

  #receive(engine: Engine, reply: Reply): void {
    if (reply.type === 'parsed') return this.#carry(this.#schedule.parsed(reply.id, reply.start, reply.x, this.#loads()));
    if (reply.type === 'text') return this.#takeText(reply);
    const entry = engine.pending.get(reply.id);
    if (!entry) return;
    if (reply.type === 'progress') {
      if (this.#schedule.current(reply.id)) entry.onProgress?.(reply);
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
   * Loads the model and the wasm engine into every engine: the lead first, and the others only
   * once the lead has taken it, so a model that fails to load leaves every engine with the
   * model it had (switching models keeps the previous one active). An engine other than the
   * lead that fails to load, or cannot explain, is left out of the pool.
   */
  async init(wasm: ArrayBuffer, model: ArrayBuffer, modelName: string): Promise<{ model: ModelInfo | null; problems: Problem[] }> {
    const others = this.#engines.map((e, i) => ({ e, i })).filter(({ e, i }) => i > 0 && e.alive);
    const copies = others.map(() => ({ wasm: wasm.slice(0), model: model.slice(0) }));
    const lead = await this.#send(this.#lead(), { type: 'init', id: this.#next++, wasm, model, modelName }, [wasm, model]);
    if (lead.type !== 'ready') return { model: null, problems: lead.type === 'failed' ? lead.problems : [] };
    if (!lead.model) return { model: null, problems: lead.problems };
    const replies = await Promise.all(
      others.map(({ e }, k) => this.#send(e, { type: 'init', id: this.#next++, wasm: copies[k].wasm, model: copies[k].model, modelName }, [copies[k].wasm, copies[k].model])),
    );
    replies.forEach((reply, k) => {
      const i = others[k].i;
      // A helper that cannot explain is left out only when the lead can (it would be handed
      // explanations); with a model nobody can explain (a linear one) it stays to score.
      const explainable = reply.type === 'ready' && (!!reply.model?.explainable || !lead.model!.explainable);
      if (!joinsPool(i, { ready: reply.type === 'ready' && !!reply.model, explainable })) {
        this.#engines[i].alive = false;
        this.#engines[i].worker.terminate();
      }
    });
    this.#features = lead.model.card.features.length;
    this.#explainable = lead.model.explainable;
    this.#outputSpace = lead.model.outputSpace;
    this.#covered = lead.model.covers === 'model';
    return { model: lead.model, problems: lead.problems };
  }

  async inspect(model: ArrayBuffer): Promise<ModelInspection | { problems: Problem[] }> {
    const copy = model.slice(0);
    const reply = await this.#send(this.#lead(), { type: 'inspect', id: this.#next++, model: copy }, [copy]);
    if (reply.type === 'inspected') return reply.inspection;
    return { problems: reply.type === 'failed' ? reply.problems : [problem('run.worker_crashed', 'error', { params: { detail: reply.type } })] };
  }

  /**
   * Scores a file; resolves with the result once every row is scored, or null when cancelled
   * or replaced by a newer run. Explanations keep arriving afterwards through `handlers`.
   */
  async run(file: Blob, fileName: string, options: IngestOptions, handlers: RunHandlers): Promise<RunResult> {
    this.cancel();
    const id = this.#next++;
    const none = { result: null, elapsedMs: 0, problems: [] };
    const run: RunTransport = { id, handlers, ids: [], columns: [], seen: [], scored: null };
    this.#run = run;
    const runOptions = { fileBytes: file.size, features: this.#features, explainable: this.#explainable, outputSpace: this.#outputSpace, covered: this.#covered, wantsEarly: !!handlers.onEarly };
    const { delegate } = this.#schedule.start(id, runOptions, this.#loads());
    const reply = await this.#send(this.#lead(), { type: 'run', id, file, fileName, options, delegate }, [], handlers.onProgress);
    if (!this.#schedule.current(id)) return none;
    if (reply.type !== 'done') {
      this.#schedule.end(id);
      return { ...none, problems: reply.type === 'failed' ? reply.problems : [] };
    }
    const { ingest } = reply.result;
    let probability = reply.result.probability;
    const parquet = reply.parquet;
    // A batch output's scores were taken (or scored on the lead after a mismatch): nothing was delegated.
    const final = parquet?.mode === 'file-scores' || parquet?.mode === 'rescored';
    this.#carry(this.#schedule.read(id, this.#loads()));
    if (delegate && !final) {
      await this.#whenScored(run);
      const scores = this.#schedule.scores(id, ingest.status);
      if (!scores) return none;
      if ('problems' in scores) return { ...none, problems: scores.problems };
      probability = scores.probability;
    }
    // Sorting a million scores is a task of a few hundred ms: done on the lead, not on the page's thread.
    const copy = probability.slice();
    const rank = await this.#send(this.#lead(), { type: 'rank', id: this.#next++, probability: copy }, [copy.buffer]);
    if (!this.#schedule.current(id)) return none;
    const columns = ingest.plan.passthrough.map((_, j) => run.columns[j] ?? []);
    const distinct = ingest.plan.passthrough.map((_, j) => run.seen[j]?.size ?? 0);
    const unranked = { ...reply.result, probability, ingest: { ...ingest, ids: run.ids, passthrough: { ...ingest.passthrough, columns, distinct } } };
    // Ranked on the page only when the lead could not.
    const result: ScoredFile = rank.type === 'ranked' ? { ...unranked, order: rank.order, rank: rank.rank } : ranked(unranked);
    run.ids = [];
    run.columns = [];
    run.seen = [];
    if (parquet?.contrib) this.#takeContributions(run, result, parquet.contrib, parquet.check?.checked ?? 0);
    else void this.#explainAll(run, result, reply.covers);
    return { result, elapsedMs: reply.elapsedMs, problems: [], parquet };
  }

  /**
   * A batch output's contributions, taken once its sample matched (core/parquet): handed to the
   * page as one block covering every row, each row checked against its score as the engines'
   * blocks are (check-score.ts), and the pass ends without explaining anything.
   */
  #takeContributions(run: RunTransport, result: ScoredFile, contrib: Float32Array, checked: number): void {
    const n = result.ingest.rows;
    const failed = new Uint8Array(n);
    checkAgainstScore(contrib, n, this.#features, result.probability, failed, this.#outputSpace);
    let failures = 0;
    for (const f of failed) failures += f;
    this.#schedule.end(run.id);
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    run.handlers.onExplained({ rows, contrib, failed, sample: false, done: n, total: n });
    const problems = failures > 0 ? [problem('explain.sum_mismatch', 'warning', { params: { count: failures } })] : [];
    run.handlers.onExplainDone({ failures, coversEstimated: false, elapsedMs: 0, workers: 0, problems, fromFile: { checked } });
  }

  /** Resolves once the scheduler has every block of the run scored (or failed), or the run is no longer current. */
  #whenScored(run: RunTransport): Promise<void> {
    return new Promise((resolve) => {
      run.scored = resolve;
      this.#checkScored();
    });
  }

  #checkScored(): void {
    const run = this.#run;
    if (run?.scored && this.#schedule.phase(run.id) !== 'scoring') {
      run.scored();
      run.scored = null;
    }
  }

  /** Appends a slice of ids and passthrough cells; `run` puts them into the result. */
  #takeText(reply: Extract<Reply, { type: 'text' }>): void {
    const run = this.#run;
    if (!run || run.id !== reply.id || !this.#schedule.current(reply.id)) return;
    for (const id of reply.ids) run.ids.push(id);
    reply.columns.forEach(({ values, codes }, j) => {
      const column = (run.columns[j] ??= []);
      for (let i = 0; i < codes.length; i++) column.push(values[codes[i]]);
      // A slice's `values` are its distinct cells: counting them here spares segmentSources a pass over every cell.
      countDistinct((run.seen[j] ??= new Set()), values, MAX_SEGMENTS);
    });
  }

  /** Sends the scheduler's orders, in order, and feeds each reply back to it. */
  #carry(orders: Order[]): void {
    for (const order of orders) {
      const engine = this.#engines[order.engine];
      if (order.kind === 'score') {
        void this.#send(engine, { type: 'score', id: this.#next++, x: order.x, n: order.n }, [order.x.buffer]).then((reply) => {
          if (reply.type === 'scores') this.#carry(this.#schedule.scored(order, reply.p, this.#loads(), reply.x));
          else this.#schedule.scoreFailed(order, reply.type === 'failed' ? reply.problems : [problem('run.failed', 'error', { params: { detail: reply.type } })]);
          this.#checkScored();
        });
      } else if (order.kind === 'early') {
        const request: Request = { type: 'explain', id: this.#next++, rows: order.rows, x: order.x, check: true };
        void this.#send(engine, request, [order.rows.buffer, order.x.buffer]).then((reply) => {
          if (reply.type !== 'explained') return;
          const picture = this.#schedule.earlyExplained(order, reply);
          if (picture && this.#run?.id === order.run) this.#run.handlers.onEarly?.(picture);
        });
      } else {
        void this.#send(engine, { type: 'explain', id: this.#next++, rows: order.rows, x: order.x }, [order.rows.buffer, order.x.buffer]).then((reply) => {
          const loads = this.#loads();
          const step = reply.type === 'explained' ? this.#schedule.explained(order, reply, loads) : this.#schedule.explainFailed(order, reply.type === 'failed' ? reply.problems : [], loads);
          this.#follow(order.run, step);
        });
      }
    }
  }

  /** Hands the page a checked block and, when the pass is over, its summary; sends the next jobs. */
  #follow(id: number, step: ExplainStep): void {
    const handlers = this.#run?.id === id ? this.#run.handlers : null;
    if (step.block) handlers?.onExplained(step.block);
    this.#carry(step.orders);
    if (step.summary) handlers?.onExplainDone(step.summary);
  }

  /**
   * Explains every row on every engine. A model without covers gets the ones the lead estimated
   * from this file's rows (see worker.ts) on every engine first, and the summary says so.
   */
  async #explainAll(run: RunTransport, result: ScoredFile, covers: Float64Array | null): Promise<void> {
    // Checking the rows helpers explained while scoring ran, and cutting the first blocks, is a
    // task of its own, not part of the one that shows the scored file (issue 19: no task over 50 ms).
    await nextTask();
    if (!this.#schedule.current(run.id)) return;
    let ready = this.#engines.flatMap((e, i) => (e.alive ? [i] : []));
    let source: 'model' | 'estimated' | 'failed' = 'model';
    if (covers) {
      const replies = await Promise.all(ready.map((i) => {
        const copy = covers.slice();
        return this.#send(this.#engines[i], { type: 'set-covers', id: this.#next++, covers: copy }, [copy.buffer]);
      }));
      for (const reply of replies) if (reply.type === 'failed') this.#schedule.note(run.id, reply.problems);
      ready = ready.filter((_, k) => replies[k].type === 'ok');
      source = ready.length > 0 ? 'estimated' : 'failed';
      if (source === 'estimated') this.#schedule.note(run.id, [problem('explain.covers_estimated', 'info')]);
    }
    const file = { probability: result.probability, features: result.ingest.features, rows: result.ingest.rows, order: result.order };
    this.#follow(run.id, this.#schedule.explain(run.id, file, source, ready, this.#loads()));
  }

  /**
   * One record's explanation now (for a record the stream has not reached), from its feature
   * values `x` (F float32, NaN missing), on the least busy engine.
   */
  async explainRow(row: number, x: Float32Array): Promise<ExplainedRow | null> {
    const engine = this.#engines[leastBusy(this.#loads())];
    if (!engine) return null;
    const copy = x.slice();
    const reply = await this.#send(engine, { type: 'explain-row', id: this.#next++, row, x: copy }, [copy.buffer]);
    if (reply.type !== 'row-explained') return null;
    return { row: reply.row, contrib: reply.contrib, raw: reply.raw, ok: reply.ok };
  }

  prioritise(rows: ArrayLike<number>): void {
    if (this.#run) this.#schedule.prioritise(this.#run.id, rows);
  }

  async scoreRow(x: Float32Array): Promise<number | null> {
    const engine = this.#engines[leastBusy(this.#loads())];
    if (!engine) return null;
    const copy = x.slice();
    const reply = await this.#send(engine, { type: 'score', id: this.#next++, x: copy, n: 1 }, [copy.buffer]);
    return reply.type === 'scores' ? reply.p[0] : null;
  }

  cancel(): void {
    const reading = this.#schedule.cancel();
    if (reading !== null) this.#lead().worker.postMessage({ type: 'cancel', id: reading } satisfies Request);
    this.#checkScored();
  }

  terminate(): void {
    for (const engine of this.#engines) engine.worker.terminate();
  }
}
