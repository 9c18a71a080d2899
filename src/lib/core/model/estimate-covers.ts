import { goesLeft, type TreeEnsemble } from './ensemble';

/**
 * A copy of the ensemble whose covers are the counts of the n rows of `x` (row-major,
 * float32, NaN = missing) through each node, for files without usable nodes_hitrates.
 * Path-dependent TreeSHAP then describes the model against this data instead of the
 * training data, so the result is marked covers: 'estimated' and callers should say so.
 * Nodes no row reaches get cover 0; the explainer splits below them evenly.
 */
export function estimateCovers(e: TreeEnsemble, x: Float32Array, n: number): TreeEnsemble {
  const f = e.nFeatures;
  if (x.length < n * f) throw new RangeError(`x holds ${x.length} values, fewer than ${n} rows × ${f} features`);
  const cover = new Float64Array(e.feature.length);
  for (let t = 0; t < e.nTrees; t++) {
    const root = e.treeStart[t];
    for (let r = 0; r < n; r++) {
      let node = root;
      cover[node]++;
      while (e.left[node] >= 0) {
        node = goesLeft(e, node, x[r * f + e.feature[node]]) ? e.left[node] : e.right[node];
        cover[node]++;
      }
    }
  }
  return { ...e, cover, covers: 'estimated' };
}
