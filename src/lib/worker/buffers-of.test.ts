import { describe, expect, it } from 'vitest';
import { buffersOf } from './buffers-of';

describe('buffersOf', () => {
  it('finds each typed array’s buffer once, however deep, and nothing else', () => {
    const a = new Float64Array(4);
    const b = new Uint32Array(2);
    const shared = new ArrayBuffer(16);
    const c = new Uint8Array(shared, 0, 8);
    const d = new Uint8Array(shared, 8, 8);
    const found = buffersOf({ id: 1, name: 'x', a, nested: { list: [b, { c }], d, again: a }, none: null, n: NaN });
    // a, b and the one buffer c and d share: three buffers.
    expect(found).toHaveLength(3);
    expect(found).toContain(a.buffer);
    expect(found).toContain(b.buffer);
    expect(found).toContain(shared);
  });

  it('finds nothing in plain values', () => {
    expect(buffersOf({ a: [1, 2], b: 'text', c: undefined })).toEqual([]);
    expect(buffersOf(null)).toEqual([]);
  });

  it('lets a reply cross a MessageChannel with its arrays intact', async () => {
    const reply = { ranks: Uint32Array.from([3, 1, 2]), curves: [{ fpr: Float64Array.from([0, 0.5, 1]) }] };
    const channel = new MessageChannel();
    const received = new Promise<typeof reply>((resolve) => (channel.port2.onmessage = (e) => resolve(e.data)));
    channel.port1.postMessage(reply, buffersOf(reply));
    const got = await received;
    channel.port1.close();
    channel.port2.close();
    expect(Array.from(got.ranks)).toEqual([3, 1, 2]);
    expect(Array.from(got.curves[0].fpr)).toEqual([0, 0.5, 1]);
    // Transferred, not copied: the sender's arrays are detached.
    expect(reply.ranks.length).toBe(0);
  });
});
