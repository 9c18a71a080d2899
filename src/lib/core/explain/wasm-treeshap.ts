/**
 * TreeSHAP through the WebAssembly SIMD kernel (wasm/treeshap.ts, built by wasm/build.mjs),
 * with the TypeScript kernel (treeshap.ts) as the fallback where WebAssembly SIMD is missing.
 *
 * Pure: the edge hands over the compiled module (the worker fetches the .wasm from the app's
 * origin, the CLI reads the file); nothing here fetches or touches the DOM. One instance, with
 * its own linear memory, per model: `treeShap` lays the explainer's tables into that memory
 * once, and the scratch for a block of rows after them, grown when a larger block comes.
 * Dropping the TreeShap drops the memory.
 *
 * The kernel computes what the TypeScript one computes, in the same float64 arithmetic up to
 * the order of additions; test/explain/wasm-treeshap.test.ts holds the two within 1e-6 on
 * every contribution of the oracle fixtures and of random ensembles.
 */
import { gaussLegendre } from './gauss-legendre';
import { MAX_POINTS } from './quadrature-tree';
import { Mode } from '../model/ensemble';
import { explain, explainBlocks, type Explainer, type Explanation, type ExplainOptions } from './treeshap';

export interface TreeShap {
  readonly explainer: Explainer;
  /** 'wasm' when the WebAssembly SIMD kernel explains the blocks, 'typescript' for the fallback. */
  readonly engine: 'wasm' | 'typescript';
  /** Same inputs, outputs and check as explain() in treeshap.ts. */
  explain(x: Float32Array, n: number, options?: ExplainOptions): Explanation;
}

/**
 * The smallest module using a v128 instruction, `(func (result v128) (v128.const i64x2 0 0))`:
 * validates only where WebAssembly SIMD is supported (the probe wasm-feature-detect uses).
 */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

/** True when this engine runs WebAssembly with 128-bit SIMD. */
export function simdSupported(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function' && WebAssembly.validate(SIMD_PROBE);
}

/** Compiles the kernel's bytes; null where WebAssembly SIMD is missing or the bytes do not compile (the fallback then explains). */
export async function compileKernel(bytes: BufferSource): Promise<WebAssembly.Module | null> {
  if (!simdSupported()) return null;
  try {
    return await WebAssembly.compile(bytes);
  } catch {
    return null;
  }
}

export interface TreeShapOptions {
  /**
   * Bytes the kernel may spend on ready contributions (default 32 MiB): for a table tree's
   * leaf, the d values it adds for every set S (2^d · d float64), formed once from its G table
   * so that a row costs d additions per leaf instead of d lookups, products and branches.
   * Trees are given them smallest first; the rest use the G tables as treeshap.ts does.
   */
  readyBytes?: number;
}

/** TreeSHAP for `ex`: through the kernel when one is given, else the TypeScript implementation. */
export function treeShap(ex: Explainer, kernel: WebAssembly.Module | null, options: TreeShapOptions = {}): TreeShap {
  if (!kernel) return { explainer: ex, engine: 'typescript', explain: (x, n, options = {}) => explain(ex, x, n, options) };
  const k = new Kernel(kernel, ex, options.readyBytes ?? 32 * 1024 * 1024);
  return { explainer: ex, engine: 'wasm', explain: (x, n, options = {}) => explainBlocks(ex, x, n, options, (xs, count) => k.block(xs, count)) };
}

interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  configure(header: number): void;
  explainBlock(count: number): number;
}

/** The header fields, in the order wasm/treeshap.ts `configure` reads them (one i32 each). */
const FIELDS = [
  'F', 'NT', 'TREE_START', 'LEAF_START', 'FEAT_START', 'TREE_FEATURE', 'TABLE_TREE', 'POINTS', 'NODES', 'SET_START', 'SET_VALUES',
  'LEAVES', 'PATH_Q', 'PATH_R', 'TABLES', 'VALUE', 'PARENT', 'SHARE_Z', 'PREVIOUS', 'COLLECTS', 'RULES', 'MASK', 'QR', 'BELOW',
  'BELOW_DOT', 'OUTCOME', 'ACC', 'STORED', 'HASH_KEY', 'HASH_SLOT', 'HASH_STAMP', 'HASH_BITS', 'X', 'PHI', 'BRANCH_START', 'BRANCHES',
  'SPLIT_START', 'SPLIT_FEATURE', 'SPLIT_THRESHOLD', 'SPLIT_MISSING', 'MASK2', 'ACC2', 'ROW_SLOT', 'SLOT_KEY',
] as const;
type Field = (typeof FIELDS)[number];

/** Packed node record (wasm/treeshap.ts NODE_SIZE) and leaf record sizes, in bytes. */
const NODE_BYTES = 32;
const LEAF_BYTES = 16;
const PAGE = 65536;

/** Per tree, the float64 entries of its ready contributions (Σ over leaves of 2^d · d), or 0: table trees, smallest first, within the budget. */
function readyTrees(ex: Explainer, budgetBytes: number): Float64Array {
  const e = ex.ensemble;
  const size = new Float64Array(e.nTrees);
  for (let t = 0; t < e.nTrees; t++) {
    if (!ex.tableTrees[t]) continue;
    for (let j = ex.leafStart[t]; j < ex.leafStart[t + 1]; j++) size[t] += 2 ** ex.leafDepth[j] * ex.leafDepth[j];
  }
  const ready = new Float64Array(e.nTrees);
  let bytes = 0;
  for (const t of [...size.keys()].filter((t) => ex.tableTrees[t]).sort((a, b) => size[a] - size[b])) {
    if (bytes + size[t] * 8 > budgetBytes) break;
    ready[t] = size[t];
    bytes += size[t] * 8;
  }
  return ready;
}

/**
 * Leaf j's ready contributions at out[at + S·d + k]: −G(S) where S lacks path feature k,
 * (1 − z_k)/z_k · G(S∖k) where it holds it (treeshap.ts). Returns the entries written.
 */
function fillReady(out: Float64Array, at: number, ex: Explainer, j: number): number {
  const d = ex.leafDepth[j];
  const g = ex.leafTable[j];
  const p = ex.leafPath[j];
  for (let set = 0; set < 2 ** d; set++) {
    for (let k = 0; k < d; k++) {
      const bit = 1 << k;
      out[at + set * d + k] = set & bit ? ex.pathR[p + k] * ex.tables[g + (set ^ bit)] : -ex.tables[g + set];
    }
  }
  return 2 ** d * d;
}

/** Bump allocation of 16-byte-aligned regions (v128 loads want no more). */
class Layout {
  constructor(public end: number) {}
  take(bytes: number): number {
    const at = Math.ceil(this.end / 16) * 16;
    this.end = at + bytes;
    return at;
  }
}

class Kernel {
  readonly #exports: KernelExports;
  readonly #ex: Explainer;
  readonly #header: number;
  readonly #fields = new Map<Field, number>();
  /** Where the model's part ends and the block scratch begins. */
  readonly #modelEnd: number;
  #blockRows = 0;

  constructor(module: WebAssembly.Module, ex: Explainer, readyBytes: number) {
    this.#exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    this.#ex = ex;
    const layout = new Layout(this.#exports.heapBase());
    this.#header = layout.take(FIELDS.length * 4);
    this.#modelEnd = this.#layModel(layout, readyTrees(ex, readyBytes));
  }

  /** φ of `count` rows of x; the returned view is valid until the next call. */
  block(x: Float32Array, count: number): { phi: Float64Array; visits: number } {
    if (count > this.#blockRows) this.#layScratch(count);
    const f = this.#ex.ensemble.nFeatures;
    const { memory } = this.#exports;
    new Float32Array(memory.buffer, this.#fields.get('X')!, count * f).set(x.subarray(0, count * f));
    const visits = this.#exports.explainBlock(count);
    return { phi: new Float64Array(memory.buffer, this.#fields.get('PHI')!, count * (f + 1)), visits };
  }

  #grow(end: number): void {
    const { memory } = this.#exports;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
  }

  /** The model's tables, packed: written once per model. `ready[t]` is the size of tree t's ready contributions, 0 if it has none. */
  #layModel(layout: Layout, ready: Float64Array): number {
    const ex = this.#ex;
    const e = ex.ensemble;
    const q = ex.quadrature;
    const nNodes = e.feature.length;
    const nLeaves = ex.leafNode.length;
    const nPath = ex.pathFeature.length;
    const readyEntries = ready.reduce((sum, size) => sum + size, 0);
    let nBranches = 0;
    for (let n = 0; n < nNodes; n++) if (e.left[n] >= 0) nBranches++;
    // Trees whose splits are all x ≤ t get their branches' features, thresholds and NaN sides
    // as arrays padded to fours, for the kernel's four-at-a-time pattern key.
    const leqTree = (t: number) => e.mode.subarray(e.treeStart[t], e.treeStart[t + 1]).every((m, k) => m === Mode.LEQ || e.left[e.treeStart[t] + k] < 0);
    let nSplits = 0;
    const splitStart = new Int32Array(e.nTrees).fill(-1);
    for (let t = 0; t < e.nTrees; t++) {
      if (!leqTree(t)) continue;
      splitStart[t] = nSplits;
      let branches = 0;
      for (let n = e.treeStart[t]; n < e.treeStart[t + 1]; n++) if (e.left[n] >= 0) branches++;
      nSplits += Math.ceil(branches / 4) * 4;
    }
    const at = (field: Field, bytes: number) => this.#fields.set(field, layout.take(bytes)).get(field)!;
    const regions: [Field, number][] = [
      ['TREE_START', (e.nTrees + 1) * 4],
      ['LEAF_START', (e.nTrees + 1) * 4],
      ['FEAT_START', (e.nTrees + 1) * 4],
      ['TREE_FEATURE', ex.treeFeature.length * 4],
      ['TABLE_TREE', e.nTrees],
      ['POINTS', e.nTrees],
      ['NODES', nNodes * NODE_BYTES],
      ['BRANCH_START', (e.nTrees + 1) * 4],
      ['BRANCHES', nBranches * NODE_BYTES],
      ['SPLIT_START', e.nTrees * 4],
      ['SPLIT_FEATURE', nSplits * 4],
      ['SPLIT_THRESHOLD', nSplits * 4],
      ['SPLIT_MISSING', nSplits * 4],
      ['SET_START', e.setStart.length * 4],
      ['SET_VALUES', e.setValues.length * 4],
      ['LEAVES', nLeaves * LEAF_BYTES],
      ['PATH_Q', nPath * 4],
      ['PATH_R', nPath * 8],
      ['TABLES', (ex.tables.length + readyEntries) * 8],
      ['VALUE', nNodes * 8],
      ['PARENT', nNodes * 4],
      ['SHARE_Z', nNodes * 8],
      ['PREVIOUS', nNodes * 4],
      ['COLLECTS', nNodes],
      ['RULES', (MAX_POINTS + 1) * 4 * MAX_POINTS * 8],
    ];
    for (const [field, bytes] of regions) at(field, bytes);
    this.#grow(layout.end);
    const buffer = this.#exports.memory.buffer;
    const i32 = (field: Field, n: number) => new Int32Array(buffer, this.#fields.get(field)!, n);
    const f64 = (field: Field, n: number) => new Float64Array(buffer, this.#fields.get(field)!, n);
    const u8 = (field: Field, n: number) => new Uint8Array(buffer, this.#fields.get(field)!, n);

    i32('TREE_START', e.nTrees + 1).set(e.treeStart);
    i32('LEAF_START', e.nTrees + 1).set(ex.leafStart);
    i32('FEAT_START', e.nTrees + 1).set(ex.treeFeatureStart);
    i32('TREE_FEATURE', ex.treeFeature.length).set(ex.treeFeature);
    u8('TABLE_TREE', e.nTrees).set(ex.tableTrees.map((table, t) => (ready[t] > 0 ? 2 : table)));
    u8('POINTS', e.nTrees).set(q.points);
    i32('SET_START', e.setStart.length).set(e.setStart);
    new Float32Array(buffer, this.#fields.get('SET_VALUES')!, e.setValues.length).set(e.setValues);
    f64('PATH_R', nPath).set(ex.pathR);
    const tables = f64('TABLES', ex.tables.length + readyEntries);
    tables.set(ex.tables);
    let readyAt = ex.tables.length;
    f64('VALUE', nNodes).set(e.value);
    i32('PARENT', nNodes).set(q.parent);
    f64('SHARE_Z', nNodes).set(q.shareZ);
    i32('PREVIOUS', nNodes).set(q.previous);
    u8('COLLECTS', nNodes).set(q.collects);

    // A tree's features are numbered locally (their rank in treeFeature), so its share of a row accumulates in a short array.
    const local = new Int32Array(e.nFeatures);
    const nodeView = new DataView(buffer, this.#fields.get('NODES')!, nNodes * NODE_BYTES);
    const nodeBytes = new Uint8Array(buffer, this.#fields.get('NODES')!, nNodes * NODE_BYTES);
    const branchBytes = new Uint8Array(buffer, this.#fields.get('BRANCHES')!, nBranches * NODE_BYTES);
    const branchView = new DataView(buffer, this.#fields.get('BRANCHES')!, nBranches * NODE_BYTES);
    const branchStart = i32('BRANCH_START', e.nTrees + 1);
    i32('SPLIT_START', e.nTrees).set(splitStart);
    const splitFeature = i32('SPLIT_FEATURE', nSplits);
    const splitThreshold = new Float32Array(buffer, this.#fields.get('SPLIT_THRESHOLD')!, nSplits);
    const splitMissing = i32('SPLIT_MISSING', nSplits);
    let b = 0;
    const leafView = i32('LEAVES', nLeaves * 4);
    const pathQ = i32('PATH_Q', nPath);
    for (let t = 0; t < e.nTrees; t++) {
      for (let k = ex.treeFeatureStart[t]; k < ex.treeFeatureStart[t + 1]; k++) local[ex.treeFeature[k]] = k - ex.treeFeatureStart[t];
      const start = e.treeStart[t];
      for (let n = start; n < e.treeStart[t + 1]; n++) {
        const o = n * NODE_BYTES;
        const branch = e.left[n] >= 0;
        nodeView.setInt32(o, e.feature[n], true);
        nodeView.setInt32(o + 4, branch ? local[e.feature[n]] : 0, true);
        nodeView.setFloat32(o + 8, e.threshold[n], true);
        nodeView.setInt32(o + 12, branch ? e.left[n] - start : -1, true);
        nodeView.setInt32(o + 16, branch ? e.right[n] - start : -1, true);
        nodeView.setInt32(o + 20, ex.nodeBit[n], true);
        nodeView.setUint8(o + 24, e.mode[n]);
        nodeView.setUint8(o + 25, e.missingLeft[n]);
        nodeView.setInt32(o + 28, e.memberSet[n], true);
      }
      // The branch records: the same bytes, with the node's own local index where the local feature was.
      branchStart[t] = b;
      for (let n = start; n < e.treeStart[t + 1]; n++) {
        if (e.left[n] < 0) continue;
        branchBytes.set(nodeBytes.subarray(n * NODE_BYTES, (n + 1) * NODE_BYTES), b * NODE_BYTES);
        branchView.setInt32(b * NODE_BYTES + 4, n - start, true);
        if (splitStart[t] >= 0) {
          const s = splitStart[t] + b - branchStart[t];
          splitFeature[s] = e.feature[n];
          splitThreshold[s] = e.threshold[n];
          splitMissing[s] = e.missingLeft[n] ? -1 : 0;
        }
        b++;
      }
      for (let j = ex.leafStart[t]; j < ex.leafStart[t + 1]; j++) {
        leafView[j * 4] = ex.leafNode[j] - start;
        leafView[j * 4 + 1] = ex.leafDepth[j];
        leafView[j * 4 + 2] = ex.leafPath[j];
        leafView[j * 4 + 3] = ex.leafTable[j];
        for (let p = ex.leafPath[j]; p < ex.leafPath[j] + ex.leafDepth[j]; p++) pathQ[p] = local[ex.pathFeature[p]];
        if (ready[t] > 0) {
          leafView[j * 4 + 3] = readyAt;
          readyAt += fillReady(tables, readyAt, ex, j);
        }
      }
    }

    branchStart[e.nTrees] = b;

    // Gauss–Legendre rules as quadrature-tree.ts builds them; lanes past K: u = 1 − u = ½, ω = 0 (see the kernel).
    const rules = f64('RULES', (MAX_POINTS + 1) * 4 * MAX_POINTS);
    for (let K = 1; K <= MAX_POINTS; K++) {
      const { u, w } = gaussLegendre(K);
      for (let k = 0; k < MAX_POINTS; k++) {
        const inside = k < K;
        const a = inside ? 1 - u[k] : 0.5;
        rules[(K * 4) * MAX_POINTS + k] = inside ? u[k] : 0.5;
        rules[(K * 4 + 1) * MAX_POINTS + k] = a;
        rules[(K * 4 + 2) * MAX_POINTS + k] = inside ? w[k] : 0;
        rules[(K * 4 + 3) * MAX_POINTS + k] = inside ? w[k] / a : 0;
      }
    }
    return layout.end;
  }

  /** Scratch and the row block for up to `rows` rows, after the model's part; memory grows, never shrinks, within a model. */
  #layScratch(rows: number): void {
    const ex = this.#ex;
    const f = ex.ensemble.nFeatures;
    const nodes = ex.maxTreeNodes;
    let maxDt = 1;
    for (let t = 0; t < ex.ensemble.nTrees; t++) maxDt = Math.max(maxDt, ex.treeFeatureStart[t + 1] - ex.treeFeatureStart[t]);
    // Open addressing at most half full: one pattern per row of the block at worst.
    const hashBits = Math.max(4, Math.ceil(Math.log2(rows * 2)));
    const layout = new Layout(this.#modelEnd);
    const regions: [Field, number][] = [
      ['MASK', nodes * 4],
      ['QR', nodes * MAX_POINTS * 8],
      ['BELOW', nodes * MAX_POINTS * 8],
      ['BELOW_DOT', nodes * 8],
      ['OUTCOME', nodes],
      ['ACC', maxDt * 8],
      ['STORED', rows * maxDt * 8],
      ['HASH_KEY', 2 ** hashBits * 8],
      ['HASH_SLOT', 2 ** hashBits * 4],
      ['HASH_STAMP', 2 ** hashBits * 4],
      ['MASK2', nodes * 4],
      ['ACC2', maxDt * 16],
      ['ROW_SLOT', rows * 4],
      ['SLOT_KEY', rows * 8],
      ['X', rows * f * 4],
      ['PHI', rows * (f + 1) * 8],
    ];
    for (const [field, bytes] of regions) this.#fields.set(field, layout.take(bytes));
    this.#grow(layout.end);
    this.#fields.set('F', f);
    this.#fields.set('NT', ex.ensemble.nTrees);
    this.#fields.set('HASH_BITS', hashBits);
    const header = new Int32Array(this.#exports.memory.buffer, this.#header, FIELDS.length);
    FIELDS.forEach((field, k) => (header[k] = this.#fields.get(field)!));
    this.#exports.configure(this.#header);
    this.#blockRows = rows;
  }
}
