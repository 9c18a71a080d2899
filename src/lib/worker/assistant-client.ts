import type { Classify } from '../core/assistant/ask';
import type { AssistantReply } from './assistant-worker';
import { requestsTo } from './requests-to';

type Body = { type: 'init'; wasmUrl: string; modelUrl: string; specUrl: string } | { type: 'classify'; question: string };

/** The page's side of assistant-worker.ts: loads the classifier once, then classifies questions. */
export function assistantIn(worker: Worker, urls: { wasmUrl: string; modelUrl: string; specUrl: string }): Classify {
  const send = requestsTo<Body, AssistantReply>(worker);
  let ready: Promise<AssistantReply> | null = null;
  return async (question) => {
    ready ??= send({ type: 'init', ...urls });
    await ready;
    const reply = await send({ type: 'classify', question });
    if (!('classified' in reply)) throw new Error('no intent in the reply');
    return reply.classified;
  };
}
