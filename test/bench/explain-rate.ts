/**
 * `npm run bench:explain`: explained rows per second per core — the app's TreeSHAP (the very
 * code the workers run, here in Node's V8 on one thread) against LightGBM's native
 * pred_contrib with num_threads=1, on the same rows of the product's model, side by side in
 * one run; prints both and their ratio. A benchmark, not a test: it never fails on speed.
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
const block = 4096;
const pass = () => {
  for (let start = 0; start < rows; start += block) {
    const n = Math.min(block, rows - start);
    explain(explainer, x.subarray(start * native.features, (start + n) * native.features), n);
  }
};
explain(explainer, x.subarray(0, Math.min(rows, 1000) * native.features), Math.min(rows, 1000));
let best = Infinity;
for (let i = 0; i < repeats; i++) {
  const t = performance.now();
  pass();
  best = Math.min(best, performance.now() - t);
}
const ours = (rows / best) * 1000;
const ratio = ours / native.native_contrib_rows_per_s;
const fmt = (v: number) => Math.round(v).toLocaleString('en');
console.log(`TreeSHAP, ${native.trees} trees × ${native.features} features, ${fmt(rows)} rows, one core (${cpus()[0]?.model ?? 'unknown CPU'}):`);
console.log(`  this app (TypeScript, FastTreeSHAP v2 tables):  ${fmt(ours)} rows/s per core`);
console.log(`  LightGBM ${native.lightgbm} pred_contrib (C++):        ${fmt(native.native_contrib_rows_per_s)} rows/s per core`);
console.log(`  ratio: ${ratio.toFixed(1)}× (goal ≥ 5×)`);
