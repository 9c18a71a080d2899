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

const FIXTURES = ['xgboost-classifier', 'lightgbm-deep', 'lightgbm-wide', 'sklearn-gbc', 'sklearn-random-forest', 'sklearn-hist-gbc'];
/** Paths of up to 30 distinct features: no tree fits a per-leaf table (2^16 entries at most). */
const NO_TABLES = new Set(['lightgbm-wide']);

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
    ['the quadrature (no table memory)', 0],
  ])('gives the library contributions and bias within 1e-5 using %s', (_, memoryBudgetBytes) => {
    const { explainer } = prepareExplainer(ensemble!, { memoryBudgetBytes });
    expect(explainer!.tableBytes > 0).toBe(memoryBudgetBytes === undefined && !NO_TABLES.has(name));
    const result = explain(explainer!, x, n, { blockRows: 64 });
    expect(result.failures).toBe(0);
    expect(maxAbsDiff(result.contrib, doc.contrib.flat())).toBeLessThanOrEqual(1e-5);
  });
});

describe('the lightgbm-wide oracle', () => {
  it('needs quadratures of up to 15 nodes: paths of 29–30 distinct features', () => {
    const { ensemble } = readEnsemble(readOnnx('oracle/lightgbm-wide.onnx'));
    const { explainer } = prepareExplainer(ensemble!);
    expect(Math.max(...explainer!.quadrature.points)).toBe(15);
    expect(Math.max(...explainer!.leafDepth)).toBe(30);
  });
});
