import { describe, expect, it } from 'vitest';
import { blobChunks } from './blob-chunks';
import { sha256Hex } from './sha256';

describe('blobChunks', () => {
  it('yields a Blob’s bytes in order, so their hash is the hash of the whole', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) & 0xff);
    expect(await sha256Hex(blobChunks(new Blob([bytes])))).toBe(await sha256Hex(bytes));
  });

  it('yields nothing for an empty Blob', async () => {
    const chunks: Uint8Array[] = [];
    for await (const c of blobChunks(new Blob([]))) chunks.push(c);
    expect(chunks).toEqual([]);
  });
});
