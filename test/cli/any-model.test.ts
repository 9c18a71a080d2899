import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DIR = 'test/fixtures/exporters/';

interface Expected {
  features: string[];
  probability: number[];
  contrib_train_covers: number[][];
  contrib_score_covers: number[][];
}

async function score(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('npx', ['tsx', 'src/cli/score.ts', '--lang', 'en', ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

function contributions(path: string, features: string[]): number[][] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows.map((row) => [...features.map((f) => Number(row[`contrib_${f}`])), Number(row.contrib_base)]);
}

function worst(got: number[][], want: number[][]): number {
  if (got.length !== want.length) return Infinity;
  let w = 0;
  got.forEach((row, i) => row.forEach((v, k) => (w = Math.max(w, Math.abs(v - want[i][k])))));
  return w;
}

/**
 * The headless scorer on a converter's raw file (CatBoost's, with a ZipMap, placeholder covers
 * and no card): a minimal card names the columns, covers come from --covers-from or the
 * scored file, and the answers are shap's (test/fixtures/exporters/README.md).
 */
describe('npm run score on a model from any exporter', () => {
  const e = JSON.parse(readFileSync(`${DIR}catboost/expected.json`, 'utf8')) as Expected;
  const tmp = mkdtempSync(join(tmpdir(), 'cli-any-model-'));
  const card = join(tmp, 'card.json');
  writeFileSync(card, JSON.stringify({ features: e.features.map((name) => ({ name })) }));
  const common = ['--model', `${DIR}catboost/model.onnx`, '--card', card, '--input', `${DIR}catboost/score.csv`, '--explain'];
  const runs: Record<string, { code: number; stderr: string }> = {};
  beforeAll(async () => {
    runs.reference = await score([...common, '--output', join(tmp, 'reference.csv'), '--covers-from', `${DIR}catboost/train.csv`]);
    runs.file = await score([...common, '--output', join(tmp, 'file.csv')]);
    runs.bad = await score(['--model', `${DIR}bad/multiclass.onnx`, '--card', card, '--input', `${DIR}catboost/score.csv`, '--output', join(tmp, 'bad.csv')]);
    runs.noCard = await score(['--model', `${DIR}catboost/model.onnx`, '--input', `${DIR}catboost/score.csv`, '--output', join(tmp, 'none.csv')]);
  }, 120_000);

  it('scores a raw model with a minimal card as onnxruntime does, and says its output space', () => {
    expect(runs.file.code).toBe(0);
    expect(runs.file.stderr).toMatch(/score is log-odds/);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(tmp, 'file.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const diff = Math.max(...rows.map((row, i) => Math.abs(Number(row.risk_probability) - e.probability[i])));
    expect(diff).toBeLessThanOrEqual(1e-6);
  });

  it('with --covers-from train.csv, explains as shap with training covers', () => {
    expect(runs.reference.code).toBe(0);
    expect(runs.reference.stderr).toMatch(/counted on the reference file train\.csv/);
    expect(worst(contributions(join(tmp, 'reference.csv'), e.features), e.contrib_train_covers)).toBeLessThanOrEqual(1e-5);
  });

  it('without it, counts covers on the scored file and says the file holds only placeholders', () => {
    expect(runs.file.stderr).toMatch(/counted on the file being scored/);
    expect(worst(contributions(join(tmp, 'file.csv'), e.features), e.contrib_score_covers)).toBeLessThanOrEqual(1e-5);
  });

  it('refuses a model it cannot use with exit 1 and one sentence, never a stack trace', () => {
    expect(runs.bad.code).toBe(1);
    expect(runs.bad.stderr.trim().split('\n')).toEqual(['The model tells 3 classes apart; the app reads only models with two (yes/no).']);
    expect(runs.noCard.code).toBe(1);
    expect(runs.noCard.stderr.trim().split('\n')).toHaveLength(1);
    expect(runs.noCard.stderr).toMatch(/give one with --card/);
    expect(runs.noCard.stderr).not.toMatch(/ at /);
  });
});
