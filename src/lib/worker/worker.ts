/// <reference lib="webworker" />
/**
 * One engine of the pool: onnxruntime-web with the model, and its trees for TreeSHAP. The
 * lead reads files (and scores them itself when it is alone); every engine scores and
 * explains the blocks of rows the page sends it. An engine keeps no file data between requests.
 */
import type { ModelInfo, ModelInspection, Reply, Request } from './protocol';
import { readModel } from '../core/model/read-card';
import { readEnsemble } from '../core/model/read-ensemble';
import { estimateCovers } from '../core/model/estimate-covers';
import type { TextFeature } from '../core/model/text-feature';
import type { LinearModel } from '../core/model/linear-model';
import { columnMeans, explainLinear } from '../core/explain/linear-shap';
import type { TreeEnsemble } from '../core/model/ensemble';
import { explainRow, prepareExplainer, type Explainer } from '../core/explain';
import { compileKernel, treeShap, type TreeShap } from '../core/explain/wasm-treeshap';
import kernelUrl from '../../../wasm/out/treeshap.wasm?url';
import { scoreStream } from '../core/pipeline/score-stream';
import { blobAsyncBuffer } from '../core/parquet/read-parquet';
import { isParquet } from '../core/parquet/is-parquet';
import { scoreParquet } from '../core/parquet/score-parquet';
import { sha256Hex } from '../core/export/sha256';
import { createScorer, engineVersion, type Scorer } from '../runtime/ort';
import { problem, type Problem } from '../core/problems';
import { rankOrder, ranksOf } from '../core/metrics/rank-order';
import type { ModelCard } from '../core/model/card';

declare const self: DedicatedWorkerGlobalScope;

let scorer: Scorer | null = null;
let card: ModelCard | null = null;
/** SHA-256 of the loaded model's bytes and its output space: a batch output made with this model has its scores taken (core/parquet). */
let modelSha = '';
let modelSpace: ModelInfo['outputSpace'] = 'log-odds';
let ensemble: TreeEnsemble | null = null;
let explainer: Explainer | null = null;
/** TreeSHAP for the blocks: the WebAssembly SIMD kernel, or the TypeScript one where SIMD is missing. */
let shap: TreeShap | null = null;
/** The kernel (wasm/treeshap.ts, bundled by Vite), fetched from the app's origin once per engine; null: the fallback. */
const kernel: Promise<WebAssembly.Module | null> = fetch(kernelUrl)
  .then((response) => (response.ok ? response.arrayBuffer() : null))
  .then((bytes) => (bytes ? compileKernel(bytes) : null))
  .catch(() => null);
let kernelModule: WebAssembly.Module | null = null;
/** A linear model's weights, and the per-feature means its contributions are measured from (set once a file is read). */
let linear: LinearModel | null = null;
let means: Float64Array | null = null;
/** The model's text features (core/model/text-feature.ts): intake turns their cells into the text's score. */
let text: TextFeature[] = [];
const running = new Map<number, AbortController>();

function reply(message: Reply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

/**
 * Bytes of the file handed to intake at a time. Blob.stream() gives 64 KiB (about 500 rows);
 * onnxruntime-web scores a 500-row batch at ~165,000 rows/s but 2,000 rows or more at
 * ~200,000 (measured in Node, same wasm), and every block costs intake and messaging
 * overhead, so chunks are gathered up to 1 MiB (~8,000 rows), as the CLI reads them.
 */
const CHUNK_BYTES = 1 << 20;

/**
 * Resolves in a new task. A Blob's stream answers reads from memory as microtasks, so a
 * read loop never lets the worker's message queue run: the page's `score` and `cancel`
 * requests would wait until the whole file was read. A MessageChannel round trip is a task
 * without setTimeout's 4 ms clamp (HTML, "timers", nesting level > 5).
 */
const tick = new MessageChannel();
const ticks: (() => void)[] = [];
tick.port1.onmessage = () => ticks.shift()?.();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    ticks.push(resolve);
    tick.port2.postMessage(null);
  });
}

async function* chunksOf(file: Blob): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  let parts: Uint8Array[] = [];
  let size = 0;
  const gathered = (): Uint8Array => {
    const out = parts.length === 1 ? parts[0] : new Uint8Array(size);
    if (parts.length > 1) {
      let at = 0;
      for (const part of parts) {
        out.set(part, at);
        at += part.byteLength;
      }
    }
    parts = [];
    size = 0;
    return out;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.byteLength;
    if (size >= CHUNK_BYTES) {
      await nextTask();
      yield gathered();
    }
  }
  if (size > 0) yield gathered();
}

function prepare(trees: TreeEnsemble): Problem[] {
  const prepared = prepareExplainer(trees);
  explainer = prepared.explainer;
  shap = explainer ? treeShap(explainer, kernelModule) : null;
  return prepared.problems;
}

async function init(request: Extract<Request, { type: 'init' }>): Promise<void> {
  const bytes = new Uint8Array(request.model);
  const read = readModel(bytes);
  if (!read.card || !read.proto) return reply({ type: 'ready', id: request.id, model: null, problems: read.problems });
  const problems: Problem[] = [...read.problems];
  kernelModule = await kernel;
  try {
    scorer = await createScorer(bytes, read.card, { wasmBinary: request.wasm });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return reply({ type: 'ready', id: request.id, model: null, problems: [problem('model.engine_failed', 'error', { params: { detail } })] });
  }
  card = read.card;
  const trees = readEnsemble(read.proto);
  ensemble = trees.ensemble;
  explainer = null;
  shap = null;
  linear = ensemble ? null : (read.model?.linear ?? null);
  text = read.model?.text ?? [];
  // A linear model has no trees to report on: it is explained with linear SHAP instead.
  if (!linear) problems.push(...trees.problems);
  means = null;
  if (ensemble && ensemble.covers !== 'none') problems.push(...prepare(ensemble));
  const model: ModelInfo = {
    card,
    sha256: await sha256Hex(bytes),
    name: request.modelName,
    bytes: bytes.byteLength,
    engine: engineVersion(),
    explainable: ensemble !== null || linear !== null,
    linear: linear !== null,
    covers: ensemble ? ensemble.covers : 'none',
    outputSpace: read.model?.outputSpace ?? (ensemble?.link === 'identity' ? 'probability' : 'log-odds'),
    missing: read.model?.missing ?? [],
    text: text.map((t) => ({ feature: t.feature, weights: t.weights })),
  };
  modelSha = model.sha256;
  modelSpace = model.outputSpace;
  reply({ type: 'ready', id: request.id, model, problems });
}

/** See Request 'inspect': looks at a model file and keeps the loaded model as it is. */
function inspect(request: Extract<Request, { type: 'inspect' }>): void {
  const read = readModel(new Uint8Array(request.model));
  const graph = read.proto?.graph;
  const dimOf = (dims: { dimValue?: unknown }[] | null | undefined): number | null => {
    const last = dims?.[dims.length - 1]?.dimValue;
    return last == null ? null : Number(last);
  };
  const first = graph?.input?.[0];
  const noCard = read.problems.some((p) => p.code === 'model.no_card');
  // readModel checks the graph (inputs, operators, classes, size) before it looks for a card,
  // so a file refused only for having no card is one the card editor can complete.
  const problems = read.problems.filter((p) => p.code !== 'model.no_card' && p.severity === 'error');
  const inspection: ModelInspection = {
    hasCard: read.proto !== null && !noCard,
    input: first ? { name: first.name ?? '', elemType: first.type?.tensorType?.elemType ?? 0, width: dimOf(first.type?.tensorType?.shape?.dim) } : null,
    outputs: (graph?.output ?? []).map((o) => ({ name: o.name ?? '', tensor: !!o.type?.tensorType, width: dimOf(o.type?.tensorType?.shape?.dim) })),
    explainable: read.model ? !!(read.model.trees || read.model.linear) : problems.length === 0,
    outputSpace: read.model?.outputSpace ?? 'log-odds',
    problems,
  };
  reply({ type: 'inspected', id: request.id, inspection });
}

async function run(request: Extract<Request, { type: 'run' }>): Promise<void> {
  if (!scorer || !card) return reply({ type: 'failed', id: request.id, problems: [problem('model.not_loaded', 'error')] });
  for (const controller of running.values()) controller.abort();
  const controller = new AbortController();
  running.set(request.id, controller);
  const started = performance.now();
  let lastProgress = 0;
  const active = scorer;
  let parsed = 0;
  // Delegating: each parsed block goes to the page for another engine to score, and reading
  // goes on at once; the page assembles the probabilities (scheduler.ts, scored), so the ones
  // scoreStream collects here are placeholders.
  const score = request.delegate
    ? (x: Float32Array, n: number) => {
        const xs = x.slice();
        reply({ type: 'parsed', id: request.id, start: parsed, x: xs }, [xs.buffer]);
        parsed += n;
        return Promise.resolve(new Float32Array(n).fill(NaN));
      }
    : (x: Float32Array, n: number) => active.score(x, n);
  const hooks = {
    text,
    signal: controller.signal,
    onProgress: ({ bytes, rows }: { bytes: number; rows: number }) => {
      const now = performance.now();
      if (now - lastProgress < 100 && bytes < request.file.size) return;
      lastProgress = now;
      reply({ type: 'progress', id: request.id, bytes, totalBytes: request.file.size, rows, elapsedMs: now - started });
    },
  };
  try {
    const file = request.file;
    const parquet = isParquet(new Uint8Array(await file.slice(0, 8).arrayBuffer()), new Uint8Array(await file.slice(Math.max(0, file.size - 4)).arrayBuffer()));
    const kernelNow = shap;
    const scored = parquet
      ? await scoreParquet(
          card,
          { fileName: request.fileName, file: blobAsyncBuffer(request.file) },
          request.options,
          {
            sha256: modelSha,
            outputSpace: modelSpace,
            scoreBlock: score,
            score: (x, n) => active.score(x, n),
            // The sample check's contributions: TreeSHAP as every block is explained; a linear model's need the file's means, so they are explained afterwards instead.
            explain: kernelNow ? (x, n) => Promise.resolve(kernelNow.explain(x, n, { check: false }).contrib) : null,
          },
          hooks,
        )
      : await scoreStream(card, { fileName: request.fileName, chunks: chunksOf(request.file) }, request.options, score, hooks);
    if (!scored) return reply({ type: 'cancelled', id: request.id });
    const outcome = 'outcome' in scored ? scored.outcome : null;
    const { ingest, probability } = scored.file;
    // A model without covers is explained against this file's own distribution (Lundberg
    // et al. 2020 use the training data; the file is the best stand-in the browser has).
    // A linear model is explained against this file's column means (shap.LinearExplainer's background), sent the same way.
    const covers =
      ensemble && ensemble.covers === 'none'
        ? estimateCovers(ensemble, ingest.features, ingest.rows).cover
        : linear
          ? columnMeans(ingest.features, ingest.rows, linear.nFeatures)
          : null;
    sendText(request.id, ingest);
    reply(
      { type: 'done', id: request.id, covers, parquet: outcome, elapsedMs: performance.now() - started, result: { ...scored.file, ingest: { ...ingest, ids: [], passthrough: { ...ingest.passthrough, columns: [] } } } },
      [
        probability.buffer,
        ingest.features.buffer,
        ingest.status.buffer,
        ingest.line.buffer,
        ingest.rowProblems.row.buffer,
        ...(ingest.label ? [ingest.label.buffer] : []),
        ...(covers ? [covers.buffer] : []),
        ...(outcome?.contrib ? [outcome.contrib.buffer] : []),
      ],
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    reply({ type: 'failed', id: request.id, problems: [problem('run.failed', 'error', { params: { detail } })] });
  } finally {
    running.delete(request.id);
  }
}

/** Rows of text per message: deserialising strings is the page's cost, so each message stays a short task. */
const TEXT_ROWS = 10_000;

/**
 * Ids and passthrough cells are strings, which cannot be transferred, only copied: a million
 * of them in one message is a task of a second or more on the page. They go ahead of `done` in
 * slices instead, which the page appends in order (see engine-pool.ts). Passthrough columns
 * (kommune, sivilstand …) repeat a few values, so each slice sends a column as codes into its
 * distinct values: the page then holds one string per value, not one per cell.
 */
function sendText(id: number, ingest: { rows: number; ids: string[]; passthrough: { columns: string[][] } }): void {
  for (let start = 0; start < ingest.rows; start += TEXT_ROWS) {
    const end = Math.min(ingest.rows, start + TEXT_ROWS);
    const columns = ingest.passthrough.columns.map((column) => {
      const index = new Map<string, number>();
      const values: string[] = [];
      const codes = new Uint32Array(end - start);
      for (let r = start; r < end; r++) {
        const cell = column[r];
        let code = index.get(cell);
        if (code === undefined) {
          code = values.push(cell) - 1;
          index.set(cell, code);
        }
        codes[r - start] = code;
      }
      return { values, codes };
    });
    reply({ type: 'text', id, ids: ingest.ids.slice(start, end), columns }, columns.map((c) => c.codes.buffer));
  }
}

function setCovers(request: Extract<Request, { type: 'set-covers' }>): void {
  if (linear) {
    means = request.covers;
    return reply({ type: 'ok', id: request.id });
  }
  if (!ensemble) return reply({ type: 'failed', id: request.id, problems: [problem('explain.unavailable', 'warning')] });
  const problems = prepare({ ...ensemble, cover: request.covers, covers: 'estimated' });
  if (!explainer) return reply({ type: 'failed', id: request.id, problems });
  reply({ type: 'ok', id: request.id });
}

function rank(request: Extract<Request, { type: 'rank' }>): void {
  const order = rankOrder(request.probability);
  const ranks = ranksOf(order, request.probability);
  reply({ type: 'ranked', id: request.id, order, rank: ranks }, [order.buffer, ranks.buffer]);
}

async function scoreBlock(request: Extract<Request, { type: 'score' }>): Promise<void> {
  if (!scorer) return reply({ type: 'failed', id: request.id, problems: [problem('model.not_loaded', 'error')] });
  try {
    const p = await scorer.score(request.x, request.n);
    // The rows go back with their scores (a transfer, no copy), for a helper to explain them while scoring goes on.
    reply({ type: 'scores', id: request.id, p, x: request.x }, [p.buffer, request.x.buffer]);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    reply({ type: 'failed', id: request.id, problems: [problem('run.failed', 'error', { params: { detail } })] });
  }
}

function explainBlock(request: Extract<Request, { type: 'explain' }>): void {
  const n = request.rows.length;
  if (linear && means) {
    // Exact linear SHAP; the page checks every row against onnxruntime's score as for trees.
    const contrib = Float32Array.from(explainLinear(linear, means, request.x, n));
    const failed = new Uint8Array(n);
    return reply({ type: 'explained', id: request.id, rows: request.rows, contrib, failed }, [request.rows.buffer, contrib.buffer, failed.buffer]);
  }
  if (!shap) return reply({ type: 'failed', id: request.id, problems: [problem('explain.unavailable', 'warning')] });
  // The page checks every row against onnxruntime's score (scheduler.ts, explained), except
  // the early picture's, which it has no scores for yet.
  const explanation = shap.explain(request.x, n, { check: request.check ?? false });
  const failed = explanation.failed;
  reply({ type: 'explained', id: request.id, rows: request.rows, contrib: explanation.contrib, failed }, [request.rows.buffer, explanation.contrib.buffer, failed.buffer]);
}

function explainOne(request: Extract<Request, { type: 'explain-row' }>): void {
  if (linear && means) {
    const contrib = explainLinear(linear, means, request.x, 1);
    let raw = 0;
    for (const c of contrib) raw += c;
    return reply({ type: 'row-explained', id: request.id, row: request.row, contrib, raw, ok: Number.isFinite(raw) }, [contrib.buffer]);
  }
  if (!explainer) return reply({ type: 'failed', id: request.id, problems: [problem('explain.unavailable', 'warning')] });
  const { contrib, raw, ok } = explainRow(explainer, request.x);
  reply({ type: 'row-explained', id: request.id, row: request.row, contrib, raw, ok }, [contrib.buffer]);
}

self.onmessage = (event: MessageEvent<Request>) => {
  const request = event.data;
  switch (request.type) {
    case 'init':
      return void init(request);
    case 'inspect':
      return inspect(request);
    case 'run':
      return void run(request);
    case 'set-covers':
      return setCovers(request);
    case 'score':
      return void scoreBlock(request);
    case 'rank':
      return rank(request);
    case 'explain':
      return explainBlock(request);
    case 'explain-row':
      return explainOne(request);
    case 'cancel':
      return running.get(request.id)?.abort();
  }
};
