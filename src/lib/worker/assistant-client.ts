import type { Classify } from '../core/assistant/ask';
import type { AssistantReply, AssistantRequest } from './assistant-worker';

type Body = { type: 'init'; wasmUrl: string; modelUrl: string; specUrl: string } | { type: 'classify'; question: string };

/** The page's side of assistant-worker.ts: loads the classifier once, then classifies questions. */
export function assistantIn(worker: Worker, urls: { wasmUrl: string; modelUrl: string; specUrl: string }): Classify {
  let next = 1;
  const pending = new Map<number, { resolve: (r: AssistantReply) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<AssistantReply>) => {
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
  const send = (body: Body) =>
    new Promise<AssistantReply>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...body } as AssistantRequest);
    });
  let ready: Promise<AssistantReply> | null = null;
  return async (question) => {
    ready ??= send({ type: 'init', ...urls });
    await ready;
    const reply = await send({ type: 'classify', question });
    if (!('classified' in reply)) throw new Error('no intent in the reply');
    return reply.classified;
  };
}
