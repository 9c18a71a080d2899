import type { CompareInput, Comparison } from '../core/compare';
import type { CompareReply } from './compare-worker';

/** The page's side of compare-worker.ts: one function that computes a Comparison in the worker. */
export function compareIn(worker: Worker): (input: CompareInput) => Promise<Comparison> {
  let next = 1;
  const pending = new Map<number, { resolve: (c: Comparison) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<CompareReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.comparison);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const waiting of pending.values()) waiting.reject(new Error(event.message));
    pending.clear();
  };
  return (input) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, input });
    });
}
