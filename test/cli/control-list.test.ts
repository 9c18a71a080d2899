import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseListChoices } from '../../src/cli/control-list';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'control-list-'));

/** The demo sample scored by onnxruntime in Python (models/oracles_demo), for an independent ranking. */
const demo = (JSON.parse(readFileSync('test/fixtures/demo-metrics.json', 'utf8')) as { demo: { ids: string[]; probability: number[] } }).demo;

async function cli(list: string, seed: string): Promise<{ rows: string[][]; bytes: Buffer; manifest: Record<string, unknown> & { selection: Record<string, unknown>; created_at: string } }> {
  const args = ['tsx', 'src/cli/score.ts', '--input', 'public/demo/demo-sample.csv', '--list', list, '--capacity', '25%', '--control-share', '0.1', '--seed', seed, '--list-dialect', 'rfc4180', '--lang', 'en'];
  await run('npx', args);
  const bytes = readFileSync(list);
  const rows = Papa.parse<string[]>(bytes.toString('utf8').trimEnd(), { newline: '\r\n' }).data;
  const manifest = JSON.parse(readFileSync(list.replace(/\.csv$/, '.manifest.json'), 'utf8'));
  return { rows, bytes, manifest };
}

describe('parseListChoices', () => {
  it('reads a capacity as a count or a share, the control share and a 64-bit seed', () => {
    expect(parseListChoices({ capacity: '25%', 'control-share': '0.1', seed: '18446744073709551615' })).toMatchObject({
      capacity: { share: 0.25 },
      controlShare: 0.1,
      seed: 18446744073709551615n,
    });
    expect(parseListChoices({ capacity: '500' })).toMatchObject({ capacity: { count: 500 }, controlShare: 0, seed: 0n });
    expect(parseListChoices({ capacity: '12,5 %', 'list-dialect': 'rfc4180' })).toMatchObject({ capacity: { share: 0.125 } });
  });

  it('returns problems, not exceptions, for what a person mistypes', () => {
    const codes = (a: Parameters<typeof parseListChoices>[0]) => {
      const r = parseListChoices(a);
      return 'problems' in r ? r.problems.map((p) => p.code) : [];
    };
    expect(codes({})).toEqual(['cli.list_needs_capacity']);
    expect(codes({ capacity: 'a lot' })).toEqual(['cli.bad_capacity']);
    expect(codes({ capacity: '120%' })).toEqual(['cli.bad_capacity']);
    expect(codes({ capacity: '5', 'control-share': '1.5' })).toEqual(['cli.bad_control_share']);
    expect(codes({ capacity: '5', 'control-share': 'NaN' })).toEqual(['cli.bad_control_share']);
    expect(codes({ capacity: '5', seed: '18446744073709551616' })).toEqual(['cli.bad_seed']);
    expect(codes({ capacity: '5', seed: '-1' })).toEqual(['cli.bad_seed']);
    expect(codes({ capacity: '5', 'list-dialect': 'xlsx' })).toEqual(['cli.bad_dialect']);
  });
});

describe('npm run score -- --list', () => {
  let a: Awaited<ReturnType<typeof cli>>;
  let b: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    [a, b] = await Promise.all([cli(join(dir, 'list-a.csv'), '20240501'), cli(join(dir, 'list-b.csv'), '20240501')]);
  }, 120_000);

  it('writes the same bytes for the same file, model, capacity, share and seed', () => {
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const { created_at: _a, export: ea, ...restA } = a.manifest as Record<string, unknown>;
    const { created_at: _b, export: eb, ...restB } = b.manifest as Record<string, unknown>;
    expect(restA).toEqual(restB);
    expect((ea as { sha256: string }).sha256).toBe((eb as { sha256: string }).sha256);
  });

  it('lists the top 450 by the Python-scored ranking, then 50 scored returns drawn from outside them', () => {
    const [header, ...rows] = a.rows;
    expect(header.slice(0, 4)).toEqual(['skattyter_id', 'rank', 'risk_percent', 'selection']);
    expect(rows).toHaveLength(500);
    const byRisk = demo.ids.map((id, i) => ({ id, p: demo.probability[i], i })).sort((x, y) => y.p - x.p || x.i - y.i);
    const top = new Set(byRisk.slice(0, 450).map((r) => r.id));
    const model = rows.filter((r) => r[3] === 'model');
    const control = rows.filter((r) => r[3] === 'random control');
    expect(model.map((r) => r[0])).toEqual(byRisk.slice(0, 450).map((r) => r.id));
    expect(model.map((r) => Number(r[1]))).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(control).toHaveLength(50);
    expect(new Set(control.map((r) => r[0])).size).toBe(50);
    for (const r of control) {
      expect(top.has(r[0])).toBe(false);
      expect(Number(r[1])).toBeGreaterThan(450);
    }
    expect(a.manifest.selection).toMatchObject({ capacity: 500, control_share: 0.1, seed: '20240501', model_count: 450, control_count: 50 });
  });

  it('has the decision columns after chosen_by, empty (the command line records no decisions), and an explicit empty log in the manifest', () => {
    const [header, ...rows] = a.rows;
    expect(header.slice(7, 10)).toEqual(['chosen_by', 'decision', 'decision_reason']);
    expect(rows.every((r) => r[8] === '' && r[9] === '')).toBe(true);
    const m = a.manifest as unknown as { manifest_version: number; decisions: { count: number; log: unknown[]; head: string }; model: { sha256: string }; input: { sha256: string } };
    expect(m.manifest_version).toBe(3);
    expect(m.decisions.count).toBe(0);
    expect(m.decisions.log).toEqual([]);
    expect(m.decisions.head).toBe(createHash('sha256').update(`${m.model.sha256}|${m.input.sha256}`).digest('hex'));
  });

  it('gives every model row its first reason in English', () => {
    for (const r of a.rows.slice(1, 451)) expect(r[4]).toMatch(/\S/);
    expect(a.rows.slice(1).some((r) => / — (higher|lower) than \d+% in this file$/.test(r[4]))).toBe(true);
  });
});
