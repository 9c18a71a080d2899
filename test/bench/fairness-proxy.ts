/**
 * How long the fairness view's proxy figures take on a big file, printed (not a test):
 *   npx tsx test/bench/fairness-proxy.ts [rows]   (default 1,000,000)
 *
 * A synthetic extract with the bundled model's 34 features (values drawn around each feature's
 * training range, ~5 % missing, many ties as in real amounts), a score, and a sensitive column
 * of 20 groups of uneven size. Times one column's proxy row (a copy out of the row-major
 * matrix, one radix sort, every group's AUC and the NMI) and all 35, which is what the page
 * does once per chosen column, pausing between columns; and the group table.
 */
import { readFileSync } from 'node:fs';
import { readModel } from '../../src/lib/core/model/read-card';
import { groupsOf, proxyRow, scoredRows, selectionByGroup, SCORE } from '../../src/lib/core/fairness';
import { rankOrder } from '../../src/lib/core/metrics';
import { selectWithControl } from '../../src/lib/core/select/control-sample';

const n = Number(process.argv[2] ?? 1_000_000);
const card = readModel(readFileSync('public/model/deduction-risk.onnx')).card!;
const f = card.features.length;
const kinds = card.features.map((x) => x.kind);

let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const features = new Float32Array(n * f);
for (let k = 0; k < f; k++) {
  const { min, max } = card.features[k].training;
  const discrete = kinds[k] !== 'continuous';
  for (let r = 0; r < n; r++) {
    const u = rand();
    const v = u < 0.05 ? NaN : min + (max - min) * rand() ** 3;
    features[r * f + k] = discrete ? Math.round(v) : v;
  }
}
const prob = new Float32Array(n);
for (let r = 0; r < n; r++) prob[r] = rand() ** 4;
const column = Array.from({ length: n }, () => String(Math.floor(20 * rand() ** 2)));

const time = <T>(what: string, fn: () => T): T => {
  const t0 = performance.now();
  const out = fn();
  console.log(`${what}: ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
};

const groups = time('groups of the sensitive column', () => groupsOf(column, n));
const rows = time('scored rows', () => scoredRows(prob));
const order = rankOrder(prob);
const selection = selectWithControl(order, prob, { capacity: Math.round(n / 4), controlShare: 0.1, seed: 1 });
time('group table (selection by group)', () => selectionByGroup(groups, selection.kindByRow, prob, null));
time('one feature (lonnsinntekt, deciles)', () => proxyRow(kinds.findIndex((_, k) => card.features[k].name === 'lonnsinntekt'), features, kinds, prob, rows, groups));
time('the score', () => proxyRow(SCORE, features, kinds, prob, rows, groups));
const each: number[] = [];
time(`all ${f} features and the score`, () => {
  for (const k of [...kinds.keys(), SCORE]) {
    const t0 = performance.now();
    proxyRow(k, features, kinds, prob, rows, groups);
    each.push(performance.now() - t0);
    if (process.env.BENCH_VERBOSE) console.log(`  ${k === SCORE ? 'score' : card.features[k].name}: ${each[each.length - 1].toFixed(0)} ms`);
  }
});
console.log(`longest single column (the longest the page is held between two pauses): ${Math.max(...each).toFixed(0)} ms; median ${each.sort((a, b) => a - b)[each.length >> 1].toFixed(0)} ms`);
