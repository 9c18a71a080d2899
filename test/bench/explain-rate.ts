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
) as { rows: number; features: number; trees: number; native_contrib_rows_per_s: number; native_contrib_rows_per_cpu_s: number; lightgbm: string };
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
/** Rows/s of wall time and rows per CPU-second of this process (steadier on a shared machine), fastest of `repeats`. */
const rate = (run: (xs: Float32Array, n: number) => unknown): { wall: number; cpu: number } => {
  const pass = () => {
    for (let start = 0; start < rows; start += block) {
      const n = Math.min(block, rows - start);
      run(x.subarray(start * native.features, (start + n) * native.features), n);
    }
  };
  run(x.subarray(0, Math.min(rows, 1000) * native.features), Math.min(rows, 1000));
  let best = Infinity;
  let bestCpu = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    pass();
    const used = process.cpuUsage(c);
    best = Math.min(best, performance.now() - t);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
  }
  return { wall: (rows / best) * 1000, cpu: (rows / bestCpu) * 1000 };
};
const variants: [string, (xs: Float32Array, n: number) => unknown][] = [
  ['TypeScript TreeSHAP, checked', (xs, n) => explain(explainer, xs, n)],
  ['TypeScript TreeSHAP, unchecked (workers)', (xs, n) => explain(explainer, xs, n, { check: false })],
  ['WebAssembly SIMD kernel, checked (CLI)', (xs, n) => shap.explain(xs, n)],
  ['WebAssembly SIMD kernel, unchecked (workers)', (xs, n) => shap.explain(xs, n, { check: false })],
];
const fmt = (v: number) => Math.round(v).toLocaleString('en');
console.log(`TreeSHAP, ${native.trees} trees × ${native.features} features, ${fmt(rows)} rows, one core (${cpus()[0]?.model ?? 'unknown CPU'}):`);
const lgbm = { wall: native.native_contrib_rows_per_s, cpu: native.native_contrib_rows_per_cpu_s };
const row = (name: string, r: { wall: number; cpu: number }) =>
  `  ${name.padEnd(46)} ${fmt(r.wall).padStart(8)} rows/s  ${(r.wall / lgbm.wall).toFixed(1).padStart(5)}× LightGBM | ${fmt(r.cpu).padStart(8)} rows/CPU-s  ${(r.cpu / lgbm.cpu).toFixed(1).padStart(5)}× LightGBM`;
console.log(row(`LightGBM ${native.lightgbm} pred_contrib (C++)`, lgbm));
const rates = variants.map(([name, run]) => [name, rate(run)] as const);
for (const [name, r] of rates) console.log(row(name, r));
const ts = rates[1][1];
const wasm = rates[3][1];
console.log(`  kernel ÷ TypeScript, unchecked: ${(wasm.wall / ts.wall).toFixed(2)}× (wall), ${(wasm.cpu / ts.cpu).toFixed(2)}× (CPU)`);
console.log(`  goal (issue 19): ≥ 25× LightGBM per core, unchecked as the workers run: ${(wasm.wall / lgbm.wall).toFixed(1)}× wall, ${(wasm.cpu / lgbm.cpu).toFixed(1)}× CPU — ${wasm.cpu / lgbm.cpu >= 25 ? 'met' : 'not met'}`);
