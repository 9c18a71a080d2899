import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/lib/i18n/messages/cli';

/**
 * `--output-dialect` writes the scored file through the control list's safe writer, so it
 * can be opened in a spreadsheet: formulas neutralised, control characters replaced, the
 * numbers the CLI adds written as numbers in the dialect's decimal mark. Without it, the
 * input's cells go out as they came in. Expected probabilities come from onnxruntime in
 * Python (test/fixtures/demo-metrics.json), not from this code; onnxruntime-web's float32
 * sums differ from it by about 1e-7 on a few rows, so those checks allow 1e-6.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cli-dialect-'));
const ROWS = 40;
const demo = (JSON.parse(readFileSync('test/fixtures/demo-metrics.json', 'utf8')) as { demo: { ids: string[]; probability: number[] } }).demo;

/** Passthrough cells as written, and as a spreadsheet-safe writer must write them (OWASP: a leading apostrophe). */
const notes: [string, string][] = [
  ['=HYPERLINK("http://example.com","klikk")', `'=HYPERLINK("http://example.com","klikk")`],
  ['+47 22 00 00 00', "'+47 22 00 00 00"],
  ['-15', '-15'],
  ['-2,5', '-2,5'],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['-cmd', "'-cmd"],
  ['a\u0000b', 'a\uFFFDb'],
  ['Åse Ødegård', 'Åse Ødegård'],
  ['ok', 'ok'],
];
/** Row 3's id carries a BEL (U+0007). */
const BEL_ROW = 2;

const lines = readFileSync('public/demo/demo-sample.csv', 'utf8').split(/\r?\n/).slice(0, ROWS + 1);
const header = [...lines[0].split(','), 'merknad'];
const inputRows = lines.slice(1).map((line, i) => {
  const cells = line.split(',');
  if (i === BEL_ROW) cells[0] += '\u0007';
  return [...cells, notes[i % notes.length][0]];
});
const input = join(dir, 'input.csv');
writeFileSync(input, Papa.unparse([header, ...inputRows], { newline: '\r\n' }) + '\r\n');

interface Run {
  code: number;
  stderr: string;
  bytes: Buffer | null;
}

async function score(name: string, extra: string[]): Promise<Run> {
  const output = join(dir, `${name}.csv`);
  let code = 0;
  let stderr = '';
  try {
    stderr = (await run('npx', ['tsx', 'src/cli/score.ts', '--input', input, '--output', output, '--lang', 'en', ...extra])).stderr;
  } catch (error) {
    const e = error as { code: number; stderr: string };
    [code, stderr] = [e.code, e.stderr];
  }
  return { code, stderr, bytes: existsSync(output) ? readFileSync(output) : null };
}

function table(bytes: Buffer, delimiter: string): { fields: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, delimiter, newline: '\r\n', skipEmptyLines: true });
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

const logit = (p: number) => Math.log(p / (1 - p));

describe('npm run score -- --output-dialect', () => {
  const runs = {} as Record<'plain' | 'excel' | 'rfc' | 'bad', Run>;
  let help = '';
  beforeAll(async () => {
    runs.plain = await score('plain', ['--explain']);
    runs.excel = await score('excel', ['--explain', '--output-dialect', 'excel-nb']);
    runs.rfc = await score('rfc', ['--output-dialect', 'rfc4180']);
    runs.bad = await score('bad', ['--output-dialect', 'xlsx']);
    help = (await run('npx', ['tsx', 'src/cli/score.ts', '--help', '--lang', 'nn']).catch((e: { stderr: string }) => e)).stderr;
  }, 180_000);

  it('without it, keeps the contract: every input cell goes out as it came in, formulas and NULs too', () => {
    expect(runs.plain.code).toBe(0);
    const { rows } = table(runs.plain.bytes as Buffer, ',');
    expect(rows.map((r) => header.map((h) => r[h]))).toEqual(inputRows);
  });

  describe('excel-nb', () => {
    it('starts with the UTF-8 BOM and separates fields with semicolons', () => {
      expect(runs.excel.code).toBe(0);
      const bytes = runs.excel.bytes as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').startsWith(`\uFEFF${header.join(';')};risk_probability;risk_rank;row_status;row_issues;contrib_base;`)).toBe(true);
    });

    it('has one row per input row, and the input columns in order', () => {
      const { fields, rows } = table(runs.excel.bytes as Buffer, ';');
      expect(rows).toHaveLength(ROWS);
      expect(fields.slice(0, header.length + 4)).toEqual([...header, 'risk_probability', 'risk_rank', 'row_status', 'row_issues']);
      expect(fields[header.length + 4]).toBe('contrib_base');
    });

    it('neutralises formulas, keeps negative numbers, and replaces control characters with U+FFFD', () => {
      const { rows } = table(runs.excel.bytes as Buffer, ';');
      rows.forEach((r, i) => {
        expect(r.merknad).toBe(notes[i % notes.length][1]);
        expect(r.skattyter_id).toBe(i === BEL_ROW ? `${demo.ids[i]}\uFFFD` : demo.ids[i]);
        header.slice(1, -1).forEach((h, j) => expect(r[h]).toBe(inputRows[i][j + 1]));
      });
    });

    it('writes risk_probability as a number with a decimal comma: the float32 onnxruntime gave, in its shortest text', () => {
      const { rows } = table(runs.excel.bytes as Buffer, ';');
      const plain = table(runs.plain.bytes as Buffer, ',').rows;
      rows.forEach((r, i) => {
        expect(r.risk_probability).toMatch(/^0,\d+$/);
        expect(Math.abs(Number(r.risk_probability.replace(',', '.')) - demo.probability[i])).toBeLessThan(1e-6);
        expect(r.risk_probability).toBe(plain[i].risk_probability.replace('.', ','));
        expect(r.risk_rank).toBe(plain[i].risk_rank);
        expect(r.row_status).toBe('scored');
      });
    });

    it('writes contributions as numbers with a decimal comma, negative ones without an apostrophe, adding up to the log-odds', () => {
      const { fields, rows } = table(runs.excel.bytes as Buffer, ';');
      const contrib = fields.filter((f) => f.startsWith('contrib_'));
      expect(contrib.length).toBeGreaterThan(10);
      let negatives = 0;
      rows.forEach((r, i) => {
        let sum = 0;
        for (const f of contrib) {
          expect(r[f]).toMatch(/^-?\d+(,\d+)?$/);
          if (r[f].startsWith('-')) negatives++;
          sum += Number(r[f].replace(',', '.'));
        }
        expect(Math.abs(sum - logit(demo.probability[i]))).toBeLessThan(1e-4);
      });
      expect(negatives).toBeGreaterThan(0);
    });
  });

  describe('rfc4180', () => {
    it('separates fields with commas, no BOM, a decimal point, and the same neutralisation', () => {
      expect(runs.rfc.code).toBe(0);
      const bytes = runs.rfc.bytes as Buffer;
      expect(bytes[0]).toBe(header[0].charCodeAt(0));
      const { fields, rows } = table(bytes, ',');
      expect(fields).toEqual([...header, 'risk_probability', 'risk_rank', 'row_status', 'row_issues']);
      expect(rows).toHaveLength(ROWS);
      const plain = table(runs.plain.bytes as Buffer, ',').rows;
      rows.forEach((r, i) => {
        expect(r.merknad).toBe(notes[i % notes.length][1]);
        expect(Math.abs(Number(r.risk_probability) - demo.probability[i])).toBeLessThan(1e-6);
        expect(r.risk_probability).toBe(plain[i].risk_probability);
      });
      expect(bytes.toString('utf8')).toContain(',"-2,5",');
    });
  });

  it('refuses an unknown dialect with exit code 2 and a sentence, writing nothing', () => {
    expect(runs.bad.code).toBe(2);
    expect(runs.bad.stderr).toMatch(/“xlsx”.*excel-nb.*rfc4180/);
    expect(runs.bad.bytes).toBeNull();
  });

  it('is in the usage text, in all three languages', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) expect(cli[lang]['cli.usage']).toContain('[--output-dialect excel-nb|rfc4180]');
    expect(help).toContain('--output-dialect excel-nb|rfc4180');
  });
});
