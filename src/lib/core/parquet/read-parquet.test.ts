import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from '../model/read-card';
import { ingestAll } from '../csv/ingest';
import { STATUS_REJECTED, STATUS_WARNED } from '../csv/row-status';
import type { RowBlock } from '../csv/ingest';
import { isParquet } from './is-parquet';
import { openParquet, readParquet } from './read-parquet';

// Fixtures and the expected values: test/fixtures/parquet/make_fixtures.py (pyarrow, numpy).
const card = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx'))).card!;
const F = card.features.length;
const fixture = (name: string) => {
  const bytes = readFileSync(`test/fixtures/parquet/${name}`);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};
const expected = JSON.parse(readFileSync('test/fixtures/parquet/expected.json', 'utf8')) as {
  rows: number;
  group: number;
  null_alder: number[];
  null_id: number[];
  ids: string[];
  features: Record<string, (number | null)[]>;
};

async function read(name: string, blocks: RowBlock[] = []) {
  const file = fixture(name);
  const opened = await openParquet(file);
  const out = await readParquet(file, opened, card, { onBlock: (b) => void blocks.push(b) });
  return { opened, read: out! };
}

describe('readParquet', () => {
  it('tells Parquet by its magic bytes at both ends, and a file cut before its footer by the page header after its start', () => {
    const typed = new Uint8Array(fixture('typed.parquet'));
    expect(isParquet(typed.subarray(0, 4), typed.subarray(-4))).toBe(true);
    // The first page header: Thrift compact field 1 (type, i32) is the byte 0x15.
    expect(typed[4]).toBe(0x15);
    expect(isParquet(typed.subarray(0, 8))).toBe(true);
    expect(isParquet(typed.subarray(0, 4))).toBe(false);
    expect(isParquet(new TextEncoder().encode('PAR,x\n'))).toBe(false);
    const csv = new TextEncoder().encode('PAR1,x\n1,2\n');
    expect(isParquet(csv, csv.subarray(-4))).toBe(false);
  });

  for (const name of ['typed.parquet', 'typed-zstd.parquet', 'typed-gzip.parquet']) {
    it(`reads every feature of ${name} as numpy's float32 of the written value, NaN for null`, async () => {
      const blocks: RowBlock[] = [];
      const { read: out } = await read(name, blocks);
      const ingest = out.ingest;
      expect(ingest.rows).toBe(expected.rows);
      // One block per row group, in order.
      expect(blocks.map((b) => [b.start, b.count])).toEqual([[0, 100], [100, 100], [200, 100]]);
      let compared = 0;
      card.features.forEach((f, i) => {
        const want = expected.features[f.name];
        if (!want) return;
        for (let r = 0; r < expected.rows; r++) {
          const got = ingest.features[r * F + i];
          if (ingest.status[r] === STATUS_REJECTED) continue;
          if (want[r] === null) expect(got, `${f.name} row ${r + 1}`).toBeNaN();
          else expect(got, `${f.name} row ${r + 1}`).toBe(want[r]);
          compared++;
        }
      });
      expect(compared).toBeGreaterThan(expected.rows * 30);
      // The DECIMAL(12,2) column (unscaled øre) and the decimal-comma text column were among them.
      expect(Object.keys(expected.features)).toEqual(expect.arrayContaining(['lonnsinntekt', 'stillingsprosent', 'har_enk', 'avstand_reg_km']));
    });
  }

  it('says which row and column a null in a required feature is, and keeps ids as text', async () => {
    const { read: out } = await read('typed.parquet');
    const ingest = out.ingest;
    const alder = card.features.findIndex((f) => f.name === 'alder');
    expect(card.features[alder].nullable).toBe(false);
    for (const r of expected.null_alder) {
      expect(ingest.status[r]).toBe(STATUS_WARNED);
      const k = Array.from(ingest.rowProblems.row).indexOf(r);
      const p = ingest.rowProblems.problems.filter((_, i) => ingest.rowProblems.row[i] === r).map((q) => [q.code, q.line, q.field]);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(p).toContainEqual(['csv.missing_value', r + 1, 'alder']);
    }
    for (const r of expected.null_id) {
      expect(ingest.ids[r]).toBe('');
      expect(ingest.rowProblems.problems.some((q, i) => ingest.rowProblems.row[i] === r && q.code === 'csv.missing_id' && q.line === r + 1)).toBe(true);
    }
    expect(ingest.ids[0]).toBe(expected.ids[0]);
    expect(ingest.idKind).toBe('id');
    // kommunenr (INT32) and sivilstand (text) are passthrough, as text.
    expect(ingest.passthrough.header).toEqual(expect.arrayContaining(['kommunenr', 'sivilstand']));
    const k = ingest.passthrough.header.indexOf('kommunenr');
    expect(ingest.passthrough.columns[k][0]).toMatch(/^\d{4}$/);
  });

  it('gives the same features and statuses as the CSV intake of the same rows', async () => {
    // Oracle: the CSV path of the rows the fixture was made from, where the fixture did not change them.
    const csv = readFileSync('public/demo/demo-sample.csv', 'utf8').split('\n').slice(0, expected.rows + 1).join('\n') + '\n';
    const fromCsv = ingestAll(new TextEncoder().encode(csv), card);
    const { read: out } = await read('typed.parquet');
    const changed = new Set(['alder']);
    let same = 0;
    for (let r = 0; r < expected.rows; r++) {
      if (expected.null_alder.includes(r) || expected.null_id.includes(r)) continue;
      expect(out.ingest.status[r]).toBe(fromCsv.status[r]);
      card.features.forEach((f, i) => {
        if (changed.has(f.name)) return;
        expect(Object.is(out.ingest.features[r * F + i], fromCsv.features[r * F + i]) || out.ingest.features[r * F + i] === fromCsv.features[r * F + i]).toBe(true);
        same++;
      });
    }
    expect(same).toBeGreaterThan(200 * (F - 2));
  });

  it('rejects the rows of a row group that cannot be decoded, names it, and reads the others', async () => {
    const { read: out } = await read('bad-group.parquet');
    const ingest = out.ingest;
    expect(ingest.rows).toBe(300);
    const p = ingest.problems.find((q) => q.code === 'parquet.row_group_unreadable');
    expect(p?.params).toMatchObject({ group: 2, first: 101, last: 200 });
    for (let r = 0; r < 300; r++) expect(ingest.status[r] === STATUS_REJECTED, `row ${r + 1}`).toBe(r >= 100 && r < 200);
    expect(ingest.counts.rejected).toBe(100);
  });

  it('names a cut-off file as unreadable, with no rows, without throwing', async () => {
    const { opened, read: out } = await read('truncated.parquet');
    expect(opened.metadata).toBeNull();
    expect(out.ingest.rows).toBe(0);
    expect(out.ingest.plan.blocked).toBe(true);
    expect(out.ingest.problems.map((q) => q.code)).toContain('parquet.unreadable');
  });

  it('takes nothing from a file without batch metadata', async () => {
    const { opened, read: out } = await read('typed.parquet');
    expect(opened.batch).toBeNull();
    expect(out.scores).toBeNull();
  });
});
