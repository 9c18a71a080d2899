import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from '../model/read-card';
import { STATUS_NAMES } from '../csv/row-status';
import { batchSample, compareBatch, CONTRIB_TOLERANCE, SCORE_TOLERANCE } from './check-batch';
import { openParquet, readParquet, type FileScores } from './read-parquet';
import { readBatchMeta } from './batch-meta';
import { checkParquetCeiling } from './parquet-ceiling';

const card = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx'))).card!;
const F = card.features.length;
const bytes = readFileSync('test/fixtures/parquet/scored.parquet');
const scoredFile = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const expected = JSON.parse(readFileSync('test/fixtures/parquet/expected.json', 'utf8')) as {
  scored: { probability: (number | null)[]; status: string[]; contrib_base: (number | null)[]; contrib_alder: (number | null)[] };
};
const sha = 'd9ea43af2e53017d1671edcab2f41380ab32f159b5b8a5c200ebcb531c193dfb';

describe('a batch output read back', () => {
  it('reads the contract metadata', async () => {
    const opened = await openParquet(scoredFile);
    expect(opened.batch).toMatchObject({ format: '1', modelSha256: sha, modelName: 'deduction-risk.onnx', outputSpace: 'log-odds', rows: 300, explained: true });
    expect(opened.batch?.features).toEqual(card.features.map((f) => f.name));
  });

  it('takes risk_probability, row_status and the contributions as the CLI wrote them, and reads the input columns like a CSV', async () => {
    const opened = await openParquet(scoredFile);
    const read = (await readParquet(scoredFile, opened, card, { takeScores: true }))!;
    const s = read.scores!;
    const e = expected.scored;
    const alder = card.features.findIndex((f) => f.name === 'alder');
    for (let r = 0; r < 300; r++) {
      expect(s.probability[r]).toBe(e.probability[r] ?? NaN);
      expect(STATUS_NAMES[s.status[r]]).toBe(e.status[r]);
      expect(s.contrib![r * (F + 1) + F]).toBe(e.contrib_base[r]);
      expect(s.contrib![r * (F + 1) + alder]).toBe(e.contrib_alder[r]);
      expect(read.ingest.status[r]).toBe(s.status[r]);
    }
    // The batch columns are neither features nor passthrough.
    expect(read.ingest.passthrough.header.some((h) => h.startsWith('risk_') || h.startsWith('contrib_') || h.startsWith('row_'))).toBe(false);
  });

  it('refuses metadata of an unknown format, and ignores other keys', () => {
    expect(readBatchMeta([{ key: 'ARROW:schema', value: 'x' }])).toEqual({ meta: null, problems: [] });
    const bad = readBatchMeta([{ key: 'fradragsrisiko.format', value: '2' }]);
    expect(bad.meta).toBeNull();
    expect(bad.problems.map((p) => p.code)).toEqual(['parquet.batch_format_unknown']);
  });
});

describe('batchSample', () => {
  it('takes every row of a small file', () => {
    expect(Array.from(batchSample(new Float32Array(5), 10))).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes the highest-ranked rows first, then distinct seeded rows, the same each time', () => {
    const p = Float32Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) / 5000);
    const a = batchSample(p, 300, 20);
    expect(a.length).toBe(300);
    expect(new Set(a).size).toBe(300);
    expect(Array.from(a)).toEqual([...a].sort((x, y) => x - y));
    // The 20 highest probabilities (4999/5000 … 4980/5000): rows i with i·7919 mod 5000 ≥ 4980.
    for (let i = 0; i < 5000; i++) if ((i * 7919) % 5000 >= 4980) expect(a).toContain(i);
    expect(Array.from(batchSample(p, 300, 20))).toEqual(Array.from(a));
  });
});

describe('compareBatch', () => {
  const F2 = 2;
  const file = (): FileScores => ({
    probability: Float32Array.from([0.1, 0.2, NaN, 0.4]),
    status: Uint8Array.from([0, 1, 2, 0]),
    contrib: Float32Array.from([1, 2, -3, 0.5, 0.5, -1, 0, 0, 0, 0.25, 0.25, -2]),
  });
  const status = Uint8Array.from([0, 1, 2, 0]);
  const rows = Uint32Array.from([0, 1, 2, 3]);

  it('finds no difference in the same values, rejected rows missing on both sides', () => {
    const f = file();
    const check = compareBatch(f, status, rows, f.probability.slice(), f.contrib!.slice(), F2);
    expect(check).toEqual({ checked: 4, mismatched: new Uint32Array(0), maxScoreDiff: 0, maxContribDiff: 0 });
  });

  it('names a row whose score, one contribution or status differs beyond the tolerance', () => {
    const f = file();
    const p = f.probability.slice();
    p[1] += 1e-3;
    const c = f.contrib!.slice();
    c[3 * 3 + 1] += 1e-3;
    const s = status.slice();
    s[0] = 1;
    expect(Array.from(compareBatch(f, s, rows, p, c, F2).mismatched)).toEqual([0, 1, 3]);
  });

  it('lets differences within the tolerances pass', () => {
    const f = file();
    const p = Float32Array.from([0.1, 0.2, NaN, 0.4]);
    const c = f.contrib!.slice();
    c[0] += CONTRIB_TOLERANCE / 2;
    expect(SCORE_TOLERANCE).toBe(1e-6);
    expect(compareBatch(f, status, rows, p, c, F2).mismatched.length).toBe(0);
  });

  it('counts a score present on one side only as a mismatch', () => {
    const f = file();
    const p = f.probability.slice();
    p[2] = 0.3;
    expect(Array.from(compareBatch(f, status, rows, p, null, F2).mismatched)).toEqual([2]);
  });
});

describe('checkParquetCeiling', () => {
  it('refuses a file whose footer counts more rows than a tab takes, naming the batch path', () => {
    expect(checkParquetCeiling(6_000_000)).toBeNull();
    expect(checkParquetCeiling(6_000_001)).toEqual({ code: 'intake.over_ceiling', severity: 'error', params: { rows: 6_000_001, ceiling: 6_000_000, command: 'npm run batch' } });
  });
});
