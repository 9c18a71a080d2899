import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** What `npm run batch` refuses before it starts Spark: one sentence, exit 1, no output written. */
describe('npm run batch refuses up front', () => {
  it('a model with a text feature (the VAT remarks model), naming the feature and npm run score', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'batch-')), 'vat.parquet');
    const run = spawnSync('npx', ['tsx', 'src/cli/batch.ts', '--input', 'public/demo/vat-remarks-sample.csv', '--output', out, '--model', 'public/model/vat-remarks.onnx', '--lang', 'en'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The batch path does not read text features yet (the model uses merknad); use npm run score for this model.');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
