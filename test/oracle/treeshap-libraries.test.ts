import { describe, expect, it } from 'vitest';
import { explain, prepareExplainer } from '../../src/lib/core/explain';
import { predictRaw, toProbability } from '../../src/lib/core/model/predict-raw';
import { readEnsemble } from '../../src/lib/core/model/read-ensemble';
import { maxAbsDiff, readJson, readOnnx, toFloat32Rows } from './load-fixture';

/** Written by models/oracles/build_oracles.py from each library's own TreeSHAP. */
interface LibraryFixture {
  name: string;
  library: string;
  features: number;
  link: 'logistic' | 'identity';
  max_depth: number;
  rows: (number | null)[][];
  raw: number[];
  ort_probability: number[];
  contrib: number[][];
}

const FIXTURES = ['xgboost-classifier', 'lightgbm-deep', 'sklearn-gbc', 'sklearn-random-forest', 'sklearn-hist-gbc'];

describe.each(FIXTURES)('the %s oracle', (name) => {
  const doc = readJson<LibraryFixture>(`oracle/${name}.json`);
  const { ensemble, problems } = readEnsemble(readOnnx(`oracle/${name}.onnx`));
  const x = toFloat32Rows(doc.rows);
  const n = doc.rows.length;

  it('is read without problems, with the covers the fixture script stored', () => {
    expect(problems).toEqual([]);
    expect(ensemble?.covers).toBe('model');
    expect(ensemble?.link).toBe(doc.link);
    expect(ensemble?.maxDepth).toBe(doc.max_depth);
  });

  it('gives the library raw margin for every row, missing values included, within 1e-5', () => {
    expect(maxAbsDiff(predictRaw(ensemble!, x, n), doc.raw)).toBeLessThanOrEqual(1e-5);
  });

  it('gives the probability onnxruntime gives, within 1e-5', () => {
    expect(maxAbsDiff(toProbability(predictRaw(ensemble!, x, n), ensemble!.link), doc.ort_probability)).toBeLessThanOrEqual(1e-5);
  });

  it.each([
    ['per-leaf tables', undefined],
    ['direct evaluation (no table memory)', 0],
  ])('gives the library contributions and bias within 1e-5 using %s', (_, memoryBudgetBytes) => {
    const { explainer } = prepareExplainer(ensemble!, { memoryBudgetBytes });
    expect(explainer!.tableBytes > 0).toBe(memoryBudgetBytes === undefined);
    const result = explain(explainer!, x, n, { blockRows: 64 });
    expect(result.failures).toBe(0);
    expect(maxAbsDiff(result.contrib, doc.contrib.flat())).toBeLessThanOrEqual(1e-5);
  });
});
