import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelFile, type LoadedModel } from '../../src/lib/runtime/node-engine';
import { readModel } from '../../src/lib/core/model/read-card';
import { readEnsemble } from '../../src/lib/core/model/read-ensemble';
import { prepareExplainer } from '../../src/lib/core/explain';
import { treeShap } from '../../src/lib/core/explain/wasm-treeshap';
import { scoreParquet, type ParquetEngine } from '../../src/lib/core/parquet/score-parquet';
import { sha256Hex } from '../../src/lib/core/export/sha256';
import { describeProblem } from '../../src/lib/i18n/describe-problem';

/**
 * The batch output path end to end in Node with the app's own engines (onnxruntime-web's wasm,
 * TreeSHAP): the fixture test/fixtures/parquet/scored.parquet is the CLI's output for 300 rows
 * (make_fixtures.py), so its scores must pass the check and be taken as they are.
 */
const MODEL = 'public/model/deduction-risk.onnx';
const bytesOf = (path: string) => {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const expected = JSON.parse(readFileSync('test/fixtures/parquet/expected.json', 'utf8')) as { scored: { probability: (number | null)[] } };

let model: LoadedModel;
let engine: ParquetEngine;
let blocks = 0;

beforeAll(async () => {
  const loaded = await loadModelFile(MODEL);
  if (!('scorer' in loaded)) throw new Error(`model did not load: ${JSON.stringify(loaded.problems)}`);
  model = loaded;
  const proto = readModel(model.bytes).proto!;
  const shap = treeShap(prepareExplainer(readEnsemble(proto).ensemble!).explainer!, null);
  engine = {
    sha256: await sha256Hex(model.bytes),
    outputSpace: model.model.outputSpace,
    scoreBlock: (x, n) => {
      blocks++;
      return model.scorer.score(x, n);
    },
    score: (x, n) => model.scorer.score(x, n),
    explain: (x, n) => Promise.resolve(shap.explain(x, n, { check: false }).contrib),
  };
});

afterAll(async () => {
  await model?.scorer.release();
});

describe('scoreParquet', () => {
  it('takes the scores and contributions of the active model’s batch output once every sampled row matches', async () => {
    blocks = 0;
    const out = (await scoreParquet(model.card, { fileName: 'scored.parquet', file: bytesOf('test/fixtures/parquet/scored.parquet') }, {}, engine))!;
    expect(out.outcome.mode).toBe('file-scores');
    expect(out.outcome.check).toEqual({ checked: 300, count: 0, rows: [], explained: true });
    expect(out.outcome.contrib).not.toBeNull();
    expect(blocks).toBe(0);
    expect(Array.from(out.file.probability)).toEqual(expected.scored.probability.map((p) => p ?? NaN));
    expect(describeProblem('nb', out.outcome.status!, model.card.vocabulary)).toBe(
      'Åpnet resultat fra kjøringen på Spark: 300 skattemeldinger, poeng og forklaringer fra filen; 300 kontrollert på nytt her, alle stemte.',
    );
  });

  it('warns when the metadata counts other rows than the file has, and still takes scores that pass the check', async () => {
    const out = (await scoreParquet(model.card, { fileName: 'scored-cut.parquet', file: bytesOf('test/fixtures/parquet/scored-cut.parquet') }, {}, engine))!;
    expect(out.outcome.mode).toBe('file-scores');
    expect(out.outcome.check).toMatchObject({ checked: 10, count: 0 });
    expect(out.file.ingest.problems.find((p) => p.code === 'parquet.batch_rows_differ')?.params).toEqual({ said: 300, rows: 10 });
  });

  it('names the rows whose score differs and scores the whole file here', async () => {
    const off: ParquetEngine = {
      ...engine,
      score: async (x, n) => {
        const p = await engine.score(x, n);
        // The sample is every row of this small file, in order: rows 4 and 200 (0-based 3 and 199) come out otherwise here.
        if (n === 300) {
          p[3] += 1e-3;
          p[199] -= 1e-3;
        }
        return p;
      },
    };
    const out = (await scoreParquet(model.card, { fileName: 'scored.parquet', file: bytesOf('test/fixtures/parquet/scored.parquet') }, {}, off))!;
    expect(out.outcome.mode).toBe('rescored');
    expect(out.outcome.check).toMatchObject({ checked: 300, count: 2, rows: [4, 200] });
    expect(out.outcome.contrib).toBeNull();
    expect(describeProblem('en', out.outcome.status!, model.card.vocabulary)).toBe(
      'The result of the Spark run does not match: 2 of 300 checked differ (row 4, 200). The whole file was scored and explained again here.',
    );
  });

  it('scores the batch output of another model here, saying which model made it', async () => {
    blocks = 0;
    const other = { ...engine, sha256: '0'.repeat(64) };
    const out = (await scoreParquet(model.card, { fileName: 'scored.parquet', file: bytesOf('test/fixtures/parquet/scored.parquet') }, {}, other))!;
    expect(out.outcome.mode).toBe('other-model');
    expect(out.outcome.made?.modelName).toBe('deduction-risk.onnx');
    expect(out.outcome.status?.params).toEqual({ name: 'deduction-risk.onnx', sha: 'd9ea43af2e53' });
    expect(blocks).toBe(1);
    // Scored here from the same input columns: the same float32 values the CLI wrote.
    expect(Array.from(out.file.probability)).toEqual(expected.scored.probability.map((p) => p ?? NaN));
  });

  it('scores a plain extract block by block, one per row group', async () => {
    blocks = 0;
    const out = (await scoreParquet(model.card, { fileName: 'typed.parquet', file: bytesOf('test/fixtures/parquet/typed.parquet') }, {}, engine))!;
    expect(out.outcome).toMatchObject({ mode: 'plain', made: null, status: null });
    expect(blocks).toBe(3);
    expect(out.file.probability.length).toBe(300);
  });
});
