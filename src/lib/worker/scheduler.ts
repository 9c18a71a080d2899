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
 *   first block of a file past EARLY_MIN_BYTES also gives the early picture, explained on a
 *   helper. A helper with nothing to score (no block waits, none in flight) explains rows
 *   already scored, SCORING_EXPLAIN_ROWS at a time, so it is back for the next block soon;
 *   those rows are held until the file's scores are final.
 * - scoring: the lead has read the whole file; every engine scores what is left.
 * - preparing: every score is in (or one failed); the pool ranks the file and sets covers,
 *   while idle helpers go on explaining scored rows.
 * - explaining: the held rows are checked against the final scores and handed over in one
 *   block; every engine explains blocks of up to BLOCK_ROWS rows, IN_FLIGHT at a time: the
 *   rows the page has on screen first (prioritise), then an evenly spread sample for the
 *   global charts, then the file by rank (the highest risk, the planner's list, first), each
 *   row once, each block checked against the scores before the page sees it.
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
 * Files smaller than this get no early picture: one that fits in a block or two is scored
 * about as soon as it is read, and its own sample follows within a second. Above it the early
 * picture is the first global chart (issue 19: ≤ 1 s for any file size); at 12 MB the whole
 * file's sample came ~3.8 s after the drop (docs/BENCHMARK.md).
 */
export const EARLY_MIN_BYTES = 2 << 20;
/**
 * Rows per explain request a helper gets while scoring goes on: ~40 ms at 3,500 rows/s, so a
 * block parsed meanwhile waits at most that long for it (with 512 rows all scores of 10^5 rows
 * came 0.6–2.4 s later on a loaded machine).
 */
export const SCORING_EXPLAIN_ROWS = 128;
/** Scored blocks whose features are kept for explaining while scoring goes on; older ones are left for the pass over the file. */
export const EXPLAIN_BACKLOG = 4;
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

/**
 * Explain `rows` (x: their features) on `engine`; `count` is rows.length, kept since rows travel
 * as a transferred buffer. `sample`: the evenly spread sample behind the global charts.
 */
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

/**
 * What an explanation event gives: orders to carry out (the engine's next block to score, while
 * scoring goes on, or to explain), a block for the page, and once the pass ends, its summary.
 */
export interface ExplainStep {
  orders: Order[];
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
  // Explaining, while scoring goes on and after:
  /** Per row: OPEN, ASKED (handed out) or EXPLAINED (grows with the file while it is scored). */
  state: Uint8Array;
  /** Scored blocks whose features came back, with the rows of each not handed out yet (from `next`), oldest first. */
  spare: { start: number; n: number; x: Float32Array; next: number }[];
  /** Explained before the scores were final: checked and handed over when the pass starts. */
  held: { rows: Uint32Array; contrib: Float32Array; failed: Uint8Array }[];
  file: ExplainFile | null;
  ready: number[];
  coversEstimated: boolean;
  sampled: boolean;
  /** The rows the page shows (prioritise), explained before anything else. */
  urgent: Uint32Array;
  /** Position in the file's rank order (or row order, without one) of the pass over the file. */
  sweep: number;
  /** Explain requests in flight, in any phase; the pass ends when none is left. */
  active: number;
  /** The same by engine (an engine's other requests, of an older run or the record view, not counted). */
  asking: number[];
  done: number;
  failures: number;
}

/** The scored file, as the explaining pass needs it. */
export interface ExplainFile {
  probability: Float32Array;
  features: Float32Array;
  rows: number;
  /** Row indices by descending risk (the ranking), so the pass explains the list first; file order without it. */
  order?: Uint32Array;
}

const OPEN = 0;
const ASKED = 1;
const EXPLAINED = 2;

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
      state: new Uint8Array(1 << 16),
      spare: [],
      held: [],
      file: null,
      ready: [],
      coversEstimated: false,
      sampled: false,
      urgent: new Uint32Array(0),
      sweep: 0,
      active: 0,
      asking: loads.map(() => 0),
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
  #pump(run: Run, loads: readonly EngineLoad[], busy: number[]): Order[] {
    const orders: Order[] = [];
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
    for (let e = 1; e < loads.length && run.toScore.length === 0; e++) {
      if (!loads[e].alive || busy[e] > 0) continue;
      const order = this.#spareOrder(run, e);
      if (!order) break;
      busy[e]++;
      orders.push(order);
    }
    return orders;
  }

  /**
   * Up to SCORING_EXPLAIN_ROWS scored rows not handed out yet, from the oldest block kept, for a
   * helper with nothing to score; null when the model cannot be explained with its own covers
   * (estimated ones need the whole file) or no scored row waits.
   */
  #spareOrder(run: Run, engine: number): ExplainOrder | null {
    if (!run.explainable || !run.covered) return null;
    const f = run.features;
    const picked: number[] = [];
    const local: number[] = [];
    let x: Float32Array | null = null;
    while (run.spare.length > 0 && picked.length === 0) {
      const block = run.spare[0];
      while (block.next < block.n && picked.length < SCORING_EXPLAIN_ROWS) {
        const row = block.start + block.next;
        if (run.state[row] === OPEN) {
          picked.push(row);
          local.push(block.next);
        }
        block.next++;
      }
      if (picked.length > 0) x = gatherRows(block.x, f, local);
      if (block.next >= block.n) run.spare.shift();
    }
    if (!x) return null;
    return this.#ask(run, { kind: 'explain', run: run.id, engine, rows: Uint32Array.from(picked), count: picked.length, x, sample: false });
  }

  /** Marks an explain order's rows as handed out and counts it in flight. */
  #ask(run: Run, order: ExplainOrder): ExplainOrder {
    for (const r of order.rows) if (run.state[r] === OPEN) run.state[r] = ASKED;
    run.active++;
    run.asking[order.engine] = (run.asking[order.engine] ?? 0) + 1;
    return order;
  }

  /**
   * Scores back for a block: filed by row, and the freed engine takes the next block. `x`, the
   * block's features when the engine sent them back, is kept (EXPLAIN_BACKLOG blocks) for
   * helpers to explain while scoring goes on.
   */
  scored(order: ScoreOrder, p: Float32Array, loads: readonly EngineLoad[], x?: Float32Array): Order[] {
    const run = this.#of(order.run);
    if (!run) return [];
    this.#settle(run, order);
    const end = order.start + order.n;
    run.scores = grown(run.scores, end);
    run.state = grown(run.state, end);
    run.scores.set(p, order.start);
    if (x && x.length === order.n * run.features && run.phase !== 'explaining') {
      run.spare.push({ start: order.start, n: order.n, x, next: 0 });
      if (run.spare.length > EXPLAIN_BACKLOG) run.spare.shift();
    }
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
  read(id: number, loads: readonly EngineLoad[]): Order[] {
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
   * all), up to IN_FLIGHT requests each, counting the ones of this run they have in flight. `covers`: the
   * model's own, estimated from the file, or neither (the estimate failed). Without trees or
   * covers the pass ends at once, saying so. Rows explained while scoring went on come first,
   * checked against the final scores, as one block.
   */
  explain(id: number, file: ExplainFile, covers: 'model' | 'estimated' | 'failed', ready: number[], loads: readonly EngineLoad[]): Omit<ExplainStep, 'orders'> & { orders: ExplainOrder[] } {
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
    run.spare = [];
    run.state = grown(run.state, file.rows).subarray(0, Math.max(file.rows, 0));
    const block = this.#release(run);
    const orders: ExplainOrder[] = [];
    for (const engine of ready) {
      for (let slot = run.asking[engine] ?? 0; slot < IN_FLIGHT && loads[engine].alive; slot++) {
        const order = this.#next(run, engine);
        if (!order) break;
        orders.push(order);
      }
    }
    return { orders, block, summary: run.active === 0 ? this.#summary(run, loads) : null };
  }

  /** The rows held while scoring went on, checked against the final scores, as one block (null when none). */
  #release(run: Run): ExplainedBlock | null {
    const held = run.held;
    run.held = [];
    if (held.length === 0) return null;
    const stride = run.features + 1;
    let n = 0;
    for (const h of held) n += h.rows.length;
    const rows = new Uint32Array(n);
    const contrib = new Float32Array(n * stride);
    const failed = new Uint8Array(n);
    let at = 0;
    for (const h of held) {
      rows.set(h.rows, at);
      contrib.set(h.contrib, at * stride);
      failed.set(h.failed, at);
      at += h.rows.length;
    }
    return this.#check(run, { rows, contrib, failed }, false);
  }

  /**
   * Rows explained: checked after Lundberg et al. (2020, eq. 1, local accuracy) — base + Σφ must
   * give the probability onnxruntime returned for that very row, which also proves the block
   * came back to the rows it was sent for; a row that fails is flagged, never hidden. Each row
   * is counted once, however often it was explained (the sample may repeat a row).
   */
  #check(run: Run, reply: { rows: Uint32Array; contrib: Float32Array; failed: Uint8Array }, sample: boolean): ExplainedBlock {
    const { rows, contrib, failed } = reply;
    const probability = run.file!.probability;
    const p = new Float32Array(rows.length);
    for (let i = 0; i < rows.length; i++) p[i] = probability[rows[i]];
    checkAgainstScore(contrib, rows.length, run.features, p, failed, run.outputSpace);
    for (let i = 0; i < rows.length; i++) {
      if (run.state[rows[i]] === EXPLAINED) continue;
      run.state[rows[i]] = EXPLAINED;
      run.failures += failed[i];
      run.done++;
    }
    return { rows, contrib, failed, sample, done: run.done, total: run.file!.rows };
  }

  /**
   * The next job, rows not handed out before: the page's rows on screen, then the evenly spread
   * sample (unless it would be the whole file), then the file by rank in blocks of BLOCK_ROWS.
   */
  #next(run: Run, engine: number): ExplainOrder | null {
    const { rows: n, features: x } = run.file!;
    const f = run.features;
    const urgent = this.#pick(run, run.urgent, 0, run.urgent.length).rows;
    if (urgent.length > 0) return this.#ask(run, { kind: 'explain', run: run.id, engine, rows: urgent, count: urgent.length, x: gatherRows(x, f, urgent), sample: false });
    if (!run.sampled) {
      run.sampled = true;
      const rows = sampleRows(n, SAMPLE_ROWS);
      if (rows.length < n) return this.#ask(run, { kind: 'explain', run: run.id, engine, rows, count: rows.length, x: gatherRows(x, f, rows), sample: true });
    }
    const { rows, end } = this.#pick(run, run.file!.order ?? null, run.sweep, n);
    run.sweep = end;
    if (rows.length === 0) return null;
    return this.#ask(run, { kind: 'explain', run: run.id, engine, rows, count: rows.length, x: gatherRows(x, f, rows), sample: false });
  }

  /** Up to BLOCK_ROWS open rows of `list` (row order when null) from position `from`, and the position after the last one looked at. */
  #pick(run: Run, list: Uint32Array | null, from: number, to: number): { rows: Uint32Array; end: number } {
    const picked: number[] = [];
    let at = from;
    for (; at < to && picked.length < BLOCK_ROWS; at++) {
      const row = list ? list[at] : at;
      if (row < run.state.length && run.state[row] === OPEN) picked.push(row);
    }
    return { rows: Uint32Array.from(picked), end: at };
  }

  /**
   * The rows the page has on screen (the results table's window, the open record): explained
   * before anything else at the next free slot, those already done or asked for left out. The
   * latest call replaces the one before.
   */
  prioritise(id: number, rows: ArrayLike<number>): void {
    const run = this.#of(id);
    if (run) run.urgent = Uint32Array.from(rows);
  }

  /**
   * Rows explained. Before the scores are final (a helper explained while scoring went on)
   * they are held, and the engine takes the next block to score or explain; once the pass
   * runs they are checked (#check) and handed to the page, and the engine, if it still runs,
   * takes the next job.
   */
  explained(order: ExplainOrder, reply: { rows: Uint32Array; contrib: Float32Array; failed: Uint8Array }, loads: readonly EngineLoad[]): ExplainStep {
    const run = this.#of(order.run);
    if (!run || run.phase === 'over') return { orders: [], block: null, summary: null };
    run.active--;
    run.asking[order.engine]--;
    if (run.phase !== 'explaining') {
      run.held.push(reply);
      const busy = loads.map((e) => e.busy);
      return { orders: this.#pump(run, loads, busy), block: null, summary: null };
    }
    const block = this.#check(run, reply, order.sample);
    const next = loads[order.engine].alive ? this.#next(run, order.engine) : null;
    return { orders: next ? [next] : [], block, summary: run.active === 0 ? this.#summary(run, loads) : null };
  }

  /** An explanation request failed: its engine takes no more jobs, and its rows stay unexplained (the summary counts them). */
  explainFailed(order: ExplainOrder, problems: Problem[], loads: readonly EngineLoad[]): ExplainStep {
    const run = this.#of(order.run);
    if (!run || run.phase === 'over') return { orders: [], block: null, summary: null };
    run.problems.push(...problems);
    run.active--;
    run.asking[order.engine]--;
    const over = run.phase === 'explaining' && run.active === 0;
    return { orders: [], block: null, summary: over ? this.#summary(run, loads) : null };
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

/** `array`, or a copy twice as long as needed to hold `size` items. */
function grown<T extends Float32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  let length = Math.max(array.length, 1);
  while (length < size) length *= 2;
  const copy = new (array.constructor as new (n: number) => T)(length);
  copy.set(array);
  return copy;
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
