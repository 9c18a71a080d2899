import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

/**
 * The demo sample saved the way Norwegian Excel saves it (models/excel_demo.py: Windows-1252,
 * semicolons, CRLF, decimal commas, no-break-space thousands) must score to exactly the
 * probabilities of the clean file, row by row, text for text.
 */
function score(input: string): Papa.ParseResult<Record<string, string>> {
  const out = join(mkdtempSync(join(tmpdir(), 'cli-excel-')), 'scored.csv');
  execFileSync('npx', ['tsx', 'src/cli/score.ts', '--input', input, '--output', out, '--lang', 'en'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true });
}

describe('a Norwegian Excel export of the demo sample, through the CLI', () => {
  const clean = score('public/demo/demo-sample.csv').data;
  const excel = score('test/fixtures/excel/demo-sample-excel-nb.csv').data;

  it('has one scored row per input row, as the clean file', () => {
    expect(excel.length).toBe(clean.length);
    expect(excel.every((row) => row.row_status === 'scored')).toBe(true);
  });

  it('gives every row exactly the probability and rank of the clean file', () => {
    const differing = excel.filter((row, i) => row.risk_probability !== clean[i].risk_probability || row.risk_rank !== clean[i].risk_rank);
    expect(differing).toEqual([]);
  });

  it('keeps ids, and the æøå of the passthrough column', () => {
    expect(excel.map((row) => row.skattyter_id)).toEqual(clean.map((row) => row.skattyter_id));
    expect(excel[0].saksbehandler).toBe('Åse Ødegård');
  });
});
