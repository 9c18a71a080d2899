/**
 * Path-dependent TreeSHAP for one tree and one row in O(nodes · ⌈D/2⌉), D the most distinct
 * features on one of the tree's paths: for trees too deep for per-leaf tables (treeshap.ts).
 *
 * The Shapley weight is a Beta integral, w(t, d) = t!(d−1−t)!/d! = ∫₀¹ uᵗ(1−u)^(d−1−t) du, so
 * what a leaf (value v, path features P, cover shares z, row outcomes o) gives feature i,
 *     v·(o_i − z_i)·Σ_{T⊆P∖i} w(|T|) Π_{j∈T} o_j Π_{j∉T∪i} z_j,
 * is v·(o_i − z_i)·∫₀¹ Π_{j∈P∖i} f_j(u) du with f_j(u) = (1−u)·z_j + u·o_j. The integrand has
 * degree ≤ D − 1, so Gauss–Legendre with ⌈D/2⌉ nodes gives it exactly. At those nodes the
 * products are plain numbers, and sums over leaves can be taken before the integral — the
 * idea of Linear TreeShap (Yu, Bifet, Read & Xu 2022, NeurIPS 35), which does the same with
 * polynomial interpolation instead of a quadrature:
 *   - top down, R(node) = Π f_j over the path's features, each with its share and outcome
 *     combined over every edge on that feature so far (a repeated feature divides out its
 *     previous factor);
 *   - bottom up, S(node) = Σ v·R over the leaves below; the edge into a node on feature i
 *     gives φ_i (o_i − z_i)·Σ_k ω_k (S − S')(u_k)/f_i(u_k), where S' sums S over the nearest
 *     edges further down on feature i (their leaves take feature i's share there).
 */
import { goesLeft, Mode, type TreeEnsemble } from '../model/ensemble';
import { gaussLegendre } from './gauss-legendre';

/** Nodes per tree are at most ⌈32/2⌉: a path has at most 32 distinct features (treeshap.ts). */
export const MAX_POINTS = 16;

/** Per number of nodes n: u_k, 1 − u_k, ω_k and ω_k / (1 − u_k), k < n. */
interface Rule {
  u: Float64Array;
  a: Float64Array;
  w: Float64Array;
  wa: Float64Array;
}

const RULES: Rule[] = [{ u: new Float64Array(0), a: new Float64Array(0), w: new Float64Array(0), wa: new Float64Array(0) }];
for (let n = 1; n <= MAX_POINTS; n++) {
  const { u, w } = gaussLegendre(n);
  const a = u.map((x) => 1 - x);
  RULES.push({ u, a, w, wa: w.map((x, k) => x / a[k]) });
}

export interface QuadratureTrees {
  /** Quadrature nodes of each tree (0 for trees explained otherwise). */
  readonly points: Uint8Array;
  /** Parent of each node (−1 at roots). */
  readonly parent: Int32Array;
  /** Share of cover along every edge on the parent's feature from the root down to this node. */
  readonly shareZ: Float64Array;
  /** The nearest node above whose incoming edge is on the same feature as this node's (−1 if none). */
  readonly previous: Int32Array;
  /** 1 where some node below has this node as `previous`. */
  readonly collects: Uint8Array;
}

/**
 * Precomputes the quadrature trees: `depth[t]` is the most distinct features on a path of
 * tree t, and `use[t]` says whether tree t is explained here.
 */
export function prepareQuadrature(e: TreeEnsemble, use: Uint8Array, depth: ArrayLike<number>): QuadratureTrees {
  const n = e.feature.length;
  const points = new Uint8Array(e.nTrees);
  const parent = new Int32Array(n).fill(-1);
  const shareZ = new Float64Array(n).fill(1);
  const previous = new Int32Array(n).fill(-1);
  const collects = new Uint8Array(n);
  // The nearest edge on each feature above the node being visited, kept along the preorder walk.
  const lastOn = new Int32Array(e.nFeatures).fill(-1);
  for (let t = 0; t < e.nTrees; t++) {
    if (!use[t]) continue;
    points[t] = Math.max(1, Math.ceil(depth[t] / 2));
    const stack: number[] = [e.treeStart[t]];
    const undo: number[] = [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node < 0) {
        // Leaving a subtree: restore the feature's last edge as it was above it.
        const f = undo.pop()!;
        lastOn[f] = undo.pop()!;
        continue;
      }
      const p = parent[node];
      if (p >= 0) {
        const f = e.feature[p];
        const before = lastOn[f];
        previous[node] = before;
        if (before >= 0) collects[before] = 1;
        const ratio = e.cover[p] > 0 ? e.cover[node] / e.cover[p] : 0.5;
        shareZ[node] = (before >= 0 ? shareZ[before] : 1) * ratio;
        undo.push(before, f);
        lastOn[f] = node;
        stack.push(-1);
      }
      if (e.left[node] >= 0) {
        parent[e.left[node]] = node;
        parent[e.right[node]] = node;
        stack.push(e.right[node], e.left[node]);
      }
    }
  }
  return { points, parent, shareZ, previous, collects };
}

export class QuadratureScratch {
  /** R top down, then S bottom up, per node and quadrature node. */
  readonly r: Float64Array;
  /** S' per node and quadrature node, for nodes whose row takes every edge on their feature. */
  readonly below: Float64Array;
  /** ⟨ω/(1−u), S'⟩ for the other nodes. */
  readonly belowDot: Float64Array;
  /** Combined outcome of the edges on the parent's feature down to this node: 1 if the row takes them all. */
  readonly outcome: Uint8Array;
  constructor(maxTreeNodes: number) {
    this.r = new Float64Array(maxTreeNodes * MAX_POINTS);
    this.below = new Float64Array(maxTreeNodes * MAX_POINTS);
    this.belowDot = new Float64Array(maxTreeNodes);
    this.outcome = new Uint8Array(maxTreeNodes);
  }
}

/**
 * Adds tree t's contributions for the row at x[xo …] into out[oo + feature].
 *
 * An edge the row does not take (o = 0) has f = (1−u)·z: a feature's factors then differ
 * by the constant ratio of their shares, and that edge's φ is −⟨ω/(1−u), S − S'⟩, a dot
 * product that the edges on its feature further down (also o = 0) pass up as one number.
 * A leaf's S is known on the way down, so leaves are finished there and the way up visits
 * branch nodes only.
 */
export function quadratureTree(
  e: TreeEnsemble,
  q: QuadratureTrees,
  t: number,
  x: Float32Array,
  xo: number,
  out: Float64Array,
  oo: number,
  scratch: QuadratureScratch,
): void {
  const { left, right, feature, threshold, mode, missingLeft, value } = e;
  const { parent, shareZ, previous, collects } = q;
  const { r, below, belowDot, outcome } = scratch;
  const K = q.points[t];
  const { u, a, w, wa } = RULES[K];
  const start = e.treeStart[t];
  const end = e.treeStart[t + 1];
  for (let k = 0; k < K; k++) r[k] = 1;
  for (let node = start; node < end; node++) {
    const l = left[node];
    if (l < 0) continue;
    const xv = x[xo + feature[node]];
    const go = xv !== xv ? missingLeft[node] === 1 : mode[node] === Mode.LEQ ? xv <= threshold[node] : goesLeft(e, node, xv);
    const no = (node - start) * K;
    const column = oo + feature[node];
    for (let side = 0; side < 2; side++) {
      const child = side === 0 ? l : right[node];
      const c = child - start;
      const co = c * K;
      const z = shareZ[child];
      const p = previous[child];
      const op = p < 0 ? 1 : outcome[p - start];
      const o = (side === 0 ? go : !go) ? op : 0;
      outcome[c] = o;
      const leaf = left[child] < 0;
      // R(child) = R(node)·f_child/f_previous; a leaf's S = v·R folds v into the factor.
      const v = leaf ? value[child] : 1;
      if (op === 1 && p >= 0) {
        const zp = shareZ[p];
        const zv = z * v;
        const ov = o * v;
        for (let k = 0; k < K; k++) r[co + k] = (r[no + k] * (a[k] * zv + ov * u[k])) / (a[k] * zp + u[k]);
      } else if (p >= 0) {
        // (1−u)·z over (1−u)·z_p: the cover ratio of this edge (0 below an edge no row reached).
        const zp = shareZ[p];
        const ratio = zp > 0 ? (z / zp) * v : 0;
        for (let k = 0; k < K; k++) r[co + k] = r[no + k] * ratio;
      } else if (o === 1) {
        const zv = z * v;
        for (let k = 0; k < K; k++) r[co + k] = r[no + k] * (a[k] * zv + v * u[k]);
      } else {
        const zv = z * v;
        for (let k = 0; k < K; k++) r[co + k] = r[no + k] * a[k] * zv;
      }
      if (leaf) {
        finishEdge(out, column, r, co, K, o, z, false, below, belowDot, c, u, a, w, wa);
        if (p >= 0) passUp(r, co, K, outcome[p - start], below, belowDot, (p - start) * K, p - start, wa);
      } else if (collects[child]) {
        if (o === 1) for (let k = 0; k < K; k++) below[co + k] = 0;
        else belowDot[c] = 0;
      }
    }
  }
  for (let node = end - 1; node > start; node--) {
    const l = left[node];
    if (l < 0) continue;
    const c = node - start;
    const co = c * K;
    const lo = (l - start) * K;
    const ro = (right[node] - start) * K;
    for (let k = 0; k < K; k++) r[co + k] = r[lo + k] + r[ro + k];
    const o = outcome[c];
    finishEdge(out, oo + feature[parent[node]], r, co, K, o, shareZ[node], collects[node] === 1, below, belowDot, c, u, a, w, wa);
    const p = previous[node];
    if (p >= 0) passUp(r, co, K, outcome[p - start], below, belowDot, (p - start) * K, p - start, wa);
  }
}

/** φ of the edge into node c: (o − z)·Σ_k ω_k (S − S')(u_k) / f(u_k). */
function finishEdge(
  out: Float64Array,
  column: number,
  r: Float64Array,
  co: number,
  K: number,
  o: number,
  z: number,
  collects: boolean,
  below: Float64Array,
  belowDot: Float64Array,
  c: number,
  u: Float64Array,
  a: Float64Array,
  w: Float64Array,
  wa: Float64Array,
): void {
  if (o === 0) {
    // (0 − z)/((1−u)·z) = −1/(1−u); nothing when z = 0 (no row took the edge, and S = 0).
    if (z === 0) return;
    let dot = 0;
    for (let k = 0; k < K; k++) dot += wa[k] * r[co + k];
    out[column] -= collects ? dot - belowDot[c] : dot;
  } else if (z !== 1) {
    let sum = 0;
    if (collects) for (let k = 0; k < K; k++) sum += (w[k] * (r[co + k] - below[co + k])) / (a[k] * z + u[k]);
    else for (let k = 0; k < K; k++) sum += (w[k] * r[co + k]) / (a[k] * z + u[k]);
    out[column] += (1 - z) * sum;
  }
}

/** Adds S of node c to S' of the edge above it on the same feature: as a vector if the row takes that edge, else as its dot product. */
function passUp(
  r: Float64Array,
  co: number,
  K: number,
  op: number,
  below: Float64Array,
  belowDot: Float64Array,
  po: number,
  pc: number,
  wa: Float64Array,
): void {
  if (op === 1) {
    for (let k = 0; k < K; k++) below[po + k] += r[co + k];
  } else {
    let dot = 0;
    for (let k = 0; k < K; k++) dot += wa[k] * r[co + k];
    belowDot[pc] += dot;
  }
}
