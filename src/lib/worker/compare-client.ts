import type { CompareInput } from '../core/compare';
import type { CompareReply } from './compare-worker';

export type Computed = Extract<CompareReply, { comparison: unknown }>;
/** What the Comparison state asks for: the figures, and both models' curves when `curves` is set. */
export type Compute = (input: CompareInput, curves: boolean) => Promise<Omit<Computed, 'id'>>;

/** The page's side of compare-worker.ts. */
export function compareIn(worker: Worker): Compute {
  let next = 1;
  const pending = new Map<number, { resolve: (c: Computed) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<CompareReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const waiting of pending.values()) waiting.reject(new Error(event.message));
    pending.clear();
  };
  return (input, curves) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, input, curves });
    });
}
