/**
 * The engine pool's scheduling rules as a state machine, apart from its messaging
 * (engine-pool.ts): events in — a run started, a block parsed, scores or explanations back,
 * the file read, a run cancelled — and orders out: score this block on that engine, explain
 * these rows there, hand the page this. It never sees a Worker or a message, only engine
 * numbers (0 is the lead) and how busy each is, so its rules are tested in Node
 * (scheduler.test.ts).
 *
 * A run goes reading → scoring → preparing → explaining → over:
 * - reading: the lead reads the file and hands over each parsed block; the other engines score
 *   them, IN_FLIGHT requests each, and the lead scores one itself when LEAD_BACKLOG wait. The
 *   first block of a big file also gives the early picture, explained on a helper.
 * - scoring: the lead has read the whole file; every engine scores what is left.
 * - preparing: every score is in (or one failed); the pool ranks the file and sets covers.
 * - explaining: every engine explains blocks of BLOCK_ROWS rows, IN_FLIGHT at a time, an
 *   evenly spread sample first, each checked against the scores before the page sees it.
 * - over: explained, failed, cancelled or replaced by a newer run.
 * An event of any run but the current one is dropped (no orders, nothing for the page), so a
 * slow old file can never overwrite a new one. With one engine the lead scores as it reads,
 * and reading the file goes straight to preparing.
 */
import { problem, type Problem } from '../core/problems';
import { sampleRows } from '../core/explain/sample-rows';
import { meanAbs } from '../core/explain/mean-abs';
import { gatherRows } from '../core/explain/gather-rows';
import { checkAgainstScore } from '../core/explain/check-score';
import type { OutputSpace } from '../core/model/card';
import { nanForRejected } from '../core/pipeline/scored-file';
import type { EarlyPicture, ExplainedBlock, ExplainSummary } from './protocol';

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
export const EARLY_MIN_BYTES = 24 << 20;
/** Requests in flight per engine: one computing, one waiting, so no engine idles on a message. */
export const IN_FLIGHT = 2;
/** Parsed blocks waiting for a helper before the lead, still reading, scores one itself. */
export const LEAD_BACKLOG = 2;

/** What the scheduler knows of an engine: whether it still runs, and its requests in flight (of any run and kind). */
export interface EngineLoad {
  alive: boolean;
  busy: number;
}

/** Score rows start … start + n − 1 (x: n × F, row-major) on `engine`. */
export interface ScoreOrder {
  kind: 'score';
  run: number;
  engine: number;
  start: number;
  n: number;
  x: Float32Array;
}

/** Explain `rows` (x: their features) on `engine`; `count` is rows.length, kept since rows travel as a transferred buffer. */
export interface ExplainOrder {
  kind: 'explain';
  run: number;
  engine: number;
  rows: Uint32Array;
  count: number;
  x: Float32Array;
  sample: boolean;
}

/** Explain the early picture's rows on a helper, checked there against its own trees (the page has no scores for them yet). */
export interface EarlyOrder {
  kind: 'early';
  run: number;
  engine: number;
  rows: Uint32Array;
  x: Float32Array;
  /** Rows of the file read when the block came: the picture is of these. */
  read: number;
}

export type Order = ScoreOrder | ExplainOrder | EarlyOrder;

/** What an explanation event gives: orders to carry out, a block for the page, and once the pass ends, its summary. */
export interface ExplainStep {
  orders: ExplainOrder[];
  block: ExplainedBlock | null;
  summary: ExplainSummary | null;
}

export type RunPhase = 'reading' | 'scoring' | 'preparing' | 'explaining' | 'over';

export interface RunOptions {
  /** Size of the file in bytes: small files get no early picture (EARLY_MIN_BYTES). */
  fileBytes: number;
  /** Features per row (F). */
  features: number;
  /** The model's trees can be read for TreeSHAP. */
  explainable: boolean;
  /** What base + Σφ must equal for each row: the log-odds or the probability onnxruntime returned (the model's output space). */
  outputSpace: OutputSpace;
  /** The model carries its training covers (otherwise they are estimated from the whole file once it is read). */
  covered: boolean;
  /** The page wants an early picture. */
  wantsEarly: boolean;
}

interface Run extends RunOptions {
  id: number;
  phase: RunPhase;
  started: number;
  /** Parsed blocks waiting for a scoring engine. */
  toScore: { start: number; n: number; x: Float32Array }[];
  /** Score requests in flight, all engines and on the lead. */
  scoring: number;
  leadScoring: number;
  /** Probabilities by row as the engines return them (grows with the file). */
  scores: Float32Array;
  /** The early picture has been asked for, or is not wanted for this file. */
  earlyDone: boolean;
  problems: Problem[];
  // The explaining pass:
  file: { probability: Float32Array; features: Float32Array; rows: number } | null;
  ready: number[];
  coversEstimated: boolean;
  sampled: boolean;
  cursor: number;
  /** Explain requests in flight; the pass ends when none is left. */
  active: number;
  done: number;
  failures: number;
}

export class Scheduler {
  #run: Run | null = null;
  #clock: () => number;

  /** `clock`: milliseconds, for the explanation summary's elapsed time. */
  constructor(clock: () => number = () => performance.now()) {
    this.#clock = clock;
  }

  /**
   * Starts a run, replacing any other. Returns whether the lead delegates scoring (hands each
   * parsed block over rather than scoring it): when it has any other engine to delegate to.
   */
  start(id: number, options: RunOptions, loads: readonly EngineLoad[]): { delegate: boolean } {
    this.#run = {
      ...options,
      id,
      phase: 'reading',
      started: this.#clock(),
      toScore: [],
      scoring: 0,
      leadScoring: 0,
      scores: new Float32Array(1 << 16),
      earlyDone: options.fileBytes < EARLY_MIN_BYTES || !options.wantsEarly,
      problems: [],
      file: null,
      ready: [],
      coversEstimated: false,
      sampled: false,
      cursor: 0,
      active: 0,
      done: 0,
      failures: 0,
    };
    return { delegate: loads.filter((e) => e.alive).length > 1 };
  }

  /** Whether `id` is the run in progress; replies of any other run are dropped. */
  current(id: number): boolean {
    return this.#run?.id === id;
  }

  /** The phase of run `id`; 'over' for any run but the current one. */
  phase(id: number): RunPhase {
    return this.#of(id)?.phase ?? 'over';
  }

  /** Ends the current run. Returns its id when the lead may still be reading it (and should stop), else null. */
  cancel(): number | null {
    const run = this.#run;
    this.#run = null;
    return run && run.phase !== 'explaining' ? run.id : null;
  }

  /** Run `id` is over: the lead could not read the file, or stopped. */
  end(id: number): void {
    if (this.current(id)) this.#run = null;
  }

  /** A block the lead parsed: queued for scoring, and the first one of a big file gives the early picture. */
  parsed(id: number, start: number, x: Float32Array, loads: readonly EngineLoad[]): Order[] {
    const run = this.#of(id);
    if (!run || run.phase !== 'reading') return [];
    const busy = loads.map((e) => e.busy);
    const orders: Order[] = [];
    const n = x.length / run.features;
    if (!run.earlyDone) {
      run.earlyDone = true;
      const early = this.#early(run, start, n, x, loads);
      if (early) {
        busy[early.engine]++;
        orders.push(early);
      }
    }
    run.toScore.push({ start, n, x });
    orders.push(...this.#pump(run, loads, busy));
    return orders;
  }

  /**
   * EARLY_ROWS rows spread over the first parsed block, on the first helper, when the model can
   * be explained with its own covers. A rejected row reaches the block with every feature NaN
   * (RowCoercer): not a return to explain.
   */
  #early(run: Run, start: number, n: number, x: Float32Array, loads: readonly EngineLoad[]): EarlyOrder | null {
    const helper = loads.findIndex((e, i) => i > 0 && e.alive);
    if (helper < 0 || !run.explainable || !run.covered) return null;
    const f = run.features;
    const picked = Array.from(sampleRows(n, EARLY_ROWS)).filter((i) => x.subarray(i * f, (i + 1) * f).some((v) => v === v));
    if (picked.length === 0) return null;
    return { kind: 'early', run: run.id, engine: helper, rows: Uint32Array.from(picked, (i) => start + i), x: gatherRows(x, f, picked), read: start + n };
  }

  /** The early picture from its explained rows (mean |φ|, and the rows whose sum missed the trees' score); null for a stale run. */
  earlyExplained(order: EarlyOrder, reply: { rows: Uint32Array; contrib: Float32Array; failed: Uint8Array }): EarlyPicture | null {
    const run = this.#of(order.run);
    if (!run) return null;
    let failures = 0;
    for (const flag of reply.failed) failures += flag;
    return { importance: meanAbs(reply.contrib, reply.rows.length, run.features), sampled: reply.rows.length, read: order.read, failures };
  }

  /**
   * Keeps every helper at IN_FLIGHT requests while parsed blocks wait. Scoring a row in wasm
   * costs more than parsing it, so on two cores the helper falls behind the lead: when blocks
   * queue up (or the lead has finished reading), the lead scores one too, between its reads,
   * and both cores end together (10^6 rows: the lead reads in ~7.5 s, one helper alone scores
   * in ~10.5 s; see docs/BENCHMARK.md). `busy` is counted up as orders are given.
   */
  #pump(run: Run, loads: readonly EngineLoad[], busy: number[]): ScoreOrder[] {
    const orders: ScoreOrder[] = [];
    const give = (engine: number) => {
      const { start, n, x } = run.toScore.shift()!;
      run.scoring++;
      if (engine === 0) run.leadScoring++;
      busy[engine]++;
      orders.push({ kind: 'score', run: run.id, engine, start, n, x });
    };
    for (let e = 1; e < loads.length; e++) {
      while (loads[e].alive && busy[e] < IN_FLIGHT && run.toScore.length > 0) give(e);
    }
    const read = run.phase === 'scoring';
    const room = read ? IN_FLIGHT : 1;
    while (loads[0]?.alive && run.leadScoring < room && run.toScore.length >= (read ? 1 : LEAD_BACKLOG)) give(0);
    return orders;
  }

  /** Scores back for a block: filed by row, and the freed engine takes the next block. */
  scored(order: ScoreOrder, p: Float32Array, loads: readonly EngineLoad[]): ScoreOrder[] {
    const run = this.#of(order.run);
    if (!run) return [];
    this.#settle(run, order);
    const end = order.start + order.n;
    if (end > run.scores.length) {
      let size = run.scores.length;
      while (size < end) size *= 2;
      const grown = new Float32Array(size);
      grown.set(run.scores);
      run.scores = grown;
    }
    run.scores.set(p, order.start);
    const orders = this.#pump(run, loads, loads.map((e) => e.busy));
    this.#scoredAll(run);
    return orders;
  }

  /** A block could not be scored: the run fails once the file is read and nothing is in flight. */
  scoreFailed(order: ScoreOrder, problems: Problem[]): void {
    const run = this.#of(order.run);
    if (!run) return;
    this.#settle(run, order);
    run.problems.push(...problems);
    this.#scoredAll(run);
  }

  #settle(run: Run, order: ScoreOrder): void {
    run.scoring--;
    if (order.engine === 0) run.leadScoring--;
  }

  /** The lead has read the whole file: every engine scores what is left (nothing, when the lead scored as it read). */
  read(id: number, loads: readonly EngineLoad[]): ScoreOrder[] {
    const run = this.#of(id);
    if (!run || run.phase !== 'reading') return [];
    run.phase = 'scoring';
    const orders = this.#pump(run, loads, loads.map((e) => e.busy));
    this.#scoredAll(run);
    return orders;
  }

  /** Scoring ends when no block waits and none is in flight, or, after a failure, when none is in flight. */
  #scoredAll(run: Run): void {
    if (run.phase === 'scoring' && run.scoring === 0 && (run.toScore.length === 0 || run.problems.length > 0)) run.phase = 'preparing';
  }

  /**
   * The file's probabilities as the engines returned them, one per row, NaN for rejected rows;
   * or, when a block failed, the problems, and the run is over.
   */
  scores(id: number, status: Uint8Array): { probability: Float32Array } | { problems: Problem[] } | null {
    const run = this.#of(id);
    if (!run || run.phase !== 'preparing') return null;
    if (run.problems.length > 0) {
      this.#run = null;
      return { problems: dedupe(run.problems) };
    }
    return { probability: nanForRejected(run.scores.slice(0, status.length), status) };
  }

  /** Problems met while preparing (covers that could not be set), for the explanation summary. */
  note(id: number, problems: Problem[]): void {
    this.#of(id)?.problems.push(...problems);
  }

  /**
   * Starts explaining the scored file on the `ready` engines (those that took the covers, or
   * all), IN_FLIGHT requests each. `covers`: the model's own, estimated from the file, or
   * neither (the estimate failed). Without trees or covers the pass ends at once, saying so.
   */
  explain(
    id: number,
    file: { probability: Float32Array; features: Float32Array; rows: number },
    covers: 'model' | 'estimated' | 'failed',
    ready: number[],
    loads: readonly EngineLoad[],
  ): ExplainStep {
    const run = this.#of(id);
    if (!run || run.phase !== 'preparing') return { orders: [], block: null, summary: null };
    run.coversEstimated = covers === 'estimated';
    if (!((run.explainable && covers === 'model') || covers === 'estimated')) {
      this.#run = null;
      const summary = { failures: 0, coversEstimated: false, elapsedMs: 0, workers: 0, problems: [...dedupe(run.problems), problem('explain.unavailable', 'warning')] };
      return { orders: [], block: null, summary };
    }
    run.phase = 'explaining';
    run.file = file;
    run.ready = ready;
    const orders: ExplainOrder[] = [];
    for (const engine of ready) {
      for (let slot = 0; slot < IN_FLIGHT && loads[engine].alive; slot++) {
        const order = this.#next(run, engine);
        if (!order) break;
        orders.push(order);
      }
    }
    run.active = orders.length;
    return { orders, block: null, summary: run.active === 0 ? this.#summary(run, loads) : null };
  }

  /** The next job: the evenly spread sample first (unless it would be the whole file), then the file in blocks. */
  #next(run: Run, engine: number): ExplainOrder | null {
    const { rows: n, features: x } = run.file!;
    const f = run.features;
    if (!run.sampled) {
      run.sampled = true;
      const rows = sampleRows(n, SAMPLE_ROWS);
      if (rows.length < n) return { kind: 'explain', run: run.id, engine, rows, count: rows.length, x: gatherRows(x, f, rows), sample: true };
    }
    if (run.cursor >= n) return null;
    const stop = Math.min(n, run.cursor + BLOCK_ROWS);
    const rows = new Uint32Array(stop - run.cursor);
    for (let i = 0; i < rows.length; i++) rows[i] = run.cursor + i;
    const order: ExplainOrder = { kind: 'explain', run: run.id, engine, rows, count: rows.length, x: x.slice(run.cursor * f, stop * f), sample: false };
    run.cursor = stop;
    return order;
  }

  /**
   * Rows explained: checked after Lundberg et al. (2020, eq. 1, local accuracy) — base + Σφ must
   * give the probability onnxruntime returned for that very row, which also proves the block
   * came back to the rows it was sent for; a row that fails is flagged, never hidden. The
   * engine then takes the next job, if it still runs.
   */
  explained(order: ExplainOrder, reply: { rows: Uint32Array; contrib: Float32Array; failed: Uint8Array }, loads: readonly EngineLoad[]): ExplainStep {
    const run = this.#of(order.run);
    if (!run || run.phase !== 'explaining') return { orders: [], block: null, summary: null };
    const { rows, contrib, failed } = reply;
    const probability = run.file!.probability;
    const p = new Float32Array(rows.length);
    for (let i = 0; i < rows.length; i++) p[i] = probability[rows[i]];
    checkAgainstScore(contrib, rows.length, run.features, p, failed, run.outputSpace);
    if (!order.sample) {
      for (let i = 0; i < failed.length; i++) run.failures += failed[i];
      run.done += rows.length;
    }
    const block: ExplainedBlock = { rows, contrib, failed, sample: order.sample, done: run.done, total: run.file!.rows };
    const next = loads[order.engine].alive ? this.#next(run, order.engine) : null;
    if (!next) run.active--;
    return { orders: next ? [next] : [], block, summary: run.active === 0 ? this.#summary(run, loads) : null };
  }

  /** An explanation request failed: its engine takes no more jobs, and its rows stay unexplained (the summary counts them). */
  explainFailed(order: ExplainOrder, problems: Problem[], loads: readonly EngineLoad[]): ExplainStep {
    const run = this.#of(order.run);
    if (!run || run.phase !== 'explaining') return { orders: [], block: null, summary: null };
    run.problems.push(...problems);
    run.active--;
    return { orders: [], block: null, summary: run.active === 0 ? this.#summary(run, loads) : null };
  }

  /** The end of the pass: rows that failed the check and rows never explained, as problems; the run is over. */
  #summary(run: Run, loads: readonly EngineLoad[]): ExplainSummary {
    this.#run = null;
    run.phase = 'over';
    const problems = dedupe(run.problems);
    if (run.failures > 0) problems.push(problem('explain.sum_mismatch', 'warning', { params: { count: run.failures } }));
    const missing = run.file!.rows - run.done;
    if (missing > 0) problems.push(problem('explain.incomplete', 'warning', { params: { count: missing } }));
    return {
      failures: run.failures,
      coversEstimated: run.coversEstimated,
      elapsedMs: this.#clock() - run.started,
      workers: run.ready.filter((e) => loads[e].alive).length,
      problems,
    };
  }

  #of(id: number): Run | null {
    return this.#run?.id === id ? this.#run : null;
  }
}

/** Whether engine `i` stays in the pool after loading the model: the lead always; another only when it can explain. */
export function joinsPool(i: number, loaded: { ready: boolean; explainable: boolean }): boolean {
  return i === 0 || (loaded.ready && loaded.explainable);
}

/** The engine with the fewest requests in flight, the first among equals; -1 when none runs. */
export function leastBusy(loads: readonly EngineLoad[]): number {
  let best = -1;
  loads.forEach((e, i) => {
    if (e.alive && (best < 0 || e.busy < loads[best].busy)) best = i;
  });
  return best;
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
