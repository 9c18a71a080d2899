import { goesLeft, Mode, type Link, type TreeEnsemble } from './ensemble';

/** Rows per block: a tree is walked for a whole block before the next tree, so its nodes stay in cache. */
const BLOCK = 256;

/**
 * The raw margin of n rows of `x` (row-major n × nFeatures, float32, NaN = missing): base
 * plus the value of the leaf each tree sends the row to. Log-odds for a binary classifier
 * with a logistic link. Summed in float64 (onnxruntime sums in float32, so the two differ
 * by float32 rounding, about 1e-7 relative).
 */
export function predictRaw(e: TreeEnsemble, x: Float32Array, n: number): Float64Array {
  const f = e.nFeatures;
  if (x.length < n * f) throw new RangeError(`x holds ${x.length} values, fewer than ${n} rows × ${f} features`);
  const raw = new Float64Array(n).fill(e.base);
  const { treeStart, left, right, feature, threshold, missingLeft, value } = e;
  const allLeq = e.mode.every((m) => m === Mode.LEQ || m === Mode.LEAF);
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (let t = 0; t < e.nTrees; t++) {
      const root = treeStart[t];
      for (let r = start; r < end; r++) {
        const offset = r * f;
        let node = root;
        if (allLeq) {
          while (left[node] >= 0) {
            const v = x[offset + feature[node]];
            node = (v !== v ? missingLeft[node] === 1 : v <= threshold[node]) ? left[node] : right[node];
          }
        } else {
          while (left[node] >= 0) node = goesLeft(e, node, x[offset + feature[node]]) ? left[node] : right[node];
        }
        raw[r] += value[node];
      }
    }
  }
  return raw;
}

/** σ(raw) for a logistic link (probability of the positive class), raw itself for an identity link. */
export function toProbability(raw: Float64Array, link: Link = 'logistic'): Float64Array {
  if (link === 'identity') return Float64Array.from(raw);
  return raw.map((r) => (r >= 0 ? 1 / (1 + Math.exp(-r)) : Math.exp(r) / (1 + Math.exp(r))));
}
