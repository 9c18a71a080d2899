/**
 * The one client of the worker. Requests carry ids; replies for a run that a newer run has
 * replaced are dropped, so a slow old file can never overwrite a new one.
 */
import type { Reply, Request, ModelInfo, ScoredResult } from './protocol';
import type { IngestOptions } from '../core/csv/ingest';
import type { Problem } from '../core/problems';

export interface RunHandlers {
  onProgress(p: Extract<Reply, { type: 'progress' }>): void;
}

export class WorkerClient {
  #worker: Worker;
  #next = 1;
  #current = 0;
  #pending = new Map<number, { resolve: (r: Reply) => void; handlers?: RunHandlers }>();

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

  #receive(reply: Reply): void {
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

  /** Scores a file; resolves with the result, or null when cancelled or replaced by a newer run. */
  async run(file: Blob, fileName: string, options: IngestOptions, handlers: RunHandlers): Promise<{ result: ScoredResult | null; problems: Problem[] }> {
    if (this.#current) this.cancel();
    const id = this.#next++;
    this.#current = id;
    const reply = await this.#send({ type: 'run', id, file, fileName, options }, [], handlers);
    if (id !== this.#current) return { result: null, problems: [] };
    this.#current = 0;
    if (reply.type === 'done') return { result: reply.result, problems: [] };
    if (reply.type === 'failed') return { result: null, problems: reply.problems };
    return { result: null, problems: [] };
  }

  cancel(): void {
    if (!this.#current) return;
    this.#worker.postMessage({ type: 'cancel', id: this.#current } satisfies Request);
    this.#current = 0;
  }

  terminate(): void {
    this.#worker.terminate();
  }
}
