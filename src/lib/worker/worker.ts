/// <reference lib="webworker" />
/**
 * The worker: reads, scores and explains files off the main thread. It keeps its own copy
 * of the last run's feature matrix so single records can be explained on demand while the
 * background stream of explanations goes on.
 */
import type { ExplainedBlock, ModelInfo, Reply, Request } from './protocol';
import { readModel } from '../core/model/read-card';
import { readEnsemble } from '../core/model/read-ensemble';
import { estimateCovers } from '../core/model/estimate-covers';
import type { TreeEnsemble } from '../core/model/ensemble';
import { explain, explainRow, prepareExplainer, type Explainer } from '../core/explain';
import { checkAgainstScore } from '../core/explain/check-score';
import { sampleRows } from '../core/explain/sample-rows';
import { scoreStream } from '../core/pipeline/score-stream';
import { sha256Hex } from '../core/export/sha256';
import { createScorer, engineVersion, type Scorer } from '../runtime/ort';
import { problem, type Problem } from '../core/problems';
import type { ModelCard } from '../core/model/card';

declare const self: DedicatedWorkerGlobalScope;

/** Rows in the first explained sample, enough for stable global charts. */
const SAMPLE_ROWS = 2000;
/** Rows per explained block posted to the page: a few tens of milliseconds of work. */
const BLOCK_ROWS = 4096;

let scorer: Scorer | null = null;
let card: ModelCard | null = null;
let ensemble: TreeEnsemble | null = null;
let explainer: Explainer | null = null;
let lastRun: { id: number; features: Float32Array; rows: number; explainer: Explainer | null } | null = null;
let current = 0;
const running = new Map<number, AbortController>();

function reply(message: Reply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function* chunksOf(file: Blob): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

async function init(request: Extract<Request, { type: 'init' }>): Promise<void> {
  const bytes = new Uint8Array(request.model);
  const read = readModel(bytes);
  if (!read.card || !read.proto) return reply({ type: 'ready', id: request.id, model: null, problems: read.problems });
  const problems: Problem[] = [...read.problems];
  try {
    scorer = await createScorer(bytes, read.card, { wasmBinary: request.wasm });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return reply({ type: 'ready', id: request.id, model: null, problems: [problem('model.engine_failed', 'error', { params: { detail } })] });
  }
  card = read.card;
  const trees = readEnsemble(read.proto);
  problems.push(...trees.problems);
  ensemble = trees.ensemble;
  explainer = null;
  if (ensemble && ensemble.covers !== 'none') {
    const prepared = prepareExplainer(ensemble);
    problems.push(...prepared.problems);
    explainer = prepared.explainer;
  }
  const model: ModelInfo = {
    card,
    sha256: await sha256Hex(bytes),
    name: request.modelName,
    bytes: bytes.byteLength,
    engine: engineVersion(),
    explainable: ensemble !== null,
    covers: ensemble ? ensemble.covers : 'none',
  };
  reply({ type: 'ready', id: request.id, model, problems });
}

async function run(request: Extract<Request, { type: 'run' }>): Promise<void> {
  if (!scorer || !card) return reply({ type: 'failed', id: request.id, problems: [problem('model.not_loaded', 'error')] });
  for (const controller of running.values()) controller.abort();
  const controller = new AbortController();
  running.set(request.id, controller);
  current = request.id;
  const started = performance.now();
  let lastProgress = 0;
  const active = scorer;
  try {
    const result = await scoreStream(card, chunksOf(request.file), request.options, (x, n) => active.score(x, n), {
      signal: controller.signal,
      onProgress: ({ bytes, rows }) => {
        const now = performance.now();
        if (now - lastProgress < 100 && bytes < request.file.size) return;
        lastProgress = now;
        reply({ type: 'progress', id: request.id, bytes, totalBytes: request.file.size, rows, elapsedMs: now - started });
      },
    });
    if (!result) return reply({ type: 'cancelled', id: request.id });
    const { ingest, probability } = result;
    // The page gets the arrays; the worker keeps copies of what explaining needs.
    const features = ingest.features.slice();
    const scores = probability.slice();
    reply(
      { type: 'done', id: request.id, result: { fileName: request.fileName, ingest, probability, elapsedMs: performance.now() - started } },
      [probability.buffer, ingest.features.buffer, ingest.status.buffer, ingest.line.buffer, ingest.rowProblems.row.buffer, ...(ingest.label ? [ingest.label.buffer] : [])],
    );
    await explainAll(request.id, features, scores, ingest.rows, controller.signal);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    reply({ type: 'failed', id: request.id, problems: [problem('run.failed', 'error', { params: { detail } })] });
  } finally {
    running.delete(request.id);
  }
}

/** Explains every row: a spread-out sample first for the global charts, then all rows in order. */
async function explainAll(id: number, features: Float32Array, probability: Float32Array, rows: number, signal: AbortSignal): Promise<void> {
  if (!ensemble || !card) return;
  const started = performance.now();
  const f = card.features.length;
  const problems: Problem[] = [];
  let ex = explainer;
  const coversEstimated = ensemble.covers === 'none';
  if (!ex) {
    // No covers in the file: estimate them from this file's rows (Lundberg et al. 2020 use the
    // training data; this file is the best stand-in the browser has), and say so.
    const prepared = prepareExplainer(estimateCovers(ensemble, features, rows));
    problems.push(...prepared.problems);
    ex = prepared.explainer;
    if (ex) problems.push(problem('explain.covers_estimated', 'info'));
  }
  lastRun = { id, features, rows, explainer: ex };
  if (!ex) return reply({ type: 'explain-done', id, summary: { failures: 0, coversEstimated, elapsedMs: 0, problems } });

  let done = 0;
  let failures = 0;
  const post = (rowIndex: Uint32Array, x: Float32Array, p: Float32Array, sample: boolean) => {
    const n = rowIndex.length;
    const explanation = explain(ex!, x, n);
    const failed = explanation.failed;
    checkAgainstScore(explanation.contrib, n, f, p, failed);
    for (let i = 0; i < n; i++) failures += failed[i];
    done += sample ? 0 : n;
    const block: ExplainedBlock = { rows: rowIndex, contrib: explanation.contrib, failed, sample, done, total: rows };
    reply({ type: 'explained', id, block }, [rowIndex.buffer, explanation.contrib.buffer, failed.buffer]);
  };

  const sample = sampleRows(rows, SAMPLE_ROWS);
  if (sample.length < rows) {
    const x = new Float32Array(sample.length * f);
    const p = new Float32Array(sample.length);
    sample.forEach((r, i) => {
      x.set(features.subarray(r * f, (r + 1) * f), i * f);
      p[i] = probability[r];
    });
    post(sample, x, p, true);
    await breathe();
  }
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    if (signal.aborted || current !== id) return;
    const end = Math.min(rows, start + BLOCK_ROWS);
    const index = new Uint32Array(end - start);
    for (let i = 0; i < index.length; i++) index[i] = start + i;
    post(index, features.subarray(start * f, end * f), probability.subarray(start, end), false);
    await breathe();
  }
  if (failures > 0) problems.push(problem('explain.sum_mismatch', 'warning', { params: { count: failures } }));
  reply({ type: 'explain-done', id, summary: { failures, coversEstimated, elapsedMs: performance.now() - started, problems } });
}

function explainOne(request: Extract<Request, { type: 'explain-row' }>): void {
  const run = lastRun;
  if (!run || run.id !== request.run || !run.explainer || !card || request.row >= run.rows) {
    return reply({ type: 'failed', id: request.id, problems: [problem('explain.unavailable', 'warning')] });
  }
  const f = card.features.length;
  const row = run.features.subarray(request.row * f, (request.row + 1) * f);
  const { contrib, raw, ok } = explainRow(run.explainer, row);
  reply({ type: 'row-explained', id: request.id, row: request.row, contrib, raw, ok }, [contrib.buffer]);
}

self.onmessage = (event: MessageEvent<Request>) => {
  const request = event.data;
  if (request.type === 'init') void init(request);
  else if (request.type === 'run') void run(request);
  else if (request.type === 'explain-row') explainOne(request);
  else running.get(request.id)?.abort();
};
