import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

/**
 * Parquet files for the explorer's tests, made once per test run: the real batch output of a CSV
 * (`npm run batch -- --explain`, the Spark job in local mode), and two variants no run would
 * write — a tampered output and a plain typed extract — made by make-scored-parquet.py from the
 * CLI's scored CSV (the same columns and metadata contract).
 */
const MODEL = 'public/model/deduction-risk.onnx';
const folder = join(tmpdir(), `fradragsrisiko-batch-${process.pid}`);

function scoredCsv(csvPath: string): string {
  mkdirSync(folder, { recursive: true });
  const out = join(folder, `${basename(csvPath, '.csv')}.scored.csv`);
  if (!existsSync(out)) {
    execFileSync('npx', ['tsx', 'src/cli/score.ts', '--input', csvPath, '--output', out, '--model', MODEL, '--explain'], { stdio: 'pipe' });
  }
  return out;
}

function convert(csvPath: string, suffix: string, flags: string[]): string {
  const out = join(folder, `${basename(csvPath, '.csv')}${suffix}.parquet`);
  if (!existsSync(out)) {
    const scored = scoredCsv(csvPath);
    execFileSync('python3', ['test/e2e/support/make-scored-parquet.py', '--scored', scored, '--input', csvPath, '--model', MODEL, '--output', out, ...flags], { stdio: 'pipe' });
  }
  return resolve(out);
}

/** The batch output (scores, ranks, statuses, contributions, metadata) of `csvPath` with the bundled default model, from the Spark job. */
export async function batchOutputFor(csvPath: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const out = join(folder, `${basename(csvPath, '.csv')}.batch.parquet`);
  if (!existsSync(out)) {
    execFileSync('npx', ['tsx', 'src/cli/batch.ts', '--input', csvPath, '--output', out, '--model', MODEL, '--explain'], { stdio: 'pipe' });
  }
  return resolve(out);
}

/** The same file with the rank-1 row's risk_probability raised by 0.01, as if edited after the run. */
export async function tamperedBatchOutputFor(csvPath: string): Promise<string> {
  return convert(csvPath, '.tampered', ['--tamper-top']);
}

/** The input columns of `csvPath` alone, typed (INT64, DOUBLE, text), without batch metadata: a plain extract. */
export async function plainParquetFor(csvPath: string): Promise<string> {
  return convert(csvPath, '.plain', ['--plain']);
}
