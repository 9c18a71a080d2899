/**
 * Every exporter's model against its independent answers (test/fixtures/exporters/README.md):
 * onnxruntime-Python's probabilities, shap's TreeSHAP with covers counted on train.csv and on
 * score.csv, the kit's own covers, linear SHAP; and every file in bad/ refused with its code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelFile, type LoadedModel } from '../../src/lib/runtime/node-engine';
import { readModel } from '../../src/lib/core/model/read-card';
import { countCovers } from '../../src/lib/core/model/count-covers';
import { explain, explainRow, prepareExplainer } from '../../src/lib/core/explain';
import { checkAgainstScore } from '../../src/lib/core/explain/check-score';
import { columnMeans, explainLinear } from '../../src/lib/core/explain/linear-shap';
import type { TreeEnsemble } from '../../src/lib/core/model/ensemble';
import { maxAbsDiff, toFloat32Rows } from './load-fixture';

const DIR = fileURLToPath(new URL('../fixtures/exporters/', import.meta.url));
const CASES = ['lightgbm', 'lightgbm-categorical', 'xgboost', 'xgboost-categorical', 'sklearn-hgb', 'sklearn-gbc', 'sklearn-rf', 'sklearn-et', 'sklearn-dt', 'catboost', 'linear', 'tree-ensemble-v5'];

interface Expected {
  features: string[];
  score_rows: (number | null)[][];
  output_space: 'log-odds' | 'probability';
  probability: number[];
  contrib_train_covers?: number[][];
  contrib_score_covers?: number[][];
  contrib_linear?: number[][];
  kit?: { probability: number[]; contrib?: number[][]; contrib_linear?: number[][] };
}

const expected = (c: string): Expected => JSON.parse(readFileSync(`${DIR}${c}/expected.json`, 'utf8'));

/** train.csv's feature columns as float32 rows (an empty cell is NaN); the CSV cells read back to the same float32. */
function trainRows(c: string, features: string[]): { x: Float32Array; n: number } {
  const [header, ...lines] = readFileSync(`${DIR}${c}/train.csv`, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const at = features.map((f) => cols.indexOf(f));
  const x = new Float32Array(lines.length * features.length);
  lines.forEach((line, r) => {
    const cells = line.split(',');
    at.forEach((k, j) => {
      x[r * features.length + j] = cells[k] === '' ? NaN : Math.fround(Number(cells[k]));
    });
  });
  return { x, n: lines.length };
}

/** TreeSHAP of every row in float64: the worst difference from `want` (rows × (features + 1)). */
function shapDiff(e: TreeEnsemble, x: Float32Array, want: number[][]): number {
  const { explainer } = prepareExplainer(e);
  const f = e.nFeatures;
  let worst = 0;
  want.forEach((row, r) => {
    worst = Math.max(worst, maxAbsDiff(explainRow(explainer!, x.subarray(r * f, (r + 1) * f)).contrib, row));
  });
  return worst;
}

const loaded: LoadedModel[] = [];
afterAll(async () => {
  for (const l of loaded) await l.scorer.release();
});

describe.each(CASES)('exporter %s', (c) => {
  const e = expected(c);
  const x = toFloat32Rows(e.score_rows);
  const n = e.score_rows.length;
  const minimal = { features: e.features.map((name) => ({ name })) };

  it('model.onnx with a minimal card scores as onnxruntime (Python) within 1e-6, in the output space it declares', async () => {
    const model = await loadModelFile(`${DIR}${c}/model.onnx`, { card: minimal });
    if (!('scorer' in model)) throw new Error(JSON.stringify(model.problems));
    loaded.push(model);
    expect(model.model.outputSpace).toBe(e.output_space);
    expect(model.card.io.raw_score).toBe(e.output_space);
    const p = await model.scorer.score(x, n);
    expect(maxAbsDiff(p, e.probability)).toBeLessThanOrEqual(1e-6);
    // Each row's check against onnxruntime's own probability, in the model's output space.
    const f = e.features.length;
    const m = model.model;
    const contrib = m.linear
      ? Float32Array.from(explainLinear(m.linear, columnMeans(x, n, f), x, n))
      : explain(prepareExplainer(countCovers(m.trees!, x, n, 'file')).explainer!, x, n).contrib;
    expect(checkAgainstScore(contrib, n, f, p, new Uint8Array(n), m.outputSpace)).toBe(0);
  });

  if (e.contrib_train_covers) {
    it('explains model.onnx as shap does with covers counted on train.csv, and on score.csv', () => {
      const { model } = readModel(readFileSync(`${DIR}${c}/model.onnx`), { card: minimal });
      const trees = model!.trees!;
      expect(trees.covers).toBe('none');
      const train = trainRows(c, e.features);
      expect(shapDiff(countCovers(trees, train.x, train.n, 'reference'), x, e.contrib_train_covers!)).toBeLessThanOrEqual(1e-5);
      expect(shapDiff(countCovers(trees, x, n, 'file'), x, e.contrib_score_covers!)).toBeLessThanOrEqual(1e-5);
    });
  }

  if (e.contrib_linear) {
    it('explains the linear model exactly with linear SHAP against train.csv\'s means', () => {
      const { model } = readModel(readFileSync(`${DIR}${c}/model.onnx`), { card: minimal });
      const train = trainRows(c, e.features);
      const contrib = explainLinear(model!.linear!, columnMeans(train.x, train.n, e.features.length), x, n);
      expect(maxAbsDiff(contrib, e.contrib_linear!.flat())).toBeLessThanOrEqual(1e-5);
    });
  }

  if (e.kit?.contrib_linear) {
    it('kit.onnx (linear) scores as the kit says and is explained with linear SHAP against train.csv\'s means', async () => {
      const model = await loadModelFile(`${DIR}${c}/kit.onnx`);
      if (!('scorer' in model)) throw new Error(JSON.stringify(model.problems));
      loaded.push(model);
      expect(maxAbsDiff(await model.scorer.score(x, n), e.kit!.probability)).toBeLessThanOrEqual(1e-6);
      const train = trainRows(c, e.features);
      const contrib = explainLinear(model.model.linear!, columnMeans(train.x, train.n, e.features.length), x, n);
      expect(maxAbsDiff(contrib, e.kit!.contrib_linear!.flat())).toBeLessThanOrEqual(1e-5);
    });
  }

  if (e.kit?.contrib) {
    it('kit.onnx with its own card and covers scores and explains as the kit says', async () => {
      const model = await loadModelFile(`${DIR}${c}/kit.onnx`);
      if (!('scorer' in model)) throw new Error(JSON.stringify(model.problems));
      loaded.push(model);
      expect(maxAbsDiff(await model.scorer.score(x, n), e.kit!.probability)).toBeLessThanOrEqual(1e-6);
      expect(model.model.trees!.covers).toBe('model');
      expect(shapDiff(model.model.trees!, x, e.kit!.contrib!)).toBeLessThanOrEqual(1e-5);
    });
  }
});

describe('files the app must refuse', () => {
  const codes: Record<string, string> = {
    'truncated.onnx': 'model.not_onnx',
    'not-onnx.onnx': 'model.not_onnx',
    'multiclass.onnx': 'model.multiclass',
    'int64-input.onnx': 'model.input_not_float',
    'card-not-json.onnx': 'model.card_not_json',
    'card-more-features-than-input.onnx': 'model.card_too_many_features',
    'huge-declared-v5.onnx': 'model.too_big',
    'huge-dag-v3.onnx': 'model.too_big',
  };
  it('has a code for every file in bad/', () => {
    expect(readdirSync(`${DIR}bad`).filter((f) => f.endsWith('.onnx')).sort()).toEqual(Object.keys(codes).sort());
  });
  it.each(Object.entries(codes))('%s gives %s and nothing else, without throwing', (file, code) => {
    const minimal = { features: Array.from({ length: 8 }, (_, i) => ({ name: `x${i}` })) };
    const card = file.startsWith('card-') ? undefined : minimal;
    const read = readModel(readFileSync(`${DIR}bad/${file}`), { card });
    expect(read.model).toBeNull();
    expect(read.problems.map((p) => p.code)).toEqual([code]);
  });
});
