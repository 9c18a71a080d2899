/** A reply a worker sends for a failed request. */
type Failed = { id: number; error: string };

/**
 * Numbered requests to a worker that answers each with `{ id, … }`: a reply with `error`
 * rejects its request, any other resolves it; a crash of the worker rejects every request
 * still waiting, so no caller hangs. Takes over the worker's onmessage and onerror.
 */
export function requestsTo<Body extends object, Reply extends { id: number }>(worker: Worker): (body: Body) => Promise<Exclude<Reply, Failed>> {
  type Ok = Exclude<Reply, Failed>;
  let next = 1;
  const pending = new Map<number, { resolve: (reply: Ok) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error((reply as unknown as Failed).error));
    else waiting.resolve(reply as Ok);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const waiting of pending.values()) waiting.reject(new Error(event.message));
    pending.clear();
  };
  return (body) =>
    new Promise<Ok>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...body });
    });
}
