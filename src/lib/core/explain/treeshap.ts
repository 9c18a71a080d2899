/**
 * Exact path-dependent TreeSHAP for a TreeEnsemble, with precomputed per-leaf tables.
 *
 * The values are those of Lundberg et al. (2020), "From local explanations to global
 * understanding with explainable AI for trees", Nature Machine Intelligence 2:56–67,
 * Algorithm 2 (path-dependent: the share of rows down each edge is cover(child) /
 * cover(parent)); they equal LightGBM's pred_contrib, XGBoost's pred_contribs and
 * shap.TreeExplainer(feature_perturbation="tree_path_dependent") (test/oracle).
 *
 * The method follows FastTreeSHAP v2 (Yang 2021, "Fast TreeSHAP: Accelerating SHAP Value
 * Computation for Trees", arXiv:2109.09847): what a leaf gives each feature depends on the
 * row only through the set S of the leaf's path features whose splits the row satisfies,
 * so a table over all subsets of those features is computed once per leaf, and explaining
 * a row costs O(depth) lookups per leaf instead of the textbook O(depth²) path unwinding.
 *
 * For a leaf with value v and unique path features P (d = |P|), let z_j be the product of
 * cover ratios along the path's edges on feature j, and w(t) = t!(d−1−t)!/d!. The
 * contribution to feature i is v·(o_i − z_i)·Σ_{T⊆P∖i} w(|T|) Π_{j∈T} o_j Π_{j∉T∪i} z_j
 * with o_j = 1 for j ∈ S and 0 otherwise. With the table
 *     G(U) = v · Σ_{T⊆U} w(|T|) Π_{j∈P∖T} z_j        (U ⊂ P, a subset-sum over T)
 * that is −G(S) for i ∉ S and (1 − z_i)/z_i · G(S∖i) for i ∈ S. A table has 2^d entries;
 * trees whose tables do not fit the memory budget, or with a zero cover ratio on a path,
 * are explained with a quadrature over the tree's nodes instead (quadrature-tree.ts), in
 * O(⌈D/2⌉) per node whatever the depth.
 *
 * Rows are explained tree-major over blocks (4,096 rows by default), so one tree's nodes
 * and tables stay in cache while a block of rows goes through it. The set S of every leaf
 * comes from one preorder pass over the tree's nodes: each node clears, in the branch the
 * row does not take, the bit of its feature's position on the path.
 *
 * A tree's contributions depend on the row only through the outcomes of its splits, and
 * rows of a real extract repeat those outcomes often (about half the rows of a block, for
 * the product's model): within a block, a row whose outcome pattern was seen before takes
 * the stored contributions of the tree's features instead of visiting every leaf again.
 */
import { goesLeft, Mode, type TreeEnsemble } from '../model/ensemble';
import { predictRaw } from '../model/predict-raw';
import { problem, type Problem } from '../problems';
import { prepareQuadrature, QuadratureScratch, quadratureTree, type QuadratureTrees } from './quadrature-tree';

/** Tables above this many path features per leaf are never built (2^16 entries = 512 KiB for one leaf). */
const MAX_TABLE_DEPTH = 16;
/** A mask is one int32, so at most 32 distinct features on one root-to-leaf path. */
const MAX_PATH_FEATURES = 32;
/** base + Σφ must equal the raw margin within this (raw-margin units). */
export const SELF_CHECK_TOLERANCE = 1e-4;

export interface ExplainerOptions {
  /** Bytes the per-leaf tables may take in all (default 64 MiB); trees that do not fit are explained by quadrature. */
  memoryBudgetBytes?: number;
}

export interface Explainer {
  readonly ensemble: TreeEnsemble;
  /** E[f(X)] under the covers: base + Σ over leaves of value × path cover share, raw-margin units. */
  readonly expected: number;
  /** Per tree: 1 if its leaves use tables, 0 if explained by quadrature (quadrature-tree.ts). */
  readonly tableTrees: Uint8Array;
  /** Bytes taken by the tables. */
  readonly tableBytes: number;
  /** Bit of each branch node's feature in the mask of its subtree's leaves. */
  readonly nodeBit: Int32Array;
  /** Leaves of tree t are leafStart[t] … leafStart[t+1]−1. */
  readonly leafStart: Int32Array;
  readonly leafNode: Int32Array;
  /** Number of distinct features on the leaf's path. */
  readonly leafDepth: Uint8Array;
  /** Path features of leaf j are pathFeature[leafPath[j] … leafPath[j] + leafDepth[j] − 1]. */
  readonly leafPath: Int32Array;
  /** Offset of the leaf's table in `tables`, or −1 in a quadrature tree. */
  readonly leafTable: Int32Array;
  readonly pathFeature: Int32Array;
  /** z: share of cover along the path's edges on that feature. */
  readonly pathZ: Float64Array;
  /** (1 − z) / z, the factor for a feature the row satisfies. */
  readonly pathR: Float64Array;
  readonly tables: Float64Array;
  /** Largest tree, in nodes (scratch size). */
  readonly maxTreeNodes: number;
  /** Distinct features of tree t: treeFeature[treeFeatureStart[t] … treeFeatureStart[t+1]−1]. */
  readonly treeFeatureStart: Int32Array;
  readonly treeFeature: Int32Array;
  /** What the trees without tables need. */
  readonly quadrature: QuadratureTrees;
}

export interface PrepareResult {
  /** Null when the ensemble cannot be explained (see problems). */
  explainer: Explainer | null;
  problems: Problem[];
}

/** Shapley weights w(t, d) = t!(d−1−t)!/d! for t < d ≤ 32, at SHAPLEY[d * 33 + t]. */
const SHAPLEY = (() => {
  const w = new Float64Array(33 * 33);
  for (let d = 1; d <= 32; d++) {
    // w(0, d) = 1/d; w(t+1, d) = w(t, d)·(t+1)/(d−1−t).
    w[d * 33] = 1 / d;
    for (let t = 0; t + 1 < d; t++) w[d * 33 + t + 1] = (w[d * 33 + t] * (t + 1)) / (d - 1 - t);
  }
  return w;
})();

interface LeafPath {
  node: number;
  features: number[];
  z: number[];
}

/**
 * Precomputes what explaining needs: path features, cover shares and the per-leaf tables
 * chosen under the memory budget (smallest trees first, so the most trees get tables).
 * The ensemble must have covers (from the file or estimateCovers); calling it on one
 * without is a programmer error.
 */
export function prepareExplainer(e: TreeEnsemble, options: ExplainerOptions = {}): PrepareResult {
  if (e.covers === 'none') throw new Error('prepareExplainer needs node covers: call estimateCovers first');
  const budget = options.memoryBudgetBytes ?? 64 * 1024 * 1024;
  const nodeBit = new Int32Array(e.feature.length);
  const paths: LeafPath[][] = [];
  let maxTreeNodes = 1;
  let expected = e.base;

  for (let t = 0; t < e.nTrees; t++) {
    const start = e.treeStart[t];
    maxTreeNodes = Math.max(maxTreeNodes, e.treeStart[t + 1] - start);
    const leaves: LeafPath[] = [];
    const stack: LeafPath[] = [{ node: start, features: [], z: [] }];
    while (stack.length > 0) {
      const { node, features, z } = stack.pop()!;
      if (e.left[node] < 0) {
        leaves.push({ node, features, z });
        expected += e.value[node] * z.reduce((p, q) => p * q, 1);
        continue;
      }
      let k = features.indexOf(e.feature[node]);
      if (k < 0) k = features.length;
      if (k >= MAX_PATH_FEATURES) {
        return { explainer: null, problems: [problem('explain.path_too_deep', 'error', { params: { tree: t, limit: MAX_PATH_FEATURES } })] };
      }
      nodeBit[node] = 1 << k;
      for (const child of [e.right[node], e.left[node]]) {
        const f = features.slice();
        const zc = z.slice();
        if (k === f.length) {
          f.push(e.feature[node]);
          zc.push(1);
        }
        // Below a node no row reached (estimated covers) every leaf already has weight 0; split evenly so shares stay defined.
        zc[k] *= e.cover[node] > 0 ? e.cover[child] / e.cover[node] : 0.5;
        stack.push({ node: child, features: f, z: zc });
      }
    }
    leaves.sort((a, b) => a.node - b.node);
    paths.push(leaves);
  }

  // A tree takes tables only if every leaf can have one: 2^d entries, and no zero share to divide by.
  const tableable = (leaf: LeafPath) => leaf.features.length <= MAX_TABLE_DEPTH && leaf.z.every((z) => z > 0);
  const treeTable = paths.map((leaves) => (leaves.every(tableable) ? leaves.reduce((s, leaf) => s + 2 ** leaf.features.length, 0) : Infinity));
  const tableTrees = new Uint8Array(e.nTrees);
  let entries = 0;
  for (const t of [...treeTable.keys()].sort((a, b) => treeTable[a] - treeTable[b])) {
    if ((entries + treeTable[t]) * 8 > budget) break;
    tableTrees[t] = 1;
    entries += treeTable[t];
  }
  const depth = paths.map((leaves) => leaves.reduce((d, leaf) => Math.max(d, leaf.features.length), 0));
  const quadrature = prepareQuadrature(e, tableTrees.map((table) => 1 - table), depth);

  const nLeaves = paths.reduce((s, leaves) => s + leaves.length, 0);
  const nPath = paths.reduce((s, leaves) => s + leaves.reduce((q, leaf) => q + leaf.features.length, 0), 0);
  const leafStart = new Int32Array(e.nTrees + 1);
  const leafNode = new Int32Array(nLeaves);
  const leafDepth = new Uint8Array(nLeaves);
  const leafPath = new Int32Array(nLeaves + 1);
  const leafTable = new Int32Array(nLeaves).fill(-1);
  const pathFeature = new Int32Array(nPath);
  const pathZ = new Float64Array(nPath);
  const pathR = new Float64Array(nPath);
  const tables = new Float64Array(entries);
  let j = 0;
  let p = 0;
  let offset = 0;
  paths.forEach((leaves, t) => {
    leafStart[t] = j;
    for (const leaf of leaves) {
      const d = leaf.features.length;
      leafNode[j] = leaf.node;
      leafDepth[j] = d;
      leafPath[j] = p;
      for (let k = 0; k < d; k++) {
        pathFeature[p + k] = leaf.features[k];
        pathZ[p + k] = leaf.z[k];
        pathR[p + k] = leaf.z[k] > 0 ? (1 - leaf.z[k]) / leaf.z[k] : 0;
      }
      if (tableTrees[t]) {
        fillTable(tables, offset, e.value[leaf.node], leaf.z);
        leafTable[j] = offset;
        offset += 2 ** d;
      }
      p += d;
      j++;
    }
  });
  leafStart[e.nTrees] = j;
  leafPath[nLeaves] = p;
  const treeFeatureStart = new Int32Array(e.nTrees + 1);
  const treeFeatureList: number[] = [];
  for (let t = 0; t < e.nTrees; t++) {
    treeFeatureStart[t] = treeFeatureList.length;
    const seen = new Set<number>();
    for (let node = e.treeStart[t]; node < e.treeStart[t + 1]; node++) if (e.left[node] >= 0) seen.add(e.feature[node]);
    treeFeatureList.push(...[...seen].sort((a, b) => a - b));
  }
  treeFeatureStart[e.nTrees] = treeFeatureList.length;

  return {
    explainer: {
      ensemble: e,
      expected,
      tableTrees,
      tableBytes: entries * 8,
      nodeBit,
      leafStart,
      leafNode,
      leafDepth,
      leafPath,
      leafTable,
      pathFeature,
      pathZ,
      pathR,
      tables,
      maxTreeNodes,
      treeFeatureStart,
      treeFeature: Int32Array.from(treeFeatureList),
      quadrature,
    },
    problems: [],
  };
}

/** G(U) for every U ⊆ P at tables[offset + U]: g(T) = v·w(|T|)·Π_{j∉T} z_j, then a subset-sum (zeta) transform. */
function fillTable(tables: Float64Array, offset: number, v: number, z: number[]): void {
  const d = z.length;
  const size = 1 << d;
  const full = size - 1;
  const zProduct = new Float64Array(size);
  zProduct[0] = 1;
  for (let u = 1; u < size; u++) {
    const low = u & -u;
    zProduct[u] = zProduct[u ^ low] * z[31 - Math.clz32(low)];
  }
  for (let u = 0; u < full; u++) tables[offset + u] = v * SHAPLEY[d * 33 + popcount(u)] * zProduct[full ^ u];
  tables[offset + full] = 0;
  for (let bit = 1; bit < size; bit <<= 1) {
    for (let u = 0; u < size; u++) if (u & bit) tables[offset + u] += tables[offset + (u ^ bit)];
  }
}

function popcount(u: number): number {
  let c = 0;
  for (; u; u &= u - 1) c++;
  return c;
}

export interface Explanation {
  /**
   * Row-major n × (nFeatures + 1), float32, raw-margin units (log-odds for a logistic
   * model): φ of each feature, then the expected value (the same in every row). A row's
   * values add up to its raw margin.
   */
  contrib: Float32Array;
  /** The raw margin of each row, from predictRaw (float64); NaN when not checked. */
  raw: Float64Array;
  /** 1 where base + Σφ differs from the raw margin by more than SELF_CHECK_TOLERANCE. */
  failed: Uint8Array;
  failures: number;
  /**
   * Leaves computed: Σ over (row, tree) of the tree's leaves, except where the row took a
   * stored result for a split pattern seen before in its block (the work done, for benchmarks).
   */
  leafVisits: number;
  problems: Problem[];
}

export interface ExplainOptions {
  /** Rows explained together per tree (default 4,096: more rows share split patterns). */
  blockRows?: number;
  /**
   * Check each row against predictRaw, the TypeScript trees (default true). The app's page
   * checks every row against onnxruntime's own score instead (worker/scheduler.ts), so its workers
   * skip this second walk of the trees (about a tenth of their time); `raw` is then NaN.
   */
  check?: boolean;
}

/**
 * Explains n rows of `x` (row-major n × nFeatures, float32, NaN = missing) and checks
 * every row: base + Σφ must equal predictRaw. Failing rows are flagged, never hidden.
 */
export function explain(ex: Explainer, x: Float32Array, n: number, options: ExplainOptions = {}): Explanation {
  const block = Math.max(1, options.blockRows ?? 4096);
  const phi = new Float64Array(Math.min(block, Math.max(n, 1)) * (ex.ensemble.nFeatures + 1));
  const scratch = new Scratch(ex);
  return explainBlocks(ex, x, n, options, (xs, count) => {
    phi.fill(0);
    return { phi, visits: explainBlock(ex, xs, count, phi, scratch) };
  });
}

/**
 * What explains one block of rows: φ of `count` rows of `x` (row-major count × (nFeatures + 1),
 * float64; the last column is not read) and the leaves it computed. The TypeScript kernel
 * below and the WebAssembly one (wasm-treeshap.ts) both fit it, so both share explainBlocks.
 */
export type BlockKernel = (x: Float32Array, count: number) => { phi: Float64Array; visits: number };

/** explain() with the block kernel given: blocks, the expected value in the last column, and the check against predictRaw. */
export function explainBlocks(ex: Explainer, x: Float32Array, n: number, options: ExplainOptions, kernel: BlockKernel): Explanation {
  const f = ex.ensemble.nFeatures;
  const stride = f + 1;
  const block = Math.max(1, options.blockRows ?? 4096);
  const check = options.check ?? true;
  const contrib = new Float32Array(n * stride);
  const raw = new Float64Array(n);
  const failed = new Uint8Array(n);
  let failures = 0;
  let leafVisits = 0;
  for (let start = 0; start < n; start += block) {
    const count = Math.min(block, n - start);
    const xs = x.subarray(start * f, (start + count) * f);
    const { phi, visits } = kernel(xs, count);
    leafVisits += visits;
    const r = check ? predictRaw(ex.ensemble, xs, count) : null;
    for (let i = 0; i < count; i++) {
      let sum = ex.expected;
      const po = i * stride;
      const out = (start + i) * stride;
      for (let k = 0; k < f; k++) {
        sum += phi[po + k];
        contrib[out + k] = phi[po + k];
      }
      contrib[out + f] = ex.expected;
      raw[start + i] = r ? r[i] : NaN;
      if (r && !(Math.abs(sum - r[i]) <= SELF_CHECK_TOLERANCE)) {
        failed[start + i] = 1;
        failures++;
      }
    }
  }
  const problems = failures > 0 ? [problem('explain.sum_mismatch', 'warning', { params: { count: failures } })] : [];
  return { contrib, raw, failed, failures, leafVisits, problems };
}

export interface RowExplanation {
  /** φ per feature then the expected value, float64, raw-margin units. */
  contrib: Float64Array;
  raw: number;
  /** base + Σφ equals raw within SELF_CHECK_TOLERANCE. */
  ok: boolean;
}

/** One record (nFeatures float32 values, NaN = missing), in float64, for a case sheet or a waterfall. */
export function explainRow(ex: Explainer, row: Float32Array): RowExplanation {
  const f = ex.ensemble.nFeatures;
  const contrib = new Float64Array(f + 1);
  explainBlock(ex, row, 1, contrib, new Scratch(ex));
  contrib[f] = ex.expected;
  const raw = predictRaw(ex.ensemble, row, 1)[0];
  let sum = 0;
  for (let k = 0; k <= f; k++) sum += contrib[k];
  return { contrib, raw, ok: Math.abs(sum - raw) <= SELF_CHECK_TOLERANCE };
}

/** Split outcomes fit a pattern key exactly while a tree has at most this many branch nodes (2^53). */
const MAX_KEY_SPLITS = 53;

class Scratch {
  readonly mask: Int32Array;
  readonly quadrature: QuadratureScratch;
  /** One tree's contribution to each feature, for the row being computed. */
  readonly tree: Float64Array;
  /** Split-outcome pattern → slot in `stored` (per tree and block). */
  readonly seen = new Map<number, number>();
  stored = new Float64Array(0);
  constructor(ex: Explainer) {
    this.mask = new Int32Array(ex.maxTreeNodes);
    this.quadrature = new QuadratureScratch(ex.maxTreeNodes);
    this.tree = new Float64Array(ex.ensemble.nFeatures);
  }
}

/**
 * Adds φ of `count` rows of `x` into phi (row-major count × (nFeatures + 1); the last column
 * is left alone). Returns the leaves it computed (see Explanation.leafVisits).
 */
function explainBlock(ex: Explainer, x: Float32Array, count: number, phi: Float64Array, scratch: Scratch): number {
  const e = ex.ensemble;
  const f = e.nFeatures;
  const stride = f + 1;
  const { treeStart, left, right, feature, threshold, mode, missingLeft } = e;
  const { nodeBit, leafStart, leafNode, leafDepth, leafPath, leafTable, pathFeature, pathR, tables, treeFeatureStart, treeFeature, tableTrees, quadrature } = ex;
  const { mask, tree, seen } = scratch;
  let visits = 0;
  for (let t = 0; t < e.nTrees; t++) {
    const start = treeStart[t];
    const end = treeStart[t + 1];
    if (end - start === 1) continue;
    const firstLeaf = leafStart[t];
    const lastLeaf = leafStart[t + 1];
    const f0 = treeFeatureStart[t];
    const dt = treeFeatureStart[t + 1] - f0;
    const table = tableTrees[t] === 1;
    const keyed = (end - start) >> 1 <= MAX_KEY_SPLITS;
    if (keyed) {
      seen.clear();
      if (scratch.stored.length < count * dt) scratch.stored = new Float64Array(count * dt);
    }
    const stored = scratch.stored;
    for (let r = 0; r < count; r++) {
      const xo = r * f;
      const po = r * stride;
      let key = 0;
      // Tables need each leaf's set S; the pattern key needs the split outcomes; a deep quadrature tree needs neither.
      if (table || keyed) {
        mask[0] = -1;
        for (let node = start; node < end; node++) {
          const l = left[node];
          if (l < 0) continue;
          const m = mask[node - start];
          const v = x[xo + feature[node]];
          const go = v !== v ? missingLeft[node] === 1 : mode[node] === Mode.LEQ ? v <= threshold[node] : goesLeft(e, node, v);
          const cleared = m & ~nodeBit[node];
          mask[l - start] = go ? m : cleared;
          mask[right[node] - start] = go ? cleared : m;
          key = key * 2 + (go ? 1 : 0);
        }
      }
      if (keyed) {
        const slot = seen.get(key);
        if (slot !== undefined) {
          const at = slot * dt;
          for (let q = 0; q < dt; q++) phi[po + treeFeature[f0 + q]] += stored[at + q];
          continue;
        }
      }
      // Accumulate this tree's share apart, to store it for the rows that repeat its pattern.
      const out = keyed ? tree : phi;
      const oo = keyed ? 0 : po;
      if (keyed) for (let q = 0; q < dt; q++) tree[treeFeature[f0 + q]] = 0;
      visits += lastLeaf - firstLeaf;
      if (table) {
        for (let j = firstLeaf; j < lastLeaf; j++) {
          const d = leafDepth[j];
          if (d === 0) continue;
          const s = mask[leafNode[j] - start] & (d >= 32 ? -1 : (1 << d) - 1);
          const p = leafPath[j];
          const tab = leafTable[j];
          const h = tables[tab + s];
          for (let k = 0; k < d; k++) {
            const bit = 1 << k;
            if (s & bit) out[oo + pathFeature[p + k]] += pathR[p + k] * tables[tab + (s ^ bit)];
            else out[oo + pathFeature[p + k]] -= h;
          }
        }
      } else {
        quadratureTree(e, quadrature, t, x, xo, out, oo, scratch.quadrature);
      }
      if (keyed) {
        const slot = seen.size;
        seen.set(key, slot);
        const at = slot * dt;
        for (let q = 0; q < dt; q++) {
          const c = tree[treeFeature[f0 + q]];
          stored[at + q] = c;
          phi[po + treeFeature[f0 + q]] += c;
        }
      }
    }
  }
  return visits;
}
