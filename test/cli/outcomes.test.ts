import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'outcomes-'));
const list = join(dir, 'liste.csv');
const form = join(dir, 'liste.utfall.csv');

/** The demo sample's labels by id, read here with papaparse, not with the app's intake. */
const demo = Papa.parse<Record<string, string>>(readFileSync('public/demo/demo-sample.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const label = new Map(demo.map((r) => [r.skattyter_id, r.feil_fradrag]));

/** Runs the outcomes CLI; exit code, stderr and the JSON written. */
async function outcomes(outcomesPath: string, extra: string[] = [], listPath = list): Promise<{ code: number; stderr: string; json: Record<string, any> | null }> {
  const output = join(dir, `estimates-${Math.random().toString(36).slice(2)}.json`);
  try {
    const { stderr } = await run('npx', ['tsx', 'src/cli/outcomes.ts', '--list', listPath, '--outcomes', outcomesPath, '--output', output, ...extra]);
    return { code: 0, stderr, json: JSON.parse(readFileSync(output, 'utf8')) };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr, json: null };
  }
}

/** Rows of a ';' file with a BOM (the excel-nb dialect the list and form are written in). */
function rowsOf(path: string): string[][] {
  return Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd(), { delimiter: ';', newline: '\r\n' }).data;
}

let manifest: { rows: { scored: number }; selection: { model_count: number; control_count: number; list_key: string } };
let formRows: string[][];
let filled: string;

beforeAll(async () => {
  await run('npx', ['tsx', 'src/cli/score.ts', '--input', 'public/demo/demo-sample.csv', '--list', list, '--capacity', '30%', '--control-share', '0.5', '--seed', '7', '--lang', 'nb']);
  manifest = JSON.parse(readFileSync(join(dir, 'liste.manifest.json'), 'utf8'));
  formRows = rowsOf(form);
  // Fill the form from the demo labels; every 9th row stays unchecked; errors get an amount.
  const lines = formRows.map((r, i) => {
    if (i === 0 || i % 9 === 0) return r.join(';');
    const y = label.get(r[0])!;
    return [r[0], r[1], r[2], y, y === '1' ? `${1000 * ((i % 7) + 1)},50` : ''].join(';');
  });
  filled = join(dir, 'utfall.csv');
  writeFileSync(filled, `\uFEFF${lines.join('\r\n')}\r\n`);
}, 120_000);

describe('npm run score -- --list writes the outcomes form beside the list', () => {
  it('one row per list row in list order, the list’s ids, the key, the arm, and empty outcome cells', () => {
    const listRows = rowsOf(list);
    expect(formRows[0]).toEqual(['skattyter_id', 'liste', 'utvalg', 'utfall', 'korrigert_beløp']);
    expect(formRows.length).toBe(listRows.length);
    expect(formRows.slice(1).map((r) => r[0])).toEqual(listRows.slice(1).map((r) => r[0]));
    expect(new Set(formRows.slice(1).map((r) => r[1]))).toEqual(new Set([manifest.selection.list_key]));
    const arms = formRows.slice(1).map((r) => r[2]);
    expect(arms.filter((a) => a === 'modell').length).toBe(manifest.selection.model_count);
    expect(arms.filter((a) => a === 'kontroll').length).toBe(manifest.selection.control_count);
    expect(formRows.slice(1).every((r) => r[3] === '' && r[4] === '')).toBe(true);
  });
});

describe('npm run outcomes', () => {
  it('writes the estimates with the issue’s keys, equal to counts and formulas worked out here from the files', async () => {
    const { code, json } = await outcomes(filled, ['--lang', 'en']);
    expect(code).toBe(0);
    // Counts from the form and the labels, independently of the app: the arm from the form's own utvalg column.
    const arm = { modell: { selected: 0, checked: 0, errors: 0, amount: 0 }, kontroll: { selected: 0, checked: 0, errors: 0, amount: 0 } };
    formRows.slice(1).forEach((r, k) => {
      const i = k + 1;
      const a = arm[r[2] as 'modell' | 'kontroll'];
      a.selected++;
      if (i % 9 === 0) return;
      a.checked++;
      if (label.get(r[0]) === '1') {
        a.errors++;
        a.amount += 1000 * ((i % 7) + 1) + 0.5;
      }
    });
    const N = manifest.rows.scored;
    const n = manifest.selection.model_count;
    const h1 = arm.modell.errors / arm.modell.checked;
    const h0 = arm.kontroll.errors / arm.kontroll.checked;
    expect(json!.rows_in_file).toBe(N);
    expect(json!.model_arm).toMatchObject({ selected: arm.modell.selected, checked: arm.modell.checked, unchecked: arm.modell.selected - arm.modell.checked, errors: arm.modell.errors });
    expect(json!.random_arm).toMatchObject({ selected: arm.kontroll.selected, checked: arm.kontroll.checked, errors: arm.kontroll.errors });
    expect(json!.model_arm.hit_rate.value).toBeCloseTo(h1, 12);
    expect(json!.random_arm.hit_rate.value).toBeCloseTo(h0, 12);
    expect(json!.errors_outside_model_arm.value).toBeCloseTo((N - n) * h0, 9);
    expect(json!.total_errors.value).toBeCloseTo(n * h1 + (N - n) * h0, 9);
    expect(json!.model_recall.value).toBeCloseTo((n * h1) / (n * h1 + (N - n) * h0), 12);
    // The demo sample is small: its random group finds a handful of errors at most.
    expect(arm.kontroll.errors).toBeGreaterThan(0);
    expect(json!.lift_model_vs_random.value).toBeCloseTo(h1 / h0, 12);
    for (const key of ['errors_outside_model_arm', 'total_errors', 'model_recall', 'lift_model_vs_random']) {
      const [lo, hi] = json![key].ci95;
      expect(lo).toBeLessThanOrEqual(json![key].value);
      expect(hi).toBeGreaterThanOrEqual(json![key].value);
    }
    expect(json!.corrected_amount_nok.model_arm_sum).toBeCloseTo(arm.modell.amount, 6);
    expect(json!.corrected_amount_nok.random_arm_sum).toBeCloseTo(arm.kontroll.amount, 6);
    expect(json!.list_key).toBe(manifest.selection.list_key);
    expect(json!.rows_not_scored).toBe(0);
    expect(json!.unmatched_ids).toBe(0);
    expect(json!.interval_method.hit_rate).toMatch(/Wilson/);
    expect(json!.problems.map((p: { code: string }) => p.code)).toContain('loop.unchecked');
  });

  it('refuses a list edited after the export with one sentence, exit 1', async () => {
    const edited = join(dir, 'edited', 'liste.csv');
    await run('mkdir', ['-p', join(dir, 'edited')]);
    writeFileSync(edited, readFileSync(list, 'utf8').replace(/;(\d+);/, ';$1 ;'));
    writeFileSync(join(dir, 'edited', 'liste.manifest.json'), readFileSync(join(dir, 'liste.manifest.json')));
    const r = await outcomes(filled, ['--lang', 'en'], edited);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('The list liste.csv does not match the manifest liste.manifest.json: the list was edited after the export, or the manifest belongs to another list.');
  });

  it('refuses outcomes that carry another list’s key, in Norwegian when asked', async () => {
    const other = join(dir, 'other-key.csv');
    writeFileSync(other, readFileSync(filled, 'utf8').replaceAll(manifest.selection.list_key, '0000000000000000'));
    const r = await outcomes(other, ['--lang', 'nb']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Utfallsfilen other-key\.csv hører til en annen liste: linje 2 har listenøkkel 0000000000000000/);
  });

  it('refuses outcomes without a key whose ids are mostly not on the list', async () => {
    const stray = join(dir, 'stray.csv');
    writeFileSync(stray, 'skattyter_id;utfall\nX1;1\nX2;0\nX3;0\n');
    const r = await outcomes(stray, ['--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('The outcomes file stray.csv belongs to another list: only 0 of its 3 ids are on liste.csv.');
  });

  it('exits 2 for missing arguments', async () => {
    const r = await run('npx', ['tsx', 'src/cli/outcomes.ts', '--list', list]).catch((e) => e);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--outcomes/);
  });
});
