import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFile, type LoadedModel } from '../../src/lib/runtime/node-engine';
import { ingestAll } from '../../src/lib/core/csv/ingest';
import { maxAbsDiff } from './load-fixture';

/** Written by models/fixtures.py from LightGBM and onnxruntime (Python) on the test split. */
interface Golden {
  features: string[];
  rows: (number | null)[][];
  ids: string[];
  probability: number[];
  probability_ort: number[];
}

const golden = JSON.parse(readFileSync('test/fixtures/golden/lgbm-golden.json', 'utf8')) as Golden;
let model: LoadedModel;

beforeAll(async () => {
  const loaded = await loadModelFile('public/model/deduction-risk.onnx');
  if (!('card' in loaded)) throw new Error(JSON.stringify(loaded.problems));
  model = loaded;
});

function goldenMatrix(): Float32Array {
  const f = golden.features.length;
  const x = new Float32Array(golden.rows.length * f);
  golden.rows.forEach((row, i) => row.forEach((v, j) => (x[i * f + j] = v === null ? NaN : v)));
  return x;
}

describe('the bundled model', () => {
  it('lists the golden fixture features in the same order as its card', () => {
    expect(model.card.features.map((f) => f.name)).toEqual(golden.features);
  });

  it('scores the golden rows within 1e-6 of onnxruntime in Python', async () => {
    const p = await model.scorer.score(goldenMatrix(), golden.rows.length);
    expect(maxAbsDiff(p, golden.probability_ort)).toBeLessThanOrEqual(1e-6);
  });

  it('scores the golden rows within 1e-5 of LightGBM itself', async () => {
    const p = await model.scorer.score(goldenMatrix(), golden.rows.length);
    expect(maxAbsDiff(p, golden.probability)).toBeLessThanOrEqual(1e-5);
  });

  it('reads the golden CSV extract into exactly the matrix Python scored', () => {
    const result = ingestAll(new Uint8Array(readFileSync('test/fixtures/golden/lgbm-golden.csv')), model.card);
    expect(result.rows).toBe(golden.rows.length);
    expect(result.ids).toEqual(golden.ids);
    const expected = goldenMatrix();
    for (let i = 0; i < expected.length; i++) {
      if (Number.isNaN(expected[i])) expect(result.features[i], `cell ${i}`).toBeNaN();
      else expect(result.features[i], `cell ${i}`).toBe(expected[i]);
    }
  });
});
