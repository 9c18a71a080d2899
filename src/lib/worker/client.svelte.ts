/**
 * The one client of the worker. Requests carry ids; replies for a run that a newer run has
 * replaced are dropped, so a slow old file can never overwrite a new one.
 */
import type { Reply, Request, ModelInfo, ScoredResult, ExplainedBlock, ExplainSummary } from './protocol';
import type { IngestOptions } from '../core/csv/ingest';
import type { Problem } from '../core/problems';

export interface RunHandlers {
  onProgress(p: Extract<Reply, { type: 'progress' }>): void;
  onExplained(block: ExplainedBlock): void;
  onExplainDone(summary: ExplainSummary): void;
}

export interface RowExplanation {
  row: number;
  /** φ per feature then the base value, log-odds, float64. */
  contrib: Float64Array;
  /** The model's log-odds score by the TypeScript trees. */
  raw: number;
  /** base + Σφ equals raw within 1e-4. */
  ok: boolean;
}

export class WorkerClient {
  #worker: Worker;
  #next = 1;
  #current = 0;
  #pending = new Map<number, { resolve: (r: Reply) => void; handlers?: RunHandlers }>();
  #streams = new Map<number, RunHandlers>();

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<Reply>) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      for (const [id, entry] of this.#pending) {
        entry.resolve({ type: 'failed', id, problems: [{ code: 'run.worker_crashed', severity: 'error', params: { detail: event.message ?? '' } }] });
      }
      this.#pending.clear();
    };
  }

  /** Id of the run whose replies are current (0 when none). */
  get currentRun(): number {
    return this.#current;
  }

  #receive(reply: Reply): void {
    if (reply.type === 'explained' || reply.type === 'explain-done') {
      const stream = this.#streams.get(reply.id);
      if (!stream || reply.id !== this.#current) return;
      if (reply.type === 'explained') stream.onExplained(reply.block);
      else {
        stream.onExplainDone(reply.summary);
        this.#streams.delete(reply.id);
      }
      return;
    }
    const entry = this.#pending.get(reply.id);
    if (!entry) return;
    if (reply.type === 'progress') {
      if (reply.id === this.#current) entry.handlers?.onProgress(reply);
      return;
    }
    this.#pending.delete(reply.id);
    entry.resolve(reply);
  }

  #send(request: Request, transfer: Transferable[] = [], handlers?: RunHandlers): Promise<Reply> {
    return new Promise((resolve) => {
      this.#pending.set(request.id, { resolve, handlers });
      this.#worker.postMessage(request, { transfer });
    });
  }

  async init(wasm: ArrayBuffer, model: ArrayBuffer, modelName: string): Promise<{ model: ModelInfo | null; problems: Problem[] }> {
    const reply = await this.#send({ type: 'init', id: this.#next++, wasm, model, modelName }, [wasm, model]);
    if (reply.type === 'ready') return { model: reply.model, problems: reply.problems };
    return { model: null, problems: reply.type === 'failed' ? reply.problems : [] };
  }

  /**
   * Scores a file; resolves with the result once every row is scored, or null when cancelled
   * or replaced by a newer run. Explanations keep arriving afterwards through `handlers`.
   */
  async run(file: Blob, fileName: string, options: IngestOptions, handlers: RunHandlers): Promise<{ result: ScoredResult | null; problems: Problem[] }> {
    this.cancel();
    const id = this.#next++;
    this.#current = id;
    this.#streams.set(id, handlers);
    const reply = await this.#send({ type: 'run', id, file, fileName, options }, [], handlers);
    if (id !== this.#current) return { result: null, problems: [] };
    if (reply.type === 'done') return { result: reply.result, problems: [] };
    this.#streams.delete(id);
    if (reply.type === 'failed') return { result: null, problems: reply.problems };
    return { result: null, problems: [] };
  }

  /** One record's explanation now, from the current run's data. */
  async explainRow(row: number): Promise<RowExplanation | null> {
    const run = this.#current;
    if (!run) return null;
    const reply = await this.#send({ type: 'explain-row', id: this.#next++, run, row });
    if (reply.type !== 'row-explained' || run !== this.#current) return null;
    return { row: reply.row, contrib: reply.contrib, raw: reply.raw, ok: reply.ok };
  }

  cancel(): void {
    if (!this.#current) return;
    this.#worker.postMessage({ type: 'cancel', id: this.#current } satisfies Request);
    this.#streams.delete(this.#current);
    this.#current = 0;
  }

  terminate(): void {
    this.#worker.terminate();
  }
}
