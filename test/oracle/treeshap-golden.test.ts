import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { explain, explainRow, prepareExplainer } from '../../src/lib/core/explain';
import { decodeModel } from '../../src/lib/core/model/onnx';
import { predictRaw, toProbability } from '../../src/lib/core/model/predict-raw';
import { readEnsemble } from '../../src/lib/core/model/read-ensemble';
import { maxAbsDiff, readJson, toFloat32Rows } from './load-fixture';

/** The product model's golden rows: LightGBM's raw margin and pred_contrib (last column the bias), onnxruntime's probability. */
interface Golden {
  features: string[];
  rows: (number | null)[][];
  raw: number[];
  probability_ort: number[];
  contrib: number[][];
}

const golden = readJson<Golden>('golden/lgbm-golden.json');
const model = decodeModel(readFileSync(fileURLToPath(new URL('../../public/model/deduction-risk.onnx', import.meta.url))));
const x = toFloat32Rows(golden.rows);
const n = golden.rows.length;
const f = golden.features.length;

describe('the product model against LightGBM', () => {
  const { ensemble, problems } = readEnsemble(model);

  it('is read with the covers the pipeline stored and one input column per feature', () => {
    expect(problems).toEqual([]);
    expect(ensemble!.covers).toBe('model');
    expect(ensemble!.nFeatures).toBe(f);
  });

  it("gives LightGBM's raw margin and onnxruntime's probability within 1e-5 on every golden row", () => {
    const raw = predictRaw(ensemble!, x, n);
    expect(maxAbsDiff(raw, golden.raw)).toBeLessThanOrEqual(1e-5);
    expect(maxAbsDiff(toProbability(raw, ensemble!.link), golden.probability_ort)).toBeLessThanOrEqual(1e-5);
  });

  it("gives LightGBM's pred_contrib within 1e-5, bias included, and no row fails the self-check", () => {
    const explainer = prepareExplainer(ensemble!).explainer!;
    const result = explain(explainer, x, n);
    expect(result.failures).toBe(0);
    expect(maxAbsDiff(result.contrib, golden.contrib.flat())).toBeLessThanOrEqual(1e-5);
    const one = explainRow(explainer, x.subarray(0, f));
    expect(maxAbsDiff(one.contrib, golden.contrib[0])).toBeLessThanOrEqual(1e-5);
  });
});
