/**
 * `npm run bench:deep`: explained rows per second per leaf visited, for a deep model an analyst
 * may bring (LightGBM, 500 trees of up to 255 leaves, through models/kit.py) beside the
 * bundled model (299 trees, depth ≤ 6), side by side in one run, on the same rows, one core,
 * in Node: the code the workers run (the WebAssembly SIMD kernel) and the TypeScript TreeSHAP
 * it replaced (its oracle and fallback). Path-dependent TreeSHAP with precomputed tables
 * visits every leaf of every tree for each row (Yang 2021, FastTreeSHAP v2), so rows/s ×
 * leaves per row is the kernel's throughput whatever the model's shape; the issue "Any model"
 * asks the deep model to keep at least a third of the bundled model's. A benchmark, not a test.
 *
 *   npm run bench:deep [-- --rows 4000]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { readModel } from '../../src/lib/core/model/read-card';
import { readEnsemble } from '../../src/lib/core/model/read-ensemble';
import { prepareExplainer } from '../../src/lib/core/explain';
import { treeShap } from '../../src/lib/core/explain/wasm-treeshap';
import { loadKernel } from '../../src/cli/load-kernel';
import type { TreeEnsemble } from '../../src/lib/core/model/ensemble';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '4000' }, repeats: { type: 'string', default: '3' } } });
const rows = Number(values.rows);
const repeats = Number(values.repeats);

const made = JSON.parse(
  execFileSync('python3', ['test/bench/deep_model.py', '--rows', String(rows), '--out', 'test/bench/out'], { encoding: 'utf8' }).trim().split('\n').at(-1)!,
) as { model: string; rows_file: string; features: number };
const bytes = readFileSync(made.rows_file);
const x = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);

function ensembleOf(path: string): TreeEnsemble {
  const model = readModel(new Uint8Array(readFileSync(path)));
  if (!model.proto) throw new Error(`${path}: ${JSON.stringify(model.problems)}`);
  const { ensemble, problems } = readEnsemble(model.proto);
  if (!ensemble) throw new Error(`${path}: ${JSON.stringify(problems)}`);
  return ensemble;
}

function leaves(e: TreeEnsemble): number {
  let n = 0;
  for (let i = 0; i < e.left.length; i++) if (e.left[i] < 0) n++;
  return n;
}

const kernel = await loadKernel();
if (!kernel) throw new Error('this Node has no WebAssembly SIMD');

/**
 * Fastest of `repeats` passes in blocks of 4,096 rows, as the workers get them, after a warm-up;
 * and the leaves computed per row. `wasm`: the WebAssembly SIMD kernel the workers use, else
 * the TypeScript TreeSHAP (its oracle and fallback).
 */
function measure(e: TreeEnsemble, wasm: boolean): { rate: number; computed: number } {
  const explainer = prepareExplainer(e).explainer;
  if (!explainer) throw new Error('not explainable');
  const shap = treeShap(explainer, wasm ? kernel : null);
  const f = made.features;
  let visits = 0;
  const pass = () => {
    visits = 0;
    for (let start = 0; start < rows; start += 4096) {
      const n = Math.min(4096, rows - start);
      visits += shap.explain(x.subarray(start * f, (start + n) * f), n, { check: false }).leafVisits;
    }
  };
  shap.explain(x.subarray(0, Math.min(rows, 500) * f), Math.min(rows, 500), { check: false });
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    pass();
    best = Math.min(best, performance.now() - t);
  }
  return { rate: (rows / best) * 1000, computed: visits / rows };
}

const fmt = (v: number) => Math.round(v).toLocaleString('en');
const models = [
  ['bundled model', 'public/model/deduction-risk.onnx'],
  ['deep model (500 × 255 leaves)', made.model],
];
const results = [false, true].flatMap((wasm) =>
  models.map(([name, path]) => {
    const e = ensembleOf(path);
    const { rate, computed } = measure(e, wasm);
    const perRow = leaves(e);
    return { name: `${wasm ? 'wasm' : 'ts'}: ${name}`, trees: e.nTrees, depth: e.maxDepth, perRow, computed, rate };
  }),
);
console.log(`TreeSHAP per core, ${fmt(rows)} rows × ${made.features} features, no self-check (the page checks against onnxruntime) (${cpus()[0]?.model ?? 'unknown CPU'}):`);
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(30)} ${r.trees} trees, depth ≤ ${r.depth}, ${fmt(r.perRow)} leaves/row (${fmt(r.computed)} computed, the rest reused from rows with the same split pattern): ` +
      `${fmt(r.rate)} rows/s, ${((r.rate * r.perRow) / 1e6).toFixed(1)} M leaves/s, ${((r.rate * r.computed) / 1e6).toFixed(1)} M computed/s`,
  );
}
for (const [engine, [bundled, deep]] of [['TypeScript', results.slice(0, 2)], ['WebAssembly', results.slice(2)]] as const) {
  const perLeaf = (deep.rate * deep.perRow) / (bundled.rate * bundled.perRow);
  const perComputed = (deep.rate * deep.computed) / (bundled.rate * bundled.computed);
  console.log(`  ${engine}: deep ÷ bundled, rows/s × leaves in the model: ${perLeaf.toFixed(2)} (goal ≥ 0.33: ${perLeaf >= 1 / 3 ? 'met' : 'not met'})`);
  console.log(`  ${engine}: deep ÷ bundled, rows/s × leaves computed:     ${perComputed.toFixed(2)} (goal ≥ 0.33: ${perComputed >= 1 / 3 ? 'met' : 'not met'})`);
}
console.log(`  kernel ÷ TypeScript, rows/s: bundled ${(results[2].rate / results[0].rate).toFixed(2)}×, deep ${(results[3].rate / results[1].rate).toFixed(2)}×`);
