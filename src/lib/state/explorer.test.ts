import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureCard } from '../../../test/csv/helpers';
import { STATUS_REJECTED, STATUS_SCORED } from '../core/csv/row-status';
import { ranked, type ScoredFile } from '../core/pipeline/scored-file';
import type { Problem } from '../core/problems';
import type { Engines, RunHandlers } from '../worker/engine-pool';
import type { ExplainedRow, ModelInfo, ModelInspection, ParquetOutcome } from '../worker/protocol';
import { Explorer } from './explorer.svelte';

const card = fixtureCard();
const F = card.features.length;
const model = { card, sha256: '0'.repeat(64), name: 'm.onnx', bytes: 1, engine: 'test', explainable: true, linear: false, covers: 'model', outputSpace: 'log-odds', missing: [] } as ModelInfo;

/** A scored file of `n` rows named `name`, the last one rejected. */
function scored(name: string, n = 4): ScoredFile {
  const status = new Uint8Array(n).fill(STATUS_SCORED);
  status[n - 1] = STATUS_REJECTED;
  const probability = Float32Array.from({ length: n }, (_, i) => (i === n - 1 ? NaN : (i + 1) / 10));
  const ingest = {
    rows: n,
    features: Float32Array.from({ length: n * F }, (_, k) => k),
    status,
    ids: Array.from({ length: n }, (_, i) => `${name}-${i}`),
    counts: { scored: n - 1, warned: 0, rejected: 1, emptyLines: 0 },
    problems: [],
  } as unknown as ScoredFile['ingest'];
  return ranked({ fileName: name, ingest, probability });
}

interface PendingRun {
  name: string;
  handlers: RunHandlers;
  finish(result: ScoredFile | null, problems?: Problem[], parquet?: ParquetOutcome | null): void;
}

/** The pool without workers: every run waits until the test finishes it, and calls are recorded. */
function fakeEngines() {
  const runs: PendingRun[] = [];
  const calls = { cancel: 0, explainRow: [] as number[], prioritise: [] as number[][] };
  let explained: ExplainedRow | null = null;
  const engines: Engines = {
    init: async () => ({ model, problems: [] }),
    inspect: async () => ({ problems: [] }),
    run: (_file, name, _options, handlers) =>
      new Promise((resolve) => runs.push({ name, handlers, finish: (result, problems = [], parquet = null) => resolve({ result, elapsedMs: 1234, problems, parquet }) })),
    explainRow: async (row) => {
      calls.explainRow.push(row);
      return explained;
    },
    scoreRow: async () => null,
    prioritise: (rows) => void calls.prioritise.push(Array.from(rows)),
    cancel: () => void calls.cancel++,
  };
  return { engines, runs, calls, explainsRowAs: (e: ExplainedRow) => (explained = e) };
}

/** An Explorer with the model loaded, on a fake pool. */
function explorer() {
  const fake = fakeEngines();
  const e = new Explorer(fake.engines, ['en']);
  e.model = model;
  e.phase = 'idle';
  return { e, ...fake };
}

const file = (text = 'a') => new Blob([text]);
/** A block of explained rows, each φ = row / 10 and base −1. */
const block = (rows: number[], total: number, over: { sample?: boolean; done?: number } = {}) => ({
  rows: Uint32Array.from(rows),
  contrib: Float32Array.from(rows.flatMap((r) => [...Array.from({ length: F }, () => r / 10), -1])),
  failed: new Uint8Array(rows.length),
  sample: over.sample ?? false,
  done: over.done ?? rows.length,
  total,
});

afterEach(() => vi.unstubAllGlobals());

describe('Explorer', () => {
  it('loads the model through the pool, or says why it could not', async () => {
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array(4)));
    const fake = fakeEngines();
    const e = new Explorer(fake.engines, ['nn-NO']);
    expect(e.phase).toBe('loading-model');
    expect(e.locale).toBe('nn');
    await e.loadModel('engine.wasm', 'models/m.onnx');
    expect([e.phase, e.model?.card]).toEqual(['idle', card]);

    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const failed = new Explorer(fake.engines, ['en']);
    await failed.loadModel('engine.wasm', 'models/m.onnx');
    expect(failed.phase).toBe('model-failed');
    expect(failed.modelProblems.map((p) => p.code)).toEqual(['model.fetch_failed']);
  });

  it('starts an empty decision log whenever a file is scored (a new file, or the same with another model), keeping the reviewer\'s name', async () => {
    const { e, runs } = explorer();
    e.decisions.restore('KN', [{ seq: 1, time: '2026-12-06T10:00:00+01:00', row: 0, line: 2, decision: 'keep', reason: '', by: 'KN', prev: 'a'.repeat(64), hash: 'b'.repeat(64) }]);
    const done = e.score(file('abc'), 'a.csv');
    expect(e.decisions.log).toEqual([]);
    expect(e.decisions.by).toBe('KN');
    runs[0].finish(scored('a.csv'));
    await done;
  });

  it('keeps what a Parquet file was for the status line, and forgets it when the next file is scored', async () => {
    const { e, runs } = explorer();
    const outcome: ParquetOutcome = { mode: 'file-scores', made: null, contrib: null, check: { checked: 4, count: 0, rows: [], explained: true }, status: null };
    const first = e.score(file('PAR1'), 'a.parquet');
    runs[0].finish(scored('a.parquet'), [], outcome);
    await first;
    expect(e.parquet).toBe(outcome);
    const second = e.score(file('abc'), 'b.csv');
    expect(e.parquet).toBeNull();
    runs[1].finish(scored('b.csv'));
    await second;
    expect(e.parquet).toBeNull();
  });

  it('takes a block that explains every row in order as the file-wide array, without a copy', async () => {
    const { e, runs } = explorer();
    const done = e.score(file('PAR1'), 'a.parquet');
    runs[0].finish(scored('a.parquet'));
    await done;
    const all = block([0, 1, 2, 3], 4);
    runs[0].handlers.onExplained(all);
    expect(e.explanations?.contrib).toBe(all.contrib);
    expect(Array.from(e.contribOf(2)!)).toEqual([...Array.from({ length: F }, () => Math.fround(0.2)), -1]);
    expect(e.explanations?.explained).toEqual(Uint8Array.from([1, 1, 1, 1]));
  });

  it('runs a file, then shows it ranked with a quarter of the scored rows as the capacity', async () => {
    const { e, runs } = explorer();
    const done = e.score(file('abc'), 'a.csv');
    expect(e.phase).toBe('running');
    expect(e.fileName).toBe('a.csv');
    expect(e.progress).toEqual({ bytes: 0, totalBytes: 3, rows: 0, elapsedMs: 0 });
    runs[0].handlers.onProgress({ type: 'progress', id: 1, bytes: 2, totalBytes: 3, rows: 5, elapsedMs: 10 });
    expect(e.progress).toEqual({ bytes: 2, totalBytes: 3, rows: 5, elapsedMs: 10 });
    const result = scored('a.csv', 9);
    runs[0].finish(result);
    await done;
    expect(e.phase).toBe('done');
    expect(e.result).toBe(result);
    expect(e.scoredMs).toBe(1234);
    expect(e.capacity).toBe(2); // 25 % of 8 scored rows
    expect(Array.from(e.order)).toEqual(Array.from(result.order));
    expect(e.rank[8]).toBe(0);
    expect(e.sortedColumn(0)[0]).toBe(0);
  });

  it('lets a newer file supersede an older one still running, whatever order they finish in', async () => {
    const { e, runs } = explorer();
    const older = e.score(file(), 'old.csv');
    const newer = e.score(file(), 'new.csv');
    expect(e.fileName).toBe('new.csv');
    const fresh = scored('new.csv');
    runs[1].finish(fresh);
    await newer;
    runs[0].finish(scored('old.csv'));
    await older;
    expect(e.result).toBe(fresh);
    expect(e.phase).toBe('done');
    // Whatever the older run still sends is dropped.
    runs[0].handlers.onEarly?.({ importance: new Float64Array(F), sampled: 1, read: 1, failures: 0 });
    runs[0].handlers.onExplained(block([0], 4));
    runs[0].handlers.onExplainDone({ failures: 0, coversEstimated: false, elapsedMs: 1, workers: 1, problems: [] });
    expect(e.early).toBeNull();
    expect(e.explanations).toBeNull();
  });

  it('clears the previous file’s result, explanations and selection when a new one starts', async () => {
    const { e, runs } = explorer();
    const first = e.score(file(), 'a.csv');
    runs[0].finish(scored('a.csv'));
    await first;
    runs[0].handlers.onExplained(block([0, 1], 4));
    e.selectedRow = 1;
    void e.score(file(), 'b.csv');
    expect([e.result, e.explanations, e.selectedRow, e.early]).toEqual([null, null, null, null]);
  });

  it('cancels a run: back to idle, or to the file shown before, and a late reply changes nothing', async () => {
    const { e, runs, calls } = explorer();
    const running = e.score(file(), 'a.csv');
    e.cancel();
    expect(calls.cancel).toBe(1);
    expect([e.phase, e.progress]).toEqual(['idle', null]);
    runs[0].finish(scored('a.csv'));
    await running;
    expect([e.phase, e.result]).toEqual(['idle', null]);

    const shown = scored('b.csv');
    const second = e.score(file(), 'b.csv');
    runs[1].finish(shown);
    await second;
    e.cancel();
    expect([e.phase, e.result]).toEqual(['done', shown]);
  });

  it('shows the problems of a file that could not be scored, and no result', async () => {
    const { e, runs } = explorer();
    const running = e.score(file(), 'bad.csv');
    const problems: Problem[] = [{ code: 'run.failed', severity: 'error', params: { detail: 'x' } }];
    runs[0].finish(null, problems);
    await running;
    expect([e.phase, e.result, e.runProblems]).toEqual(['idle', null, problems]);
  });

  it('does nothing with a file before the model is loaded', async () => {
    const { engines, runs } = fakeEngines();
    const e = new Explorer(engines, ['en']);
    await e.score(file(), 'a.csv');
    expect([e.phase, runs.length]).toEqual(['loading-model', 0]);
  });

  it('shows the early picture while the file is read, and not once the result is in', async () => {
    const { e, runs } = explorer();
    const running = e.score(file(), 'a.csv');
    const picture = { importance: new Float64Array(F), sampled: 10, read: 100, failures: 0 };
    runs[0].handlers.onEarly?.(picture);
    expect(e.early).toBe(picture);
    runs[0].finish(scored('a.csv'));
    await running;
    runs[0].handlers.onEarly?.({ ...picture, sampled: 20 });
    expect(e.early).toBe(picture);
  });

  it('files streamed explanations by row, leaving rows not reached at 0 and flagged unexplained', async () => {
    const { e, runs } = explorer();
    const running = e.score(file(), 'a.csv');
    runs[0].finish(scored('a.csv'));
    await running;
    const { handlers } = runs[0];
    handlers.onExplained(block([2], 4, { sample: true, done: 0 }));
    const x = e.explanations!;
    expect(Array.from(x.sample)).toEqual([2]);
    expect(Array.from(x.explained)).toEqual([0, 0, 1, 0]);
    expect(x.contrib[2 * (F + 1)]).toBeCloseTo(0.2, 6);
    expect(Array.from(x.contrib.subarray(0, F + 1)).every((v) => v === 0)).toBe(true);
    expect(e.contribOf(0)).toBeNull();
    expect(e.contribOf(2)?.[F]).toBe(-1);
    // A block soon after is held back (republished at most every 250 ms), the last one never.
    handlers.onExplained(block([0], 4, { done: 1 }));
    expect(e.explanations).toBe(x);
    handlers.onExplained(block([1, 2, 3], 4, { done: 4 }));
    expect(e.explanations?.done).toBe(4);
    expect(Array.from(e.explanations!.explained)).toEqual([1, 1, 1, 1]);
    handlers.onExplainDone({ failures: 0, coversEstimated: false, elapsedMs: 5, workers: 2, problems: [] });
    expect(e.explanations?.summary?.workers).toBe(2);
  });

  it('explains a selected record on demand when the stream has not reached it, and not when it has', async () => {
    const { e, runs, calls, explainsRowAs } = explorer();
    const running = e.score(file(), 'a.csv');
    runs[0].finish(scored('a.csv'));
    await running;
    runs[0].handlers.onExplained(block([0], 4, { sample: true, done: 0 }));
    const own = { row: 1, contrib: new Float64Array(F + 1).fill(0.5), raw: 1, ok: true };
    explainsRowAs(own);
    await e.select(1);
    expect(calls.explainRow).toEqual([1]);
    expect(e.rowExplanation).toBe(own);
    expect(e.contribOf(1)).toBe(own.contrib);
    await e.select(0);
    expect(calls.explainRow).toEqual([1]);
    expect(e.rowExplanation).toBeNull();
  });
});

describe('Explorer, the rows on screen', () => {
  it('asks the pool to explain the rows on screen first while the pass runs, and not before the scores or after it', async () => {
    const { e, runs, calls } = explorer();
    const running = e.score(file(), 'a.csv');
    e.onScreen([3]);
    runs[0].finish(scored('a.csv'));
    await running;
    e.onScreen(Uint32Array.of(2, 0));
    runs[0].handlers.onExplained(block([0], 4, { sample: false, done: 4 }));
    runs[0].handlers.onExplainDone({ failures: 0, coversEstimated: false, elapsedMs: 1, workers: 1, problems: [] });
    e.onScreen([1]);
    expect(calls.prioritise).toEqual([[2, 0]]);
  });
});

describe('Explorer, switching models', () => {
  const onnx = (name: string) => new Blob([readFileSync(`test/fixtures/exporters/${name}`)]);
  const inspection = (over: Partial<ModelInspection> = {}): ModelInspection => ({
    hasCard: true,
    input: { name: 'input', elemType: 1, width: F },
    outputs: [{ name: 'probabilities', tensor: true, width: 2 }],
    explainable: true,
    outputSpace: 'log-odds',
    problems: [],
    ...over,
  });

  /** An Explorer whose bundled model is loaded, on a fake pool whose next init and inspect the test decides. */
  async function loaded(next: { inspect: ModelInspection; init: { model: ModelInfo | null; problems: Problem[] } }) {
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array(4)));
    const fake = fakeEngines();
    const inits: string[] = [];
    fake.engines.init = async (_wasm, _model, name) => {
      inits.push(name);
      return inits.length === 1 ? { model, problems: [] } : next.init;
    };
    fake.engines.inspect = async () => next.inspect;
    const e = new Explorer(fake.engines, ['en']);
    await e.loadModel('engine.wasm', './model/bundled.onnx');
    return { e, inits, ...fake };
  }

  it('says where the bundled model came from', async () => {
    const { e } = await loaded({ inspect: inspection(), init: { model, problems: [] } });
    expect(e.modelSource).toEqual({ kind: 'bundled', name: 'bundled.onnx' });
  });

  it('takes a carded model file, says it came from the file, and scores the open file again with it', async () => {
    const other = { ...model, sha256: '1'.repeat(64) };
    const { e, runs } = await loaded({ inspect: inspection(), init: { model: other, problems: [] } });
    void e.score(file(), 'a.csv');
    runs[0].finish(scored('a.csv'));
    await vi.waitFor(() => expect(e.phase).toBe('done'));
    await e.openModelFile(onnx('xgboost/model.onnx'), 'other.onnx');
    expect(e.model).toBe(other);
    expect(e.modelSource).toEqual({ kind: 'file', name: 'other.onnx' });
    expect(e.modelAttempt).toBeNull();
    expect(runs.map((r) => r.name)).toEqual(['a.csv', 'a.csv']);
  });

  it('keeps the previous model active when the engines refuse the new one, and says why in one problem', async () => {
    const refused = [{ code: 'model.engine_failed', severity: 'error' as const, params: { detail: 'ZipMap' } }];
    const { e } = await loaded({ inspect: inspection(), init: { model: null, problems: refused } });
    expect(await e.useModel(new Uint8Array([8, 1]), 'bad.onnx')).toBe(false);
    expect(e.model).toBe(model);
    expect(e.modelSource?.kind).toBe('bundled');
    expect(e.modelAttempt).toEqual({ name: 'bad.onnx', problems: refused });
  });

  it('refuses a CSV chosen as a model by its bytes, without asking the engines', async () => {
    const { e, inits } = await loaded({ inspect: inspection(), init: { model, problems: [] } });
    await e.openModelFile(onnx('bad/not-onnx.onnx'), 'not-onnx.onnx');
    expect(e.modelAttempt?.problems.map((p) => p.code)).toEqual(['model_file.is_text']);
    expect(inits).toHaveLength(1);
    expect(e.model).toBe(model);
  });

  it('opens the card editor for a model without a card, and refuses one it cannot give a card', async () => {
    const { e, inits } = await loaded({ inspect: inspection({ hasCard: false }), init: { model, problems: [] } });
    await e.openModelFile(onnx('xgboost/model.onnx'), 'xgb.onnx');
    expect(e.bareModel?.name).toBe('xgb.onnx');
    expect(inits).toHaveLength(1);
    const again = await loaded({ inspect: inspection({ hasCard: false, input: { name: 'input', elemType: 7, width: 8 } }), init: { model, problems: [] } });
    await again.e.openModelFile(onnx('bad/int64-input.onnx'), 'int64.onnx');
    expect(again.e.bareModel).toBeNull();
    expect(again.e.modelAttempt?.problems.map((p) => p.code)).toEqual(['model_file.input_not_float']);
  });
});

describe('the bundled models', () => {
  const entry = (id: string, sha: string, challengerOf: string | null = null) => ({
    id,
    file: `model/${id}.onnx`,
    demo: `demo/${id}.csv`,
    task: { nb: id, nn: id, en: id },
    notice: { nb: '', nn: '', en: '' },
    challenger_of: challengerOf,
    sha256: sha.repeat(64),
    roc_auc: 0.8,
    recall_at_25: 0.7,
  });
  const index = { models: [entry('first', '0'), entry('second', '2'), entry('first-variant', '3', 'first')] };

  /** fetch: the index, then bytes for any model or CSV; records the URLs asked for. */
  function serve(body: unknown) {
    const asked: string[] = [];
    vi.stubGlobal('location', { href: 'https://example.test/app/' });
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(String(url));
      return String(url).endsWith('index.json') ? new Response(JSON.stringify(body)) : new Response(new Uint8Array(4));
    });
    return asked;
  }

  it('lists them from the index, offers the primary ones, and loads the first', async () => {
    const asked = serve(index);
    const fake = fakeEngines();
    const e = new Explorer(fake.engines, ['en']);
    await e.start('engine.wasm', './model/index.json', './model/fallback.onnx');
    expect(e.bundled.map((m) => m.id)).toEqual(['first', 'second', 'first-variant']);
    expect(e.primaryModels.map((m) => m.id)).toEqual(['first', 'second']);
    expect(e.bundledId).toBe('first');
    expect(asked).toContain('https://example.test/app/model/first.onnx');
  });

  it('falls back to the default model alone when the index cannot be read, and says so', async () => {
    const asked = serve({ models: 'nope' });
    const fake = fakeEngines();
    const e = new Explorer(fake.engines, ['en']);
    await e.start('engine.wasm', './model/index.json', './model/fallback.onnx');
    expect(e.bundled).toEqual([]);
    expect(e.modelProblems.map((p) => p.code)).toEqual(['model.index_invalid']);
    expect(asked).toContain('./model/fallback.onnx');
    expect(e.model).not.toBeNull();
  });

  it('scores the new model’s demo sample when the open file was the previous model’s demo', async () => {
    serve(index);
    const fake = fakeEngines();
    const second = { ...model, sha256: '2'.repeat(64) };
    let inits = 0;
    fake.engines.init = async () => (++inits === 1 ? { model, problems: [] } : { model: second, problems: [] });
    const e = new Explorer(fake.engines, ['en']);
    await e.start('engine.wasm', './model/index.json', './model/fallback.onnx');
    void e.scoreDemo();
    await vi.waitFor(() => expect(fake.runs).toHaveLength(1));
    expect(fake.runs[0].name).toBe('first.csv');
    fake.runs[0].finish(scored('first.csv'));
    await vi.waitFor(() => expect(e.phase).toBe('done'));
    void e.useBundledModel('second');
    await vi.waitFor(() => expect(fake.runs).toHaveLength(2));
    expect(fake.runs[1].name).toBe('second.csv');
    expect(e.bundledId).toBe('second');
    expect(e.model).toBe(second);
  });
});

describe('meanRisk', () => {
  it('is the mean probability of the scored rows, rejected rows left out', () => {
    const e = new Explorer(fakeEngines().engines, ['en']);
    expect(Number.isNaN(e.meanRisk)).toBe(true);
    e.result = scored('a.csv', 4);
    expect(e.meanRisk).toBeCloseTo((0.1 + 0.2 + 0.3) / 3, 6);
  });
});
