/**
 * `npm run bench:explain`: explained rows per second per core — the app's TreeSHAP (the very
 * code the workers run, here in Node on one thread: the WebAssembly SIMD kernel, and the
 * TypeScript TreeSHAP it replaced, which stays its oracle and fallback) against LightGBM's
 * native pred_contrib with num_threads=1, on the same rows of the product's model, side by
 * side in one run; prints each and its ratio. A benchmark, not a test: it never fails on speed.
 *
 *   npm run bench:explain [-- --rows 20000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readModel } from '../../src/lib/core/model/read-card';
import { readEnsemble } from '../../src/lib/core/model/read-ensemble';
import { explain, prepareExplainer } from '../../src/lib/core/explain';
import { treeShap } from '../../src/lib/core/explain/wasm-treeshap';
import { loadKernel } from '../../src/cli/load-kernel';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, repeats: { type: 'string', default: '3' } } });
const rows = Number(values.rows);
const repeats = Number(values.repeats);

// The reference writes the rows it explains (float32, card order, NaN missing) for this side.
const file = join(mkdtempSync(join(tmpdir(), 'bench-explain-')), 'rows.f32');
const native = JSON.parse(
  execFileSync('python3', ['test/bench/explain_native.py', '--rows', String(rows), '--out', file, '--repeats', String(repeats)], { encoding: 'utf8' }),
) as { rows: number; features: number; trees: number; native_contrib_rows_per_s: number; lightgbm: string };
const bytes = readFileSync(file);
const x = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);

const model = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx')));
const ensemble = readEnsemble(model.proto!).ensemble!;
const explainer = prepareExplainer(ensemble).explainer!;
if (ensemble.nFeatures !== native.features) throw new Error(`features: model ${ensemble.nFeatures}, rows ${native.features}`);

// Blocks of 4,096 rows, as the workers get them; fastest of `repeats` passes, after a warm-up.
// The TypeScript TreeSHAP (the oracle and fallback) and the WebAssembly SIMD kernel the
// workers and the CLI use, each with its own check against predictRaw (the CLI's path) and
// without (the workers' path: the page checks against onnxruntime's score instead).
const shap = treeShap(explainer, await loadKernel());
if (shap.engine !== 'wasm') throw new Error('this Node has no WebAssembly SIMD');
const block = 4096;
const rate = (run: (xs: Float32Array, n: number) => unknown): number => {
  const pass = () => {
    for (let start = 0; start < rows; start += block) {
      const n = Math.min(block, rows - start);
      run(x.subarray(start * native.features, (start + n) * native.features), n);
    }
  };
  run(x.subarray(0, Math.min(rows, 1000) * native.features), Math.min(rows, 1000));
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    pass();
    best = Math.min(best, performance.now() - t);
  }
  return (rows / best) * 1000;
};
const variants: [string, (xs: Float32Array, n: number) => unknown][] = [
  ['TypeScript TreeSHAP, checked', (xs, n) => explain(explainer, xs, n)],
  ['TypeScript TreeSHAP, unchecked (workers)', (xs, n) => explain(explainer, xs, n, { check: false })],
  ['WebAssembly SIMD kernel, checked (CLI)', (xs, n) => shap.explain(xs, n)],
  ['WebAssembly SIMD kernel, unchecked (workers)', (xs, n) => shap.explain(xs, n, { check: false })],
];
const fmt = (v: number) => Math.round(v).toLocaleString('en');
console.log(`TreeSHAP, ${native.trees} trees × ${native.features} features, ${fmt(rows)} rows, one core (${cpus()[0]?.model ?? 'unknown CPU'}):`);
console.log(`  ${`LightGBM ${native.lightgbm} pred_contrib (C++)`.padEnd(46)} ${fmt(native.native_contrib_rows_per_s).padStart(8)} rows/s per core`);
const rates = variants.map(([name, run]) => [name, rate(run)] as const);
for (const [name, r] of rates) console.log(`  ${name.padEnd(46)} ${fmt(r).padStart(8)} rows/s per core  ${(r / native.native_contrib_rows_per_s).toFixed(1)}× LightGBM`);
const [, ts] = rates[1];
const [, wasm] = rates[3];
console.log(`  kernel ÷ TypeScript, unchecked: ${(wasm / ts).toFixed(2)}×`);
console.log(`  goal (issue 19): ≥ 25× LightGBM per core, unchecked as the workers run: ${wasm / native.native_contrib_rows_per_s >= 25 ? 'met' : 'not met'}`);
