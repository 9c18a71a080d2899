/**
 * The WebAssembly SIMD TreeSHAP kernel (wasm/treeshap.ts through core/explain/wasm-treeshap.ts)
 * against the TypeScript TreeSHAP it mirrors (treeshap.ts, itself held to LightGBM, XGBoost,
 * scikit-learn and shap in test/oracle): within 1e-6 on every contribution of every oracle
 * fixture and of random ensembles, with the same check, flags and leaf counts. The .wasm is
 * built from source by vitest's global setup (test/support/build-wasm.ts).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { explain, prepareExplainer, type Explainer, type ExplainOptions } from '../../src/lib/core/explain';
import { compileKernel, simdSupported, treeShap } from '../../src/lib/core/explain/wasm-treeshap';
import { Mode, type TreeEnsemble } from '../../src/lib/core/model/ensemble';
import { readEnsemble } from '../../src/lib/core/model/read-ensemble';
import { readModel } from '../../src/lib/core/model/read-card';
import { countCovers } from '../../src/lib/core/model/count-covers';
import { ingestAll } from '../../src/lib/core/csv/ingest';
import { loadKernel } from '../../src/cli/load-kernel';
import { maxAbsDiff, readJson, readOnnx, toFloat32Rows } from '../oracle/load-fixture';
import { randomEnsemble, randomRows } from './random-ensemble';

let kernel: WebAssembly.Module;
beforeAll(async () => {
  const compiled = await loadKernel();
  if (!compiled) throw new Error('this Node has no WebAssembly SIMD');
  kernel = compiled;
});

/**
 * The kernel's explanation beside the TypeScript one on the same rows and options, every field
 * compared: with ready contributions where they fit (the default) and with G tables only.
 */
function expectSame(ex: Explainer, x: Float32Array, n: number, options: ExplainOptions = {}): void {
  const want = explain(ex, x, n, options);
  for (const readyBytes of [undefined, 0]) {
    const shap = treeShap(ex, kernel, { readyBytes });
    expect(shap.engine).toBe('wasm');
    const got = shap.explain(x, n, options);
    expect(got.contrib.length).toBe(want.contrib.length);
    expect(maxAbsDiff(got.contrib, want.contrib)).toBeLessThanOrEqual(1e-6);
    expect(got.failed).toEqual(want.failed);
    expect(got.failures).toBe(want.failures);
    expect(got.leafVisits).toBe(want.leafVisits);
    expect(got.problems).toEqual(want.problems);
    expect(maxAbsDiff(got.raw.filter((v) => !Number.isNaN(v)), want.raw.filter((v) => !Number.isNaN(v)))).toBe(0);
  }
}

/** Per-leaf tables where they fit, and the quadrature alone (no table memory). */
const BUDGETS = [undefined, 0];

describe('the WebAssembly TreeSHAP kernel', () => {
  it('runs here: Node has WebAssembly SIMD, and the kernel compiles', () => {
    expect(simdSupported()).toBe(true);
    expect(kernel).toBeInstanceOf(WebAssembly.Module);
  });

  it('equals the TypeScript TreeSHAP on random ensembles of depth 1–20, NaN sent either way, EQ and set splits, empty leaves, tables and quadrature', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          nFeatures: fc.integer({ min: 1, max: 24 }),
          nTrees: fc.integer({ min: 1, max: 6 }),
          maxDepth: fc.integer({ min: 1, max: 20 }),
          leafChance: fc.double({ min: 0.05, max: 0.6, noNaN: true }),
          emptyLeafChance: fc.constantFrom(0, 0.1),
          truncSets: fc.boolean(),
          budget: fc.constantFrom(...BUDGETS),
          rows: fc.integer({ min: 1, max: 80 }),
          blockRows: fc.integer({ min: 1, max: 64 }),
        }),
        ({ seed, nFeatures, nTrees, maxDepth, leafChance, emptyLeafChance, truncSets, budget, rows, blockRows }) => {
          // Deep trees with few leaves: a depth-20 path, not 2^20 leaves.
          const e = randomEnsemble(seed, { nFeatures, nTrees, maxDepth, leafChance: maxDepth > 8 ? Math.max(leafChance, 0.45) : leafChance, mixedModes: true, emptyLeafChance });
          if (truncSets) e.mode.forEach((m, k) => m === Mode.MEMBER && (e.mode[k] = Mode.MEMBER_TRUNC));
          const { explainer } = prepareExplainer(e, { memoryBudgetBytes: budget });
          if (!explainer) return; // more than 32 distinct features on a path: refused alike by both
          expectSame(explainer, randomRows(seed + 1, rows, nFeatures, 0.15), rows, { blockRows });
        },
      ),
      { numRuns: 150, seed: 20261206 },
    );
  });

  it('sends values outside int32 to no member of a truncated set, and NaN by the node’s own rule', () => {
    const e = randomEnsemble(7, { nFeatures: 3, nTrees: 4, maxDepth: 5, mixedModes: true });
    e.mode.forEach((m, k) => m === Mode.MEMBER && (e.mode[k] = Mode.MEMBER_TRUNC));
    const x = Float32Array.from({ length: 3 * 8 }, (_, k) => [3e9, -3e9, NaN, 1.9, -0.5, 0, 1.5, Infinity][k % 8]);
    expectSame(prepareExplainer(e).explainer!, x, 8);
  });

  it('gives a one-leaf tree nothing, and explains no rows as empty arrays', () => {
    const stump: TreeEnsemble = { ...randomEnsemble(3, { nTrees: 1, maxDepth: 0 }) };
    const ex = prepareExplainer(stump).explainer!;
    expectSame(ex, new Float32Array(5 * 2), 2);
    expectSame(ex, new Float32Array(0), 0);
  });

  it('explains blocks larger than the last, growing its memory, and smaller ones after', () => {
    const e = randomEnsemble(11, { nFeatures: 8, nTrees: 20, maxDepth: 7 });
    const ex = prepareExplainer(e).explainer!;
    const shap = treeShap(ex, kernel);
    for (const n of [3, 5000, 17]) {
      const x = randomRows(n, n, 8);
      expect(maxAbsDiff(shap.explain(x, n, { blockRows: 8192 }).contrib, explain(ex, x, n, { blockRows: 8192 }).contrib)).toBeLessThanOrEqual(1e-6);
    }
  });

  it('flags the rows the check fails, as the TypeScript TreeSHAP does', () => {
    const e = randomEnsemble(5, { nFeatures: 4, nTrees: 3, maxDepth: 4 });
    const ex = prepareExplainer(e).explainer!;
    // A wrong expected value makes every row miss its raw margin by 1.
    expectSame({ ...ex, expected: ex.expected + 1 }, randomRows(6, 10, 4), 10);
  });
});

interface LibraryFixture {
  rows: (number | null)[][];
}

describe.each(['xgboost-classifier', 'lightgbm-deep', 'lightgbm-wide', 'sklearn-gbc', 'sklearn-random-forest', 'sklearn-hist-gbc'])('the %s oracle through the kernel', (name) => {
  it.each(BUDGETS)('equals the TypeScript TreeSHAP within 1e-6 (table budget %s)', (budget) => {
    const doc = readJson<LibraryFixture>(`oracle/${name}.json`);
    const { ensemble } = readEnsemble(readOnnx(`oracle/${name}.onnx`));
    expectSame(prepareExplainer(ensemble!, { memoryBudgetBytes: budget }).explainer!, toFloat32Rows(doc.rows), doc.rows.length, { blockRows: 64 });
  });
});

describe('the bundled model through the kernel', () => {
  const bytes = readFileSync('public/model/deduction-risk.onnx');
  const { card, proto } = readModel(bytes);
  const ex = prepareExplainer(readEnsemble(proto!).ensemble!).explainer!;

  it('equals the TypeScript TreeSHAP on every row of the demo sample', () => {
    const ingest = ingestAll(readFileSync('public/demo/demo-sample.csv'), card!);
    expect(ingest.rows).toBeGreaterThan(1000);
    expectSame(ex, ingest.features, ingest.rows);
  });

  it('equals the TypeScript TreeSHAP on the golden rows', () => {
    const golden = readJson<LibraryFixture>('golden/lgbm-golden.json');
    expectSame(ex, toFloat32Rows(golden.rows), golden.rows.length);
  });
});

const EXPORTERS = ['lightgbm', 'lightgbm-categorical', 'xgboost', 'xgboost-categorical', 'sklearn-hgb', 'sklearn-gbc', 'sklearn-rf', 'sklearn-et', 'sklearn-dt', 'catboost', 'tree-ensemble-v5'];

describe.each(EXPORTERS)('the %s exporter fixture through the kernel', (c) => {
  it('equals the TypeScript TreeSHAP with covers counted on its rows (categorical splits and missing values included)', () => {
    const dir = `test/fixtures/exporters/${c}/`;
    const e = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as { features: string[]; score_rows: (number | null)[][] };
    const { model } = readModel(readFileSync(`${dir}model.onnx`), { card: { features: e.features.map((name) => ({ name })) } });
    const x = toFloat32Rows(e.score_rows);
    const n = e.score_rows.length;
    const trees = model!.trees!.covers === 'model' ? model!.trees! : countCovers(model!.trees!, x, n, 'file');
    for (const budget of BUDGETS) expectSame(prepareExplainer(trees, { memoryBudgetBytes: budget }).explainer!, x, n);
  });
});

describe('the fallback', () => {
  const e = randomEnsemble(9, { nFeatures: 6, nTrees: 5, maxDepth: 6, mixedModes: true });
  const ex = prepareExplainer(e).explainer!;
  const x = randomRows(10, 40, 6);

  it('is the TypeScript TreeSHAP when no kernel is given (no WebAssembly SIMD)', () => {
    const shap = treeShap(ex, null);
    expect(shap.engine).toBe('typescript');
    expect(shap.explain(x, 40)).toEqual(explain(ex, x, 40));
  });

  it('gives no kernel for bytes that are not WebAssembly', async () => {
    expect(await compileKernel(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99]))).toBeNull();
  });
});
