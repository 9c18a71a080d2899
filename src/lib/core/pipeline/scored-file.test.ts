import { describe, expect, it } from 'vitest';
import { STATUS_REJECTED, STATUS_SCORED, STATUS_WARNED } from '../csv/row-status';
import type { IngestResult } from '../csv/ingest';
import { nanForRejected, ranked } from './scored-file';

describe('nanForRejected', () => {
  it('gives rejected rows NaN and leaves scored and warned rows as they are', () => {
    const p = Float32Array.of(0.5, 0.25, 0.75);
    const out = nanForRejected(p, Uint8Array.of(STATUS_SCORED, STATUS_REJECTED, STATUS_WARNED));
    expect(out).toBe(p);
    expect(Array.from(p)).toEqual([0.5, NaN, 0.75]);
  });

  it('does nothing to an empty file', () => {
    expect(nanForRejected(new Float32Array(0), new Uint8Array(0))).toHaveLength(0);
  });
});

describe('ranked', () => {
  it('ranks by descending probability with rejected rows last and unranked', () => {
    const file = ranked({ fileName: 'a.csv', ingest: {} as IngestResult, probability: Float32Array.of(0.2, NaN, 0.9, 0.2) });
    expect(Array.from(file.order)).toEqual([2, 0, 3, 1]);
    expect(Array.from(file.rank)).toEqual([2, 0, 1, 3]);
    expect(file.fileName).toBe('a.csv');
  });
});
