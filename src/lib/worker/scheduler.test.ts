import { describe, expect, it } from 'vitest';
import { STATUS_REJECTED, STATUS_SCORED } from '../core/csv/row-status';
import {
  BLOCK_ROWS,
  EARLY_MIN_BYTES,
  EARLY_ROWS,
  EXPLAIN_BACKLOG,
  IN_FLIGHT,
  LEAD_BACKLOG,
  SAMPLE_ROWS,
  SCORING_EXPLAIN_ROWS,
  Scheduler,
  joinsPool,
  leastBusy,
  type EngineLoad,
  type ExplainOrder,
  type Order,
  type RunOptions,
  type ScoreOrder,
} from './scheduler';

const F = 2;
const options = (over: Partial<RunOptions> = {}): RunOptions => ({ fileBytes: 1000, features: F, explainable: true, outputSpace: 'log-odds', covered: true, wantsEarly: true, ...over });
/** `engines` engines, all alive and idle; busy counts from `busy` when given. */
const loads = (engines: number, busy: number[] = []): EngineLoad[] => Array.from({ length: engines }, (_, i) => ({ alive: true, busy: busy[i] ?? 0 }));
/** A parsed block of n rows, every feature 1 (NaN for the rows in `rejected`). */
const block = (n: number, rejected: number[] = []) => {
  const x = new Float32Array(n * F).fill(1);
  for (const r of rejected) x.fill(NaN, r * F, (r + 1) * F);
  return x;
};
const engines = (orders: Order[]) => orders.map((o) => `${o.kind}@${o.engine}`);

/** Engines' loads as the pool would report them: requests in flight from `busy`, plus every order given and not back yet. */
function pool(n: number, busy: number[] = []) {
  const inFlight = Array.from({ length: n }, (_, i) => busy[i] ?? 0);
  return {
    loads: (): EngineLoad[] => inFlight.map((b) => ({ alive: true, busy: b })),
    give: <T extends Order>(orders: T[]): T[] => {
      for (const o of orders) inFlight[o.engine]++;
      return orders;
    },
    back: (order: Order) => void inFlight[order.engine]--,
  };
}

/** A scheduler with a run `id` started on `n` engines, the clock standing still at 0 unless moved. */
function started(n = 2, over: Partial<RunOptions> = {}, id = 1) {
  let now = 0;
  const s = new Scheduler(() => now);
  const { delegate } = s.start(id, options(over), loads(n));
  return { s, delegate, tick: (ms: number) => (now += ms) };
}

describe('Scheduler: scoring while the lead reads', () => {
  it('delegates scoring when there is another engine, and not with the lead alone', () => {
    expect(started(2).delegate).toBe(true);
    expect(started(1).delegate).toBe(false);
    const s = new Scheduler();
    expect(s.start(1, options(), [{ alive: true, busy: 0 }, { alive: false, busy: 0 }]).delegate).toBe(false);
  });

  it('gives each helper IN_FLIGHT blocks, counting what it already has in flight', () => {
    const { s } = started(3);
    const p = pool(3, [1, 0, 1]);
    const orders = [1, 2, 3, 4].flatMap((k) => p.give(s.parsed(1, k * 10, block(10), p.loads())));
    // Helper 1 takes two, helper 2 (one request already in flight) one; the fourth waits.
    expect(engines(orders)).toEqual(['score@1', 'score@1', 'score@2']);
  });

  it('has the lead, still reading, score a block only when LEAD_BACKLOG blocks wait, and one at a time', () => {
    const { s } = started(2);
    const l = loads(2, [1, IN_FLIGHT]); // the lead is reading; the helper is full
    const orders: Order[] = [];
    for (let k = 0; k < LEAD_BACKLOG - 1; k++) orders.push(...s.parsed(1, k * 10, block(10), l));
    expect(orders).toEqual([]);
    orders.push(...s.parsed(1, 10 * LEAD_BACKLOG, block(10), l));
    expect(engines(orders)).toEqual(['score@0']);
    for (let k = 0; k < 4; k++) orders.push(...s.parsed(1, 100 + k * 10, block(10), l));
    expect(engines(orders)).toEqual(['score@0']);
  });

  it('lets the lead take IN_FLIGHT blocks, and the last one left, once the file is read', () => {
    const { s } = started(2);
    const p = pool(2, [1, IN_FLIGHT]); // the lead is reading; the helper is full
    const [first] = [0, 1, 2].flatMap((k) => p.give(s.parsed(1, k * 10, block(10), p.loads())));
    expect(first.engine).toBe(0); // two blocks waited; two wait again
    expect(s.phase(1)).toBe('reading');
    expect(engines(s.read(1, p.loads()))).toEqual(['score@0']);
    expect(s.phase(1)).toBe('scoring');
    p.back(first);
    expect(engines(s.scored(first as ScoreOrder, new Float32Array(10), p.loads()))).toEqual(['score@0']);
  });

  it('files scores by row, however late and in whatever order they come, and gives rejected rows NaN', () => {
    const { s } = started(2);
    const l = loads(2);
    const [a, b] = [...s.parsed(1, 0, block(3), l), ...s.parsed(1, 3, block(2), l)] as ScoreOrder[];
    expect(s.read(1, l)).toEqual([]);
    expect(s.scored(b, Float32Array.of(0.4, 0.5), l)).toEqual([]);
    expect(s.phase(1)).toBe('scoring');
    s.scored(a, Float32Array.of(0.1, 0.2, 0.3), l);
    expect(s.phase(1)).toBe('preparing');
    const status = Uint8Array.of(STATUS_SCORED, STATUS_REJECTED, STATUS_SCORED, STATUS_SCORED, STATUS_SCORED);
    const scores = s.scores(1, status) as { probability: Float32Array };
    expect(Array.from(scores.probability)).toEqual([0.1, NaN, 0.3, 0.4, 0.5].map(Math.fround));
  });

  it('grows its score buffer past 65,536 rows', () => {
    const { s } = started(2);
    const [order] = s.parsed(1, 70_000, block(5), loads(2)) as ScoreOrder[];
    s.read(1, loads(2, [0, 1]));
    s.scored(order, new Float32Array(5).fill(0.25), loads(2));
    const scores = s.scores(1, new Uint8Array(70_005)) as { probability: Float32Array };
    expect(scores.probability[70_004]).toBe(0.25);
  });

  it('hands the engine a score came back from the next waiting block', () => {
    const { s } = started(2);
    const [first, second] = s.parsed(1, 0, block(1), loads(2)).concat(s.parsed(1, 1, block(1), loads(2, [0, 1]))) as ScoreOrder[];
    expect(second.engine).toBe(1);
    s.parsed(1, 2, block(1), loads(2, [1, IN_FLIGHT])); // waits: the helper is full, the lead's backlog short
    expect(engines(s.scored(first, Float32Array.of(0.5), loads(2, [1, 1])))).toEqual(['score@1']);
  });

  it('fails the run with its problems once the file is read and nothing is in flight', () => {
    const { s } = started(2);
    const [order] = s.parsed(1, 0, block(1), loads(2, [1, 0]));
    s.parsed(1, 1, block(1), loads(2, [1, IN_FLIGHT])); // the helper is full: waits
    const crash = { code: 'run.worker_crashed', severity: 'error' as const, params: { detail: '' } };
    s.scoreFailed(order as ScoreOrder, [crash, crash]);
    expect(s.phase(1)).toBe('reading');
    const [last] = s.read(1, [{ alive: true, busy: 1 }, { alive: false, busy: 0 }]);
    expect(last).toMatchObject({ engine: 0, start: 1 });
    expect(s.phase(1)).toBe('scoring');
    s.scored(last as ScoreOrder, Float32Array.of(0.5), loads(2));
    expect(s.scores(1, new Uint8Array(2))).toEqual({ problems: [crash] });
    expect(s.phase(1)).toBe('over');
  });

  it('does not wait for blocks no engine is left to score once one failed', () => {
    const { s } = started(2);
    const [order] = s.parsed(1, 0, block(1), loads(2, [1, 0]));
    s.parsed(1, 1, block(1), loads(2, [1, IN_FLIGHT]));
    s.scoreFailed(order as ScoreOrder, [{ code: 'run.worker_crashed', severity: 'error', params: { detail: '' } }]);
    expect(s.read(1, [{ alive: false, busy: 0 }, { alive: false, busy: 0 }])).toEqual([]);
    expect(s.phase(1)).toBe('preparing');
    expect(s.scores(1, new Uint8Array(2))).toMatchObject({ problems: [{ code: 'run.worker_crashed' }] });
  });

  it('goes straight to preparing when the lead scored the file as it read', () => {
    const { s } = started(1);
    expect(s.read(1, loads(1, [0]))).toEqual([]);
    expect(s.phase(1)).toBe('preparing');
  });
});

describe('Scheduler: a newer run, cancel and failure', () => {
  it('drops every event of a run a newer one replaced', () => {
    const { s } = started(2);
    const [old] = s.parsed(1, 0, block(3), loads(2)) as ScoreOrder[];
    s.start(2, options(), loads(2));
    expect(s.current(1)).toBe(false);
    expect(s.phase(1)).toBe('over');
    expect(s.scored(old, Float32Array.of(0.1, 0.2, 0.3), loads(2))).toEqual([]);
    expect(s.parsed(1, 3, block(3), loads(2))).toEqual([]);
    expect(s.read(1, loads(2))).toEqual([]);
    expect(s.scores(1, new Uint8Array(3))).toBeNull();
    // The new run starts from nothing: its first block goes to the helper, its scores are its own.
    const [fresh] = s.parsed(2, 0, block(1), loads(2)) as ScoreOrder[];
    expect(fresh).toMatchObject({ run: 2, engine: 1, start: 0 });
    s.read(2, loads(2, [0, 1]));
    s.scored(fresh, Float32Array.of(0.9), loads(2));
    expect(Array.from((s.scores(2, new Uint8Array(1)) as { probability: Float32Array }).probability)).toEqual([Math.fround(0.9)]);
  });

  it('tells the lead to stop reading when cancelled before the explanations, and not after', () => {
    const { s } = started(2);
    expect(s.cancel()).toBe(1);
    expect(s.current(1)).toBe(false);
    expect(s.cancel()).toBeNull();
    const explaining = started(1).s;
    explaining.read(1, loads(1));
    explaining.explain(1, file(10), 'model', [0], loads(1));
    expect(explaining.phase(1)).toBe('explaining');
    expect(explaining.cancel()).toBeNull();
    expect(explaining.phase(1)).toBe('over');
  });

  it('ends a run the lead could not read', () => {
    const { s } = started(2);
    s.end(1);
    expect(s.phase(1)).toBe('over');
    expect(s.parsed(1, 0, block(1), loads(2))).toEqual([]);
  });
});

describe('Scheduler: the early picture', () => {
  const big = { fileBytes: EARLY_MIN_BYTES };

  it('explains EARLY_ROWS rows spread over the first block of a big file on the first helper, before scoring it', () => {
    const { s } = started(3, big);
    const orders = s.parsed(1, 0, block(5000), loads(3));
    // The early request counts against the helper's IN_FLIGHT: it scores one block beside it.
    expect(engines(orders)).toEqual(['early@1', 'score@1']);
    const early = orders[0] as Extract<Order, { kind: 'early' }>;
    expect(early.rows).toHaveLength(EARLY_ROWS);
    expect(early.rows[1]).toBe(5);
    expect(early.x).toHaveLength(EARLY_ROWS * F);
    expect(early.read).toBe(5000);
    expect(engines(s.parsed(1, 5000, block(10), loads(3, [1, IN_FLIGHT, 0])))).toEqual(['score@2']);
  });

  it('leaves out rejected rows (every feature NaN) and numbers rows from the block’s start', () => {
    const { s } = started(2, big);
    const [early] = s.parsed(1, 100, block(4, [1, 3]), loads(2));
    expect(early.kind).toBe('early');
    expect(Array.from((early as { rows: Uint32Array }).rows)).toEqual([100, 102]);
  });

  it('is not asked for a small file, without covers or trees, without a helper, or when the page does not want it', () => {
    for (const [n, over] of [[2, {}], [2, { ...big, covered: false }], [2, { ...big, explainable: false }], [1, big], [2, { ...big, wantsEarly: false }]] as const) {
      const { s } = started(n, over);
      expect(s.parsed(1, 0, block(10), loads(n)).filter((o) => o.kind === 'early')).toEqual([]);
    }
    const { s } = started(3, big);
    const l: EngineLoad[] = [{ alive: true, busy: 1 }, { alive: false, busy: 0 }, { alive: true, busy: 0 }];
    expect(engines(s.parsed(1, 0, block(10), l))).toEqual(['early@2', 'score@2']);
  });

  it('gives the mean |φ| of the rows it explained and how many missed their score', () => {
    const { s } = started(2, big);
    const [early] = s.parsed(1, 0, block(2), loads(2));
    const picture = s.earlyExplained(early as Extract<Order, { kind: 'early' }>, { rows: Uint32Array.of(0, 1), contrib: Float32Array.of(1, -2, 0, 3, 0, 0), failed: Uint8Array.of(0, 1) });
    expect(picture).toEqual({ importance: Float64Array.of(2, 1), sampled: 2, read: 2, failures: 1 });
    s.start(2, options(big), loads(2));
    expect(s.earlyExplained(early as Extract<Order, { kind: 'early' }>, { rows: Uint32Array.of(0), contrib: new Float32Array(3), failed: new Uint8Array(1) })).toBeNull();
  });
});

/** A scored file of n rows, probability 0.5 (log-odds 0), so all-zero contributions add up to every score. */
function file(n: number) {
  return { probability: new Float32Array(n).fill(0.5), features: new Float32Array(n * F), rows: n };
}
/** The reply of an explain order: zeros, which add up (see file), except rows in `wrong`. */
function reply(order: ExplainOrder, wrong: number[] = []) {
  const contrib = new Float32Array(order.count * (F + 1));
  for (const r of wrong) contrib[order.rows.indexOf(r) * (F + 1)] = 1;
  return { rows: order.rows, contrib, failed: new Uint8Array(order.count) };
}
/** The explain orders among `orders`. */
const explains = (orders: Order[]) => orders.filter((o): o is ExplainOrder => o.kind === 'explain');

/** A run on `n` engines with every row scored, ready to explain. */
function preparing(n: number, over: Partial<RunOptions> = {}) {
  const run = started(n, over);
  run.s.read(1, loads(n));
  return run;
}

describe('Scheduler: explaining every row', () => {
  it('explains the evenly spread sample first, then the file by rank in BLOCK_ROWS blocks, IN_FLIGHT per engine, each row once', () => {
    const { s } = preparing(2);
    const rows = 4 * BLOCK_ROWS + 10;
    // Ranked the other way round: the last row is the riskiest.
    const order = Uint32Array.from({ length: rows }, (_, i) => rows - 1 - i);
    const step = s.explain(1, { ...file(rows), order }, 'model', [0, 1], loads(2));
    expect(s.phase(1)).toBe('explaining');
    expect(step.orders.map((o) => [o.engine, o.sample, o.count])).toEqual([
      [0, true, SAMPLE_ROWS],
      [0, false, BLOCK_ROWS],
      [1, false, BLOCK_ROWS],
      [1, false, BLOCK_ROWS],
    ]);
    const [sample, first, second] = step.orders;
    expect(Array.from(sample.rows.subarray(0, 3))).toEqual([0, 8, 16]); // floor(i · 16394 / 2000)
    expect(first.rows[0]).toBe(rows - 1);
    expect(second.rows[0]).toBe(first.rows[BLOCK_ROWS - 1] - 1 - (sample.rows.includes(first.rows[BLOCK_ROWS - 1] - 1) ? 1 : 0));
    const all = step.orders.flatMap((o) => Array.from(o.rows));
    expect(new Set(all).size).toBe(all.length);
    // The blocks descend the ranking and leave out the sample's rows.
    const blocks = step.orders.slice(1).flatMap((o) => Array.from(o.rows));
    expect(blocks.every((r, i) => i === 0 || r < blocks[i - 1])).toBe(true);
    expect(blocks.some((r) => sample.rows.includes(r))).toBe(false);
    expect(first.x).toHaveLength(BLOCK_ROWS * F);
  });

  it('has no separate sample when the file is no bigger than it', () => {
    const { s } = preparing(1);
    const step = s.explain(1, file(SAMPLE_ROWS), 'model', [0], loads(1));
    expect(step.orders.map((o) => [o.sample, o.count])).toEqual([[false, SAMPLE_ROWS]]);
  });

  it('checks each block against the scores, counts every row once, the sample too, and gives the engine its next block', () => {
    const { s } = preparing(1);
    const n = SAMPLE_ROWS + BLOCK_ROWS + 1;
    const [sample, first] = s.explain(1, file(n), 'model', [0], loads(1)).orders;
    const a = s.explained(sample, reply(sample, [sample.rows[3]]), loads(1));
    expect(a.block).toMatchObject({ sample: true, done: SAMPLE_ROWS, total: n });
    expect(a.block!.failed[3]).toBe(1);
    // What is left after the sample and the first block: n − SAMPLE_ROWS − BLOCK_ROWS = 1 row.
    expect(explains(a.orders).map((o) => o.count)).toEqual([1]);
    const b = s.explained(first, reply(first, [first.rows[7]]), loads(1));
    expect(b.block).toMatchObject({ sample: false, done: SAMPLE_ROWS + BLOCK_ROWS });
    expect(b.block!.failed[7]).toBe(1);
    expect(b.orders).toEqual([]);
    expect(b.summary).toBeNull();
    const last = explains(a.orders)[0];
    const end = s.explained(last, reply(last), loads(1));
    expect(end.block!.done).toBe(n);
    expect(end.summary).toMatchObject({ failures: 2, problems: [{ code: 'explain.sum_mismatch', params: { count: 2 } }] });
  });

  it("checks in the model's output space: contributions adding up to the probability pass for an averaged forest and fail for a log-odds model", () => {
    for (const [outputSpace, flagged] of [['probability', 0], ['log-odds', 1]] as const) {
      const { s } = preparing(1, { outputSpace });
      const [order] = s.explain(1, file(10), 'model', [0], loads(1)).orders;
      // base 0.5 and φ 0: the sum is the probability 0.5 itself, and 0.5 ≠ logit(0.5) = 0.
      const contrib = new Float32Array(order.count * (F + 1));
      for (let i = 0; i < order.count; i++) contrib[i * (F + 1) + F] = 0.5;
      const step = s.explained(order, { rows: order.rows, contrib, failed: new Uint8Array(order.count) }, loads(1));
      expect(step.block!.failed.every((v) => v === flagged)).toBe(true);
    }
  });

  it('sums up once every engine is out of work: failures, rows never explained, workers still running', () => {
    const { s, tick } = preparing(2);
    const n = 2 * BLOCK_ROWS;
    const [sample, a, b] = s.explain(1, file(n), 'model', [0, 1], loads(2)).orders;
    expect(engines([sample, a, b])).toEqual(['explain@0', 'explain@0', 'explain@1']);
    tick(1500);
    expect(s.explained(sample, reply(sample, [0]), loads(2)).summary).toBeNull();
    expect(s.explained(a, reply(a, [a.rows[0]]), loads(2)).summary).toBeNull();
    const crash = { code: 'run.worker_crashed', severity: 'error' as const, params: { detail: '' } };
    const end = s.explainFailed(b, [crash], [{ alive: true, busy: 0 }, { alive: false, busy: 0 }]);
    expect(end.summary).toEqual({
      failures: 2,
      coversEstimated: false,
      elapsedMs: 1500,
      workers: 1,
      problems: [
        crash,
        { code: 'explain.sum_mismatch', severity: 'warning', params: { count: 2 } },
        { code: 'explain.incomplete', severity: 'warning', params: { count: b.count } },
      ],
    });
    expect(s.phase(1)).toBe('over');
  });

  it('gives an engine that stopped running no next block', () => {
    const { s } = preparing(2);
    const [a] = s.explain(1, file(3 * BLOCK_ROWS), 'model', [0, 1], loads(2)).orders;
    const step = s.explained(a, reply(a), [{ alive: false, busy: 0 }, { alive: true, busy: 2 }]);
    expect(step.block).not.toBeNull();
    expect(step.orders).toEqual([]);
  });

  it('says the covers were estimated from the file, with the problems met setting them', () => {
    const { s } = preparing(1, { covered: false });
    s.note(1, [{ code: 'explain.covers_estimated', severity: 'info' }]);
    const [only] = s.explain(1, file(1), 'estimated', [0], loads(1)).orders;
    const end = s.explained(only, reply(only), loads(1));
    expect(end.summary).toMatchObject({ coversEstimated: true, failures: 0, workers: 1, problems: [{ code: 'explain.covers_estimated' }] });
  });

  it('ends at once, saying explanations are unavailable, without trees or when no engine took the covers', () => {
    for (const [over, covers] of [[{ explainable: false }, 'model'], [{ covered: false }, 'failed']] as const) {
      const { s } = preparing(2, over);
      const step = s.explain(1, file(10), covers, [], loads(2));
      expect(step.orders).toEqual([]);
      expect(step.summary).toEqual({ failures: 0, coversEstimated: false, elapsedMs: 0, workers: 0, problems: [{ code: 'explain.unavailable', severity: 'warning' }] });
      expect(s.phase(1)).toBe('over');
    }
  });

  it('sums up at once for a file with no rows', () => {
    const { s } = preparing(1);
    const step = s.explain(1, file(0), 'model', [0], loads(1));
    expect(step.orders).toEqual([]);
    expect(step.summary).toMatchObject({ failures: 0, problems: [] });
  });

  it('drops explanations of a run a newer one replaced', () => {
    const { s } = preparing(1);
    const [a] = s.explain(1, file(10), 'model', [0], loads(1)).orders;
    s.start(2, options(), loads(1));
    expect(s.explained(a, reply(a), loads(1))).toEqual({ orders: [], block: null, summary: null });
    expect(s.explainFailed(a, [], loads(1))).toEqual({ orders: [], block: null, summary: null });
  });
});

describe('Scheduler: explaining while scoring goes on', () => {
  /** A helper's score order for `n` rows at `start`, back with its scores (0.5) and its features. */
  function scoreBack(s: Scheduler, order: ScoreOrder, l: EngineLoad[]) {
    return s.scored(order, new Float32Array(order.n).fill(0.5), l, order.x);
  }

  it('has a helper with nothing to score explain scored rows, SCORING_EXPLAIN_ROWS at a time, and score a parsed block first', () => {
    const { s } = started(2);
    const [score] = s.parsed(1, 0, block(1000), loads(2, [1, 0])) as ScoreOrder[];
    expect(score.engine).toBe(1);
    // Back with its features, nothing waiting to be scored: the helper explains the first rows.
    const [explain] = explains(scoreBack(s, score, loads(2, [1, 0])));
    expect(explain).toMatchObject({ engine: 1, count: SCORING_EXPLAIN_ROWS, sample: false });
    expect(explain.rows[0]).toBe(0);
    expect(explain.x).toHaveLength(SCORING_EXPLAIN_ROWS * F);
    // A block parsed while it explains goes to it (one request in flight, room for one more).
    expect(engines(s.parsed(1, 1000, block(10), loads(2, [1, 1])))).toEqual(['score@1']);
    // Its explanation back while a block waits: the freed slot scores, it does not explain.
    s.parsed(1, 1010, block(10), loads(2, [1, 2]));
    expect(engines(s.explained(explain, reply(explain), loads(2, [1, 1])).orders)).toEqual(['score@1']);
  });

  it('gives the lead nothing to explain while it reads, nor a helper that still has a request in flight', () => {
    const { s } = started(3);
    const p = pool(3, [1, 0, 0]);
    const [a, b] = p.give(s.parsed(1, 0, block(10), p.loads()).concat(s.parsed(1, 10, block(10), p.loads()))) as ScoreOrder[];
    expect(engines([a, b])).toEqual(['score@1', 'score@1']);
    p.back(a);
    // Helper 1 still scores b; helper 2 is idle and takes the rows a scored.
    expect(engines(p.give(scoreBack(s, a, p.loads())))).toEqual(['explain@2']);
  });

  it('explains nothing while scoring without the model’s own covers or trees, or without the features back', () => {
    for (const over of [{ covered: false }, { explainable: false }]) {
      const { s } = started(2, over);
      const [score] = s.parsed(1, 0, block(10), loads(2, [1, 0])) as ScoreOrder[];
      expect(scoreBack(s, score, loads(2, [1, 0]))).toEqual([]);
    }
    const { s } = started(2);
    const [score] = s.parsed(1, 0, block(10), loads(2, [1, 0])) as ScoreOrder[];
    expect(s.scored(score, new Float32Array(10), loads(2, [1, 0]))).toEqual([]);
  });

  it(`keeps the features of the last EXPLAIN_BACKLOG (${EXPLAIN_BACKLOG}) scored blocks only, oldest explained first`, () => {
    const { s } = started(2);
    const l = loads(2, [1, 2]); // the helper is busy: blocks pile up, scored on the lead
    const orders: ScoreOrder[] = [];
    for (let k = 0; k < EXPLAIN_BACKLOG + 2; k++) orders.push(...(s.parsed(1, k * 10, block(10), loads(2, [1, 0])) as ScoreOrder[]));
    for (const o of orders) scoreBack(s, o, l);
    s.read(1, l);
    const first = explains(scoreBack(s, { kind: 'score', run: 1, engine: 1, start: 1000, n: 10, x: block(10) }, loads(2, [0, 0])));
    // Seven blocks scored: the first three were dropped, the oldest kept starts at row 30.
    expect(first[0].rows[0]).toBe(30);
  });

  it('holds what it explained until the pass starts, then checks it against the final scores in one block and never explains those rows again', () => {
    const { s } = started(2);
    const [score] = s.parsed(1, 0, block(4, [2]), loads(2, [1, 0])) as ScoreOrder[];
    const [explain] = explains(scoreBack(s, score, loads(2, [1, 0])));
    expect(Array.from(explain.rows)).toEqual([0, 1, 2, 3]);
    // Back before the scores are final: held, nothing for the page.
    const held = s.explained(explain, reply(explain, [1, 2]), loads(2));
    expect(held).toEqual({ orders: [], block: null, summary: null });
    s.read(1, loads(2));
    // Row 2 is rejected: its score is NaN, so its sum is not checked; row 1 misses its score.
    const probability = Float32Array.of(0.5, 0.5, NaN, 0.5);
    const start = s.explain(1, { probability, features: block(4, [2]), rows: 4 }, 'model', [0, 1], loads(2));
    expect(Array.from(start.block!.rows)).toEqual([0, 1, 2, 3]);
    expect(Array.from(start.block!.failed)).toEqual([0, 1, 0, 0]);
    expect(start.block).toMatchObject({ sample: false, done: 4, total: 4 });
    expect(start.orders).toEqual([]);
    expect(start.summary).toMatchObject({ failures: 1 });
  });

  it('waits for a request given while scoring before it sums up, and fills only the free slots', () => {
    const { s } = started(2);
    const [score] = s.parsed(1, 0, block(SCORING_EXPLAIN_ROWS + 1), loads(2, [1, 0])) as ScoreOrder[];
    const [explain] = explains(scoreBack(s, score, loads(2, [1, 0])));
    s.read(1, loads(2, [0, 1]));
    const n = SCORING_EXPLAIN_ROWS + 1;
    const start = s.explain(1, file(n), 'model', [0, 1], loads(2, [0, 1]));
    // One row is left (the sample would be the whole file); the lead takes it, the helper's first slot is the request from scoring.
    expect(start.orders.map((o) => [o.engine, o.count])).toEqual([[0, 1]]);
    expect(s.explained(start.orders[0], reply(start.orders[0]), loads(2)).summary).toBeNull();
    const end = s.explained(explain, reply(explain), loads(2));
    expect(end.block).toMatchObject({ done: n, total: n });
    expect(end.summary).toMatchObject({ failures: 0, problems: [] });
  });
});

describe('Scheduler: the rows on screen first', () => {
  it('explains the rows the page shows before the sample and the ranking, leaving out rows done or asked for', () => {
    const { s } = preparing(1);
    const n = 3 * BLOCK_ROWS;
    const [sample, first] = s.explain(1, file(n), 'model', [0], loads(1)).orders;
    s.prioritise(1, [5000, sample.rows[1], first.rows[0], 10001]);
    const next = explains(s.explained(sample, reply(sample), loads(1)).orders);
    expect(next.map((o) => Array.from(o.rows))).toEqual([[5000, 10001]]);
    expect(Array.from(next[0].x)).toHaveLength(2 * F);
    // Once they are asked for, the pass goes on by rank.
    const after = explains(s.explained(next[0], reply(next[0]), loads(1)).orders);
    expect(after[0].rows.includes(5000)).toBe(false);
    expect(after[0].count).toBe(BLOCK_ROWS);
  });

  it('ignores rows of a run a newer one replaced', () => {
    const { s } = preparing(1);
    s.start(2, options(), loads(1));
    s.prioritise(1, [0]);
    s.read(2, loads(1));
    const [first] = s.explain(2, file(10), 'model', [0], loads(1)).orders;
    expect(Array.from(first.rows)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('joinsPool and leastBusy', () => {
  it('keeps the lead whatever happened, and another engine only when it loaded a model it can explain', () => {
    expect(joinsPool(0, { ready: false, explainable: false })).toBe(true);
    expect(joinsPool(1, { ready: true, explainable: true })).toBe(true);
    expect(joinsPool(1, { ready: true, explainable: false })).toBe(false);
    expect(joinsPool(2, { ready: false, explainable: false })).toBe(false);
  });

  it('picks the running engine with the fewest requests in flight, the first among equals, or none', () => {
    expect(leastBusy([{ alive: true, busy: 2 }, { alive: true, busy: 1 }, { alive: true, busy: 1 }])).toBe(1);
    expect(leastBusy([{ alive: true, busy: 2 }, { alive: false, busy: 0 }])).toBe(0);
    expect(leastBusy([{ alive: false, busy: 0 }])).toBe(-1);
    expect(leastBusy([])).toBe(-1);
  });
});
