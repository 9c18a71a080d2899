import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../src/lib/core/model/onnx';
import { estimateCovers } from '../../src/lib/core/model/estimate-covers';
import { explain, prepareExplainer } from '../../src/lib/core/explain';
import { predictRaw, toProbability } from '../../src/lib/core/model/predict-raw';
import { readEnsemble } from '../../src/lib/core/model/read-ensemble';
import { maxAbsDiff, readJson, toFloat32Rows } from './load-fixture';

/** Hand-built files and onnxruntime's output for them (models/oracles/ort_cases.py). */
interface OrtCases {
  onnxruntime: string;
  features: number;
  rows: (number | string | null)[][];
  cases: { name: string; expect: string; onnx: string; ort: number[] | null }[];
}

const doc = readJson<OrtCases>('oracle/ort-cases.json');
const x = toFloat32Rows(doc.rows);
const n = doc.rows.length;
const model = (b64: string) => decodeModel(Uint8Array.from(Buffer.from(b64, 'base64')));

describe(`files read as onnxruntime ${doc.onnxruntime} reads them`, () => {
  const ok = doc.cases.filter((c) => c.expect === 'ok');

  it.each(ok.map((c) => [c.name, c] as const))('%s: every row gets onnxruntime\'s output within 1e-5', (_, c) => {
    const { ensemble, problems } = readEnsemble(model(c.onnx));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const out = toProbability(predictRaw(ensemble!, x, n), ensemble!.link);
    expect(maxAbsDiff(out, c.ort!)).toBeLessThanOrEqual(1e-5);
  });

  it.each(ok.map((c) => [c.name, c] as const))('%s: contributions add up to the raw margin on every row', (_, c) => {
    const { ensemble } = readEnsemble(model(c.onnx));
    const withCovers = ensemble!.covers === 'none' ? estimateCovers(ensemble!, x, n) : ensemble!;
    for (const memoryBudgetBytes of [undefined, 0]) {
      const result = explain(prepareExplainer(withCovers, { memoryBudgetBytes }).explainer!, x, n, { blockRows: 100 });
      expect(result.failures).toBe(0);
    }
  });

  it('reads hitrates as covers from ai.onnx.ml 3 files, and finds none in ai.onnx.ml 5 files', () => {
    const covers = ok.map((c) => readEnsemble(model(c.onnx)).ensemble!.covers);
    expect(covers.filter((v) => v === 'model').length).toBe(ok.filter((c) => c.name.startsWith('v3')).length);
    expect(covers.filter((v) => v === 'none').length).toBe(ok.filter((c) => c.name.startsWith('v5')).length);
  });
});

describe('files the reader refuses', () => {
  const refused = doc.cases.filter((c) => c.expect !== 'ok');

  it.each(refused.map((c) => [c.name, c] as const))('%s gives an error problem and no ensemble', (_, c) => {
    const { ensemble, problems } = readEnsemble(model(c.onnx));
    expect(ensemble).toBeNull();
    expect(problems.map((p) => [p.code, p.severity])).toEqual([[c.expect, 'error']]);
  });
});
