import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Files the model cannot score (a feature missing, a column of national identity numbers
 * named as a feature, a duplicated header that leaves a feature out), built from the demo
 * sample's real header. The README promises exit code 1 for a file that cannot be used;
 * the scored file still has one row per input row, each saying why it was rejected.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cli-blocked-'));
const ROWS = 12;

const demo = readFileSync('public/demo/demo-sample.csv', 'utf8').split(/\r?\n/).slice(0, ROWS + 1).map((line) => line.split(','));
const header = demo[0];
const col = (name: string) => {
  const j = header.indexOf(name);
  if (j < 0) throw new Error(`no ${name} in the demo header`);
  return j;
};
const write = (name: string, rows: string[][]) => {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
  return path;
};

/** 11 digits whose first six read as a date, as a fødselsnummer does (ddmmyy + five digits). */
const nationalId = (i: number) => `${String((i % 28) + 1).padStart(2, '0')}0385${String(40000 + i * 37).padStart(5, '0')}`;

const files = {
  missing: write(
    'missing.csv',
    demo.map((r) => r.filter((_, j) => j !== col('alder'))),
  ),
  nationalId: write(
    'national-id.csv',
    demo.map((r, i) => r.map((cell, j) => (i > 0 && j === col('lonnsinntekt') ? nationalId(i) : cell))),
  ),
  duplicate: write(
    'duplicate.csv',
    demo.map((r, i) => r.map((cell, j) => (i === 0 && j === col('sentralitet') ? 'alder' : cell))),
  ),
};

interface Run {
  code: number;
  stderr: string;
  rows: Record<string, string>[];
  listWritten: boolean;
}

async function score(input: string, lang: string, name: string, withOutput = true): Promise<Run> {
  const output = join(dir, `${name}.out.csv`);
  const list = join(dir, `${name}.list.csv`);
  const args = ['tsx', 'src/cli/score.ts', '--input', input, '--list', list, '--capacity', '3', '--lang', lang];
  if (withOutput) args.push('--output', output);
  let code = 0;
  let stderr = '';
  try {
    stderr = (await run('npx', args)).stderr;
  } catch (error) {
    const e = error as { code: number; stderr: string };
    [code, stderr] = [e.code, e.stderr];
  }
  const rows = withOutput && existsSync(output) ? Papa.parse<Record<string, string>>(readFileSync(output, 'utf8'), { header: true, skipEmptyLines: true }).data : [];
  return { code, stderr, rows, listWritten: existsSync(list) || existsSync(list.replace(/\.csv$/, '.manifest.json')) };
}

describe('npm run score on a file that cannot be scored', () => {
  const runs = {} as Record<'missing' | 'nationalId' | 'duplicate' | 'listOnly', Run>;
  beforeAll(async () => {
    runs.missing = await score(files.missing, 'en', 'missing');
    runs.nationalId = await score(files.nationalId, 'en', 'national-id');
    runs.duplicate = await score(files.duplicate, 'nb', 'duplicate');
    runs.listOnly = await score(files.missing, 'en', 'list-only', false);
  }, 120_000);

  const reasons = {
    missing: /^The model needs 1 column that is missing: alder\./,
    nationalId: new RegExp(`^Column ${col('lonnsinntekt') + 1} \\(lonnsinntekt\\) holds national identity numbers and cannot be used as lonnsinntekt\\.`),
    duplicate: /^Modellen trenger 1 kolonne som mangler: sentralitet\./,
  };

  for (const name of ['missing', 'nationalId', 'duplicate'] as const) {
    describe(name, () => {
      it('exits with 1 and says why on standard error', () => {
        expect(runs[name].code).toBe(1);
        expect(runs[name].stderr.split('\n').some((line) => reasons[name].test(line))).toBe(true);
      });

      it('writes one rejected row per input row, each carrying the reason in row_issues', () => {
        const { rows } = runs[name];
        expect(rows.map((r) => r.skattyter_id)).toEqual(demo.slice(1).map((r) => r[0]));
        for (const r of rows) {
          expect(r.row_status).toBe('rejected');
          expect(r.risk_probability).toBe('');
          expect(r.risk_rank).toBe('');
          expect(r.row_issues).toMatch(reasons[name]);
        }
      });

      it('writes no control list', () => {
        expect(runs[name].listWritten).toBe(false);
      });
    });
  }

  it('puts only the blocking errors in row_issues, not the duplicate-header warning', () => {
    for (const r of runs.duplicate.rows) expect(r.row_issues).not.toMatch(/finnes også i kolonne/);
  });

  it('refuses --list alone on such a file: exit 1, no list, a sentence saying so', () => {
    expect(runs.listOnly.code).toBe(1);
    expect(runs.listOnly.listWritten).toBe(false);
    expect(runs.listOnly.stderr).toMatch(/No control list written/);
    expect(runs.missing.stderr).toMatch(/No control list written/);
  });
});
