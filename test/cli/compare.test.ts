import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cli-compare-'));
const BUNDLED = 'public/model/deduction-risk.onnx';
/** A LightGBM model brought through models/kit.py that reads eight of the demo sample's columns by name. */
const VARIANT = 'test/fixtures/exporters/lightgbm/kit.onnx';
/** The demo sample scored by onnxruntime in Python and its AUC from scikit-learn (models/oracles_demo). */
const demo = (JSON.parse(readFileSync('test/fixtures/demo-metrics.json', 'utf8')) as { demo: { roc_auc: number } }).demo;

async function score(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('npx', ['tsx', 'src/cli/score.ts', '--input', 'public/demo/demo-sample.csv', ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

const rowsOf = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const report = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('npm run score -- --compare', () => {
  const runs: Record<string, { code: number; stderr: string }> = {};
  beforeAll(async () => {
    [runs.self, runs.variant, runs.noReport, runs.bad, runs.noCapacity] = await Promise.all([
      score(['--compare', BUNDLED, '--compare-report', join(dir, 'self.json'), '--capacity', '500', '--lang', 'en', '--output', join(dir, 'self.csv')]),
      score(['--compare', VARIANT, '--compare-report', join(dir, 'variant.json'), '--capacity', '10%', '--lang', 'nb', '--output', join(dir, 'variant.csv')]),
      score(['--compare', VARIANT, '--lang', 'en', '--output', join(dir, 'plain.csv')]),
      score(['--compare', 'test/fixtures/oracle/lightgbm-deep.onnx', '--lang', 'en', '--output', join(dir, 'bad.csv')]),
      score(['--compare', VARIANT, '--compare-report', join(dir, 'none.json'), '--lang', 'en', '--output', join(dir, 'none.csv')]),
    ]);
  }, 180_000);

  it('compares the bundled model with itself as the same list: ρ = 1, overlap = capacity, no difference', () => {
    expect(runs.self.code).toBe(0);
    const r = report('self.json');
    expect(r).toMatchObject({ rows: 2000, capacity: 500, spearman: 1, overlap_at_capacity: 500, entering: 0, leaving: 0 });
    expect(Math.abs(r.auc - demo.roc_auc)).toBeLessThanOrEqual(1e-6);
    expect(r.auc_difference).toEqual({ value: 0, ci95: [0, 0], se: 0 });
    expect([r.found_at_capacity, r.found_at_capacity_compare]).toEqual([r.found_at_capacity_compare, r.found_at_capacity]);
    expect(runs.self.stderr).toMatch(/Checking 500 tax returns, the challenger finds as many incorrect deductions .*; 0 of 500 are swapped\./);
  });

  it('adds risk_probability_compare and risk_rank_compare after the existing columns', () => {
    const rows = rowsOf(join(dir, 'variant.csv'));
    const header = Object.keys(rows[0]);
    expect(header.slice(-6)).toEqual(['risk_probability', 'risk_rank', 'row_status', 'row_issues', 'risk_probability_compare', 'risk_rank_compare']);
    const self = rowsOf(join(dir, 'self.csv'));
    expect(self.every((row) => row.risk_probability_compare === row.risk_probability && row.risk_rank_compare === row.risk_rank)).toBe(true);
  });

  it('against another model, reports overlap, entering and leaving as the output columns say, and the keys of the issue', () => {
    expect(runs.variant.code).toBe(0);
    const r = report('variant.json');
    for (const key of ['spearman', 'overlap_at_capacity', 'capacity', 'auc', 'auc_compare', 'auc_difference', 'found_at_capacity', 'found_at_capacity_compare']) expect(r).toHaveProperty(key);
    expect(r.capacity).toBe(200);
    const rows = rowsOf(join(dir, 'variant.csv'));
    const champion = new Set(rows.filter((row) => Number(row.risk_rank) <= 200).map((row) => row.skattyter_id));
    const challenger = new Set(rows.filter((row) => Number(row.risk_rank_compare) <= 200 && row.risk_rank_compare !== '').map((row) => row.skattyter_id));
    const overlap = [...challenger].filter((id) => champion.has(id)).length;
    expect(r.overlap_at_capacity).toBe(overlap);
    expect(r.entering).toBe(200 - overlap);
    expect(r.spearman).toBeGreaterThan(-1);
    expect(r.spearman).toBeLessThan(1);
    expect(Math.abs(r.auc - demo.roc_auc)).toBeLessThanOrEqual(1e-6);
    expect(r.auc_difference.value).toBeCloseTo(r.auc_compare - r.auc, 12);
    expect(r.auc_difference.ci95[0]).toBeLessThan(r.auc_difference.value);
    expect(r.found_difference.value).toBe(r.found_at_capacity_compare - r.found_at_capacity);
    expect(runs.variant.stderr).toMatch(/Ved kontroll av 200 skattemeldinger finner utfordreren \d+ (flere|færre) feil fradrag \(95 %-intervall/);
  });

  it('without --capacity adds the columns and prints no sentence; a report without it is refused with exit 2', () => {
    expect(runs.noReport.code).toBe(0);
    expect(runs.noReport.stderr).not.toMatch(/challenger finds/);
    expect(runs.noCapacity.code).toBe(2);
    expect(runs.noCapacity.stderr).toMatch(/--compare-report needs --capacity/);
  });

  it('refuses a second model that cannot score the file with exit 1 and one sentence', () => {
    expect(runs.bad.code).toBe(1);
    const last = runs.bad.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^The comparison model .* (cannot score this file|has no model card)/);
    expect(runs.bad.stderr).not.toMatch(/ at /);
  });
});
