import { describe, expect, it } from 'vitest';
import { snapshotContext, rowOfId, type SnapshotInput } from './snapshot';
import { extractEntities } from './entities';
import { problem } from '../problems';
import type { ScoredFile } from '../pipeline/scored-file';

// Four rows: ids A1..A4, row 2 rejected (two problems on it, one a warning), ranks by probability.
const file = {
  fileName: 'f.csv',
  ingest: {
    rows: 4,
    ids: ['A1', 'A2', 'A3', 'A4'],
    line: Uint32Array.from([2, 3, 4, 5]),
    status: Uint8Array.from([0, 1, 2, 0]),
    label: null,
    counts: { scored: 2, warned: 1, rejected: 1, emptyLines: 0 },
    rowProblems: { row: Uint32Array.from([1, 2, 2]), problems: [problem('cell.bad_number', 'warning'), problem('cell.bad_number', 'error'), problem('cell.missing', 'warning')] },
    plan: { idColumn: 0, header: ['skattyter_id', 'x'] },
  },
  probability: Float32Array.from([0.1, 0.5, NaN, 0.2]),
  order: Uint32Array.from([1, 3, 0, 2]),
  rank: Uint32Array.from([3, 1, 0, 2]),
} as unknown as ScoredFile;

const input = (text: string, over: Partial<SnapshotInput> = {}): SnapshotInput => ({
  locale: 'en',
  card: null,
  explainer: null,
  file,
  expected: [0, 0.5, 0.7, 0.8],
  capacity: 1,
  controlShare: 0,
  drift: null,
  entities: extractEntities(text, null, (t) => rowOfId(file, t) >= 0),
  selectedRow: null,
  reasons: (row) => [`reason of row ${row}`],
  describe: (p) => `${p.code} said`,
  ...over,
});

describe('snapshotContext', () => {
  it('finds the named row by its id, any case, with its rank and the app’s reasons', () => {
    expect(rowOfId(file, 'a4')).toBe(3);
    expect(rowOfId(file, 'A9')).toBe(-1);
    const ctx = snapshotContext(input('why was a4 picked'));
    expect(ctx.record).toEqual({ id: 'A4', row: 3, rank: 2, probability: Math.fround(0.2), rejected: false, reasons: ['reason of row 3'] });
    expect(ctx.file).toMatchObject({ rows: 4, scored: 3, rejected: 1, idColumn: 'skattyter_id', topId: 'A2' });
    expect(ctx.plan).toEqual({ scored: 3, expected: [0, 0.5, 0.7, 0.8] });
  });

  it('says which id it could not find, and falls back to the open record when none is named', () => {
    expect(snapshotContext(input('why was B1234567 picked')).unknownId).toBe('B1234567');
    expect(snapshotContext(input('why was it picked', { selectedRow: 1 })).record?.id).toBe('A2');
    expect(snapshotContext(input('why was it picked')).record).toBeNull();
  });

  it('counts rejected rows by their errors only, each row once', () => {
    expect(snapshotContext(input('why rejected')).rejected).toEqual({ total: 1, reasons: [{ code: 'cell.bad_number', count: 1, text: 'cell.bad_number said' }] });
    expect(snapshotContext(input('why was A3 picked')).record).toMatchObject({ id: 'A3', rejected: true, rank: 0, reasons: [] });
  });
});
