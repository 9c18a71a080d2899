/// <reference lib="webworker" />
import type { Reply, Request, ModelInfo } from './protocol';
import { readModel } from '../core/model/read-card';
import { scoreStream } from '../core/pipeline/score-stream';
import { sha256Hex } from '../core/export/sha256';
import { createScorer, engineVersion, type Scorer } from '../runtime/ort';
import { problem } from '../core/problems';
import type { ModelCard } from '../core/model/card';

declare const self: DedicatedWorkerGlobalScope;

let scorer: Scorer | null = null;
let card: ModelCard | null = null;
const running = new Map<number, AbortController>();

function reply(message: Reply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

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
  if (!read.card) return reply({ type: 'ready', id: request.id, model: null, problems: read.problems });
  try {
    scorer = await createScorer(bytes, read.card, { wasmBinary: request.wasm });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return reply({ type: 'ready', id: request.id, model: null, problems: [problem('model.engine_failed', 'error', { params: { detail } })] });
  }
  card = read.card;
  const model: ModelInfo = { card, sha256: await sha256Hex(bytes), name: request.modelName, bytes: bytes.byteLength, engine: engineVersion() };
  reply({ type: 'ready', id: request.id, model, problems: read.problems });
}

async function run(request: Extract<Request, { type: 'run' }>): Promise<void> {
  if (!scorer || !card) return reply({ type: 'failed', id: request.id, problems: [problem('model.not_loaded', 'error')] });
  const controller = new AbortController();
  running.set(request.id, controller);
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
    reply(
      { type: 'done', id: request.id, result: { fileName: request.fileName, ingest, probability, elapsedMs: performance.now() - started } },
      [probability.buffer, ingest.features.buffer, ingest.status.buffer, ingest.line.buffer, ...(ingest.label ? [ingest.label.buffer] : [])],
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    reply({ type: 'failed', id: request.id, problems: [problem('run.failed', 'error', { params: { detail } })] });
  } finally {
    running.delete(request.id);
  }
}

self.onmessage = (event: MessageEvent<Request>) => {
  const request = event.data;
  if (request.type === 'init') void init(request);
  else if (request.type === 'run') void run(request);
  else running.get(request.id)?.abort();
};
