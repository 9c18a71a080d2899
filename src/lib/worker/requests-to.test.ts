import { describe, expect, it } from 'vitest';
import { requestsTo } from './requests-to';

type Reply = { id: number; value: number } | { id: number; error: string };

/** A stand-in Worker: records what is posted; the test plays the worker's replies. */
function fakeWorker() {
  const posted: { id: number; x: number }[] = [];
  const worker = {
    postMessage: (m: { id: number; x: number }) => posted.push(m),
    onmessage: null as ((e: { data: Reply }) => void) | null,
    onerror: null as ((e: { message: string; preventDefault: () => void }) => void) | null,
  };
  return { worker, posted, reply: (r: Reply) => worker.onmessage!({ data: r }) };
}

describe('requestsTo', () => {
  it('numbers requests and settles each by its own reply, in any order', async () => {
    const f = fakeWorker();
    const send = requestsTo<{ x: number }, Reply>(f.worker as unknown as Worker);
    const a = send({ x: 1 });
    const b = send({ x: 2 });
    expect(f.posted).toEqual([{ id: 1, x: 1 }, { id: 2, x: 2 }]);
    f.reply({ id: 2, value: 20 });
    f.reply({ id: 99, value: 0 }); // nobody waits for it
    f.reply({ id: 1, error: 'broken model' });
    await expect(b).resolves.toEqual({ id: 2, value: 20 });
    await expect(a).rejects.toThrow('broken model');
  });

  it('rejects every waiting request when the worker crashes, and none hangs', async () => {
    const f = fakeWorker();
    const send = requestsTo<{ x: number }, Reply>(f.worker as unknown as Worker);
    const waiting = [send({ x: 1 }), send({ x: 2 })];
    let prevented = false;
    f.worker.onerror!({ message: 'out of memory', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    for (const w of waiting) await expect(w).rejects.toThrow('out of memory');
  });
});
