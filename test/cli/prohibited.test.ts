/**
 * A model whose card names a prohibited characteristic (test/fixtures/fairness/prohibited-kjonn.onnx,
 * written by write-prohibited-model.ts with the app's card writer): readModel warns, the CLI
 * says so on stderr and still scores, and the list's manifest names the feature.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../../src/lib/core/model/read-card';

const run = promisify(execFile);
const MODEL = 'test/fixtures/fairness/prohibited-kjonn.onnx';
const INPUT = 'test/fixtures/exporters/sklearn-dt/score.csv';

describe('a model with a feature named kjonn', () => {
  it('is read with a warning that names the feature and the word, and is not refused', () => {
    const read = readModel(readFileSync(MODEL));
    expect(read.model).not.toBeNull();
    expect(read.problems.filter((p) => p.code === 'model.prohibited_feature')).toEqual([
      { code: 'model.prohibited_feature', severity: 'warning', field: 'kjonn', params: { feature: 'kjonn', matched: 'kjønn' } },
    ]);
  });

  it('the model it was written from has no such warning', () => {
    const read = readModel(readFileSync('test/fixtures/exporters/sklearn-dt/kit.onnx'));
    expect(read.problems.some((p) => p.code === 'model.prohibited_feature')).toBe(false);
  });

  describe('on the command line', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cli-prohibited-'));
    const list = join(tmp, 'list.csv');
    let stderr = '';
    beforeAll(async () => {
      const args = ['tsx', 'src/cli/score.ts', '--model', MODEL, '--input', INPUT, '--output', join(tmp, 'scored.csv'), '--list', list, '--capacity', '5', '--seed', '7', '--lang', 'en'];
      ({ stderr } = await run('npx', args));
    }, 120_000);

    it('prints the warning on stderr and scores anyway', () => {
      expect(stderr).toContain('The feature “kjonn” seems to concern “kjønn”, a characteristic that must not drive a selection');
      expect(readFileSync(join(tmp, 'scored.csv'), 'utf8').split('\n').length).toBeGreaterThan(2);
    });

    it('names the feature in the list manifest', () => {
      const manifest = JSON.parse(readFileSync(`${list.replace(/\.csv$/, '')}.manifest.json`, 'utf8'));
      expect(manifest.model.prohibited_features).toEqual([{ feature: 'kjonn', matched: 'kjønn' }]);
    });
  });
});
