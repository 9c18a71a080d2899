import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

interface Golden {
  features: string[];
  ids: string[];
  probability_ort: number[];
  /** LightGBM's raw margin (log-odds) per row. */
  raw: number[];
  /** LightGBM's pred_contrib per row: φ per feature in card order, then the expected value. */
  contrib: number[][];
}

/**
 * The headless scorer's --explain columns against LightGBM's own pred_contrib on the golden
 * rows (written by models/fixtures.py from the trained booster, not by this code).
 */
describe('npm run score -- --explain', () => {
  const golden = JSON.parse(readFileSync('test/fixtures/golden/lgbm-golden.json', 'utf8')) as Golden;
  const out = join(mkdtempSync(join(tmpdir(), 'cli-explain-')), 'scored.csv');
  execFileSync('npx', ['tsx', 'src/cli/score.ts', '--input', 'test/fixtures/golden/lgbm-golden.csv', '--output', out, '--explain', '--lang', 'en'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const parsed = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true });
  const rows = parsed.data;

  it('writes one row per input row, with contrib_base and one contrib column per model feature', () => {
    expect(rows.length).toBe(golden.ids.length);
    const fields = parsed.meta.fields ?? [];
    expect(fields.slice(-golden.features.length - 1)).toEqual(['contrib_base', ...golden.features.map((f) => `contrib_${f}`)]);
  });

  it('gives the values of LightGBM pred_contrib within 1e-5 for every row and feature', () => {
    let worst = 0;
    rows.forEach((row, i) => {
      const want = golden.contrib[i];
      const f = golden.features.length;
      worst = Math.max(worst, Math.abs(Number(row.contrib_base) - want[f]));
      golden.features.forEach((name, k) => {
        worst = Math.max(worst, Math.abs(Number(row[`contrib_${name}`]) - want[k]));
      });
    });
    expect(worst).toBeLessThanOrEqual(1e-5);
  });

  it('adds up, per row, to the log-odds LightGBM gives, and flags no row', () => {
    rows.forEach((row, i) => {
      let sum = Number(row.contrib_base);
      for (const name of golden.features) sum += Number(row[`contrib_${name}`]);
      // Thirty-five float32 cells, each rounded to its shortest text, sum within float32 noise.
      expect(Math.abs(sum - golden.raw[i])).toBeLessThan(1e-4);
      expect(row.row_issues).not.toMatch(/does not add up/);
    });
  });
});
