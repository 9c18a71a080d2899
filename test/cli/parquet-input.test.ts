import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run score` on a Parquet file, against the same rows as a CSV. plain.parquet holds the
 * demo sample's first 300 rows typed (INT64, DOUBLE, FLOAT, text, nulls; made by
 * test/fixtures/parquet/make_fixtures.py so that each number's shortest text is the CSV's cell):
 * the scored output must be the CSV's byte for byte, the list the same, the probabilities
 * onnxruntime's in Python (test/fixtures/demo-metrics.json).
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cli-parquet-'));
const ROWS = 300;
const plain = 'test/fixtures/parquet/plain.parquet';
const csv = join(dir, 'rows.csv');
writeFileSync(csv, readFileSync('public/demo/demo-sample.csv', 'utf8').split('\n').slice(0, ROWS + 1).join('\n') + '\n');

type Outcome = { code: number; stderr: string };
async function score(...args: string[]): Promise<Outcome> {
  try {
    const { stderr } = await run('npx', ['tsx', 'src/cli/score.ts', '--lang', 'en', ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}
const table = (path: string) => Papa.parse<string[]>(readFileSync(path, 'utf8').trimEnd(), { newline: '\r\n' }).data;
const LIST = ['--capacity', '10%', '--control-share', '0.2', '--seed', '7', '--list-dialect', 'rfc4180'];

describe('npm run score on a Parquet file', () => {
  const out = { parquet: join(dir, 'pq.scored.csv'), csv: join(dir, 'csv.scored.csv'), typed: join(dir, 'typed.scored.csv'), bad: join(dir, 'bad.scored.csv') };
  const list = { parquet: join(dir, 'pq-list.csv'), csv: join(dir, 'csv-list.csv') };
  const said: Record<string, Outcome> = {};
  beforeAll(async () => {
    const runs = await Promise.all([
      score('--input', plain, '--output', out.parquet, '--explain', '--list', list.parquet, ...LIST),
      score('--input', csv, '--output', out.csv, '--explain', '--list', list.csv, ...LIST),
      score('--input', 'test/fixtures/parquet/typed.parquet', '--output', out.typed),
      score('--input', 'test/fixtures/parquet/bad-group.parquet', '--output', out.bad),
    ]);
    [said.parquet, said.csv, said.typed, said.bad] = runs;
  }, 180_000);

  it('writes the CSV’s scored file byte for byte: input cells, probabilities, ranks, statuses, contributions', () => {
    expect(said.parquet.code).toBe(0);
    const a = readFileSync(out.parquet);
    expect(a.length).toBeGreaterThan(0);
    expect(a.equals(readFileSync(out.csv))).toBe(true);
    expect(table(out.parquet)).toHaveLength(ROWS + 1);
  });

  it('gives onnxruntime’s probabilities (Python) for the Parquet rows', () => {
    const demo = (JSON.parse(readFileSync('test/fixtures/demo-metrics.json', 'utf8')) as { demo: { ids: string[]; probability: number[] } }).demo;
    const rows = table(out.parquet);
    const p = rows[0].indexOf('risk_probability');
    rows.slice(1).forEach((row, i) => {
      expect(row[0]).toBe(demo.ids[i]);
      expect(Math.abs(Number(row[p]) - demo.probability[i])).toBeLessThanOrEqual(1e-6);
    });
  });

  it('writes the same list and outcomes rows, and a manifest that differs only in the input file and what is derived from its hash', () => {
    expect(readFileSync(list.parquet).equals(readFileSync(list.csv))).toBe(true);
    const manifest = (path: string) => JSON.parse(readFileSync(path.replace(/\.csv$/, '.manifest.json'), 'utf8'));
    const [m, c] = [manifest(list.parquet), manifest(list.csv)];
    expect(m.input.file_name).toBe('plain.parquet');
    expect(m.input.size_bytes).toBe(readFileSync(plain).length);
    for (const x of [m, c]) {
      delete x.created_at;
      delete x.input.file_name;
      delete x.input.size_bytes;
      delete x.input.sha256;
      delete x.selection.list_key;
      delete x.export.file_name;
      delete x.decisions.head;
    }
    expect(m).toEqual(c);
    // The outcomes form: the same rows, but the list key (made from the input's hash) in its second column.
    const form = (path: string) => table(path.replace(/\.csv$/, '.utfall.csv')).map((r) => r.filter((_, j) => j !== 1));
    expect(form(list.parquet)).toEqual(form(list.csv));
    expect(form(list.parquet).length).toBe(31);
  });

  it('writes typed cells as text — integers, decimals, booleans, text with a decimal comma, nulls empty — and names rows "Row"', () => {
    expect(said.typed.code).toBe(0);
    const rows = table(out.typed);
    expect(rows).toHaveLength(ROWS + 1);
    const header = rows[0];
    const cell = (r: number, name: string) => rows[r + 1][header.indexOf(name)];
    // Row 1 of the demo: 5006 (INT32), 582270 (DECIMAL(12,2) 582270.00), 0 (BOOLEAN false), "80,0" (text), 6.8 (DOUBLE).
    expect([cell(0, 'kommunenr'), cell(0, 'lonnsinntekt'), cell(0, 'har_enk'), cell(0, 'stillingsprosent'), cell(0, 'avstand_reg_km')]).toEqual(['5006', '582270', 'false', '80,0', '6.8']);
    expect([cell(5, 'alder'), cell(7, 'skattyter_id')]).toEqual(['', '']);
    expect(cell(7, 'row_issues')).toBe('Row 8, column 1 (skattyter_id): the row has no id.');
    for (const row of rows.slice(1)) expect(row[header.indexOf('row_issues')]).not.toMatch(/\bline\b/i);
  });

  it('keeps every row of a row group it cannot decode, rejected with the group’s sentence', () => {
    expect(said.bad.code).toBe(0);
    const rows = table(out.bad);
    expect(rows).toHaveLength(ROWS + 1);
    const status = rows[0].indexOf('row_status');
    const issues = rows[0].indexOf('row_issues');
    const rejected = rows.slice(1).flatMap((r, i) => (r[status] === 'rejected' ? [i + 1] : []));
    expect(rejected).toEqual(Array.from({ length: 100 }, (_, i) => 101 + i));
    expect(rows[101][issues]).toMatch(/^Row group 2 \(rows 101–200\) cannot be read \(.+\)\. Those rows are rejected; the rest of the file was read\.$/);
    expect(rows[101].slice(0, 3)).toEqual(['', '', '']);
  });

  it('records in the list’s manifest that a batch output’s scores were taken, and from which run (the metadata as pyarrow reads it)', async () => {
    const path = join(dir, 'batch-list.csv');
    const r = await score('--input', 'test/fixtures/parquet/scored.parquet', '--list', path, '--capacity', '10');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Opened the result of the Spark run: 300 tax returns, scores from the file; 300 checked again here, all matched.');
    const manifest = JSON.parse(readFileSync(join(dir, 'batch-list.manifest.json'), 'utf8'));
    expect(manifest.input.scores_from).toEqual({
      kind: 'batch',
      model_sha256: 'd9ea43af2e53017d1671edcab2f41380ab32f159b5b8a5c200ebcb531c193dfb',
      input_name: 'rows.csv',
      input_sha256: '2534ae71965a6ee24120b3404e4014c67583c73c4c89a604ceb9f0001055d98c',
      checked: 300,
      matched: 300,
      // The command line explains the listed rows itself.
      contributions: false,
    });
    expect(JSON.parse(readFileSync(list.csv.replace(/\.csv$/, '.manifest.json'), 'utf8')).input).not.toHaveProperty('scores_from');
  });

  it('says a cut-off Parquet file cannot be read, exits 1 and writes nothing', async () => {
    const cut = join(dir, 'cut.scored.csv');
    const r = await score('--input', 'test/fixtures/parquet/truncated.parquet', '--output', cut);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The file cannot be read as Parquet');
    expect(existsSync(cut)).toBe(false);
  });

  it('reads a CSV whose first column is named PAR1 as a CSV', async () => {
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    const par1 = join(dir, 'par1.csv');
    writeFileSync(par1, lines.map((l, i) => `${i === 0 ? 'PAR1' : 'x'},${l}`).join('\n') + '\n');
    const scored = join(dir, 'par1.scored.csv');
    const r = await score('--input', par1, '--output', scored);
    expect(r.code, r.stderr).toBe(0);
    const rows = table(scored);
    expect(rows[0][0]).toBe('PAR1');
    const a = rows[0].indexOf('risk_probability');
    const b = table(out.csv)[0].indexOf('risk_probability');
    expect(rows.slice(1).map((row) => row[a])).toEqual(table(out.csv).slice(1).map((row) => row[b]));
  });
});
