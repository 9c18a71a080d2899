/**
 * The TreeSHAP kernel in WebAssembly (AssemblyScript, 128-bit SIMD): the same arithmetic as
 * src/lib/core/explain/treeshap.ts (FastTreeSHAP v2 per-leaf tables, Yang 2021,
 * arXiv:2109.09847) and quadrature-tree.ts (Gauss–Legendre over the tree's nodes, after
 * Linear TreeShap, Yu et al. 2022), which stay the oracle it is tested against
 * (test/explain/wasm-treeshap.test.ts) and the fallback where WebAssembly SIMD is missing.
 *
 * No allocator, no runtime: the TypeScript wrapper (src/lib/core/explain/wasm-treeshap.ts)
 * lays the model's tables and the scratch into linear memory and hands their addresses over
 * in a header of i32 fields (`configure`); `explainBlock(count)` then explains the rows at X
 * into PHI. Nodes and leaves are packed records (one cache line holds two nodes) and a tree's
 * features are numbered locally, so one tree's share of a row accumulates in a short array.
 */

// Header fields, in the order the wrapper writes them (wasm-treeshap.ts, FIELDS).
let F: i32 = 0;
let NT: i32 = 0;
let TREE_START: usize = 0;
let LEAF_START: usize = 0;
let FEAT_START: usize = 0;
let TREE_FEATURE: usize = 0;
let TABLE_TREE: usize = 0;
let POINTS: usize = 0;
let NODES: usize = 0;
let SET_START: usize = 0;
let SET_VALUES: usize = 0;
let LEAVES: usize = 0;
let PATH_Q: usize = 0;
let PATH_R: usize = 0;
let TABLES: usize = 0;
let VALUE: usize = 0;
let PARENT: usize = 0;
let SHARE_Z: usize = 0;
let PREVIOUS: usize = 0;
let COLLECTS: usize = 0;
let RULES: usize = 0;
let MASK: usize = 0;
let QR: usize = 0;
let BELOW: usize = 0;
let BELOW_DOT: usize = 0;
let OUTCOME: usize = 0;
let ACC: usize = 0;
let STORED: usize = 0;
let HASH_KEY: usize = 0;
let HASH_SLOT: usize = 0;
let HASH_STAMP: usize = 0;
let HASH_BITS: i32 = 0;
let X: usize = 0;
let PHI: usize = 0;
let BRANCH_START: usize = 0;
let BRANCHES: usize = 0;
let SPLIT_START: usize = 0;
let SPLIT_FEATURE: usize = 0;
let SPLIT_THRESHOLD: usize = 0;
let SPLIT_MISSING: usize = 0;
let MASK2: usize = 0;
let ACC2: usize = 0;
let ROW_SLOT: usize = 0;
let SLOT_KEY: usize = 0;

/** Generation of the pattern hash: entries stamped otherwise are empty (no clearing per tree). */
let generation: i32 = 0;

export function heapBase(): usize {
  return __heap_base;
}

export function configure(h: usize): void {
  F = load<i32>(h, 0);
  NT = load<i32>(h, 4);
  TREE_START = load<i32>(h, 8);
  LEAF_START = load<i32>(h, 12);
  FEAT_START = load<i32>(h, 16);
  TREE_FEATURE = load<i32>(h, 20);
  TABLE_TREE = load<i32>(h, 24);
  POINTS = load<i32>(h, 28);
  NODES = load<i32>(h, 32);
  SET_START = load<i32>(h, 36);
  SET_VALUES = load<i32>(h, 40);
  LEAVES = load<i32>(h, 44);
  PATH_Q = load<i32>(h, 48);
  PATH_R = load<i32>(h, 52);
  TABLES = load<i32>(h, 56);
  VALUE = load<i32>(h, 60);
  PARENT = load<i32>(h, 64);
  SHARE_Z = load<i32>(h, 68);
  PREVIOUS = load<i32>(h, 72);
  COLLECTS = load<i32>(h, 76);
  RULES = load<i32>(h, 80);
  MASK = load<i32>(h, 84);
  QR = load<i32>(h, 88);
  BELOW = load<i32>(h, 92);
  BELOW_DOT = load<i32>(h, 96);
  OUTCOME = load<i32>(h, 100);
  ACC = load<i32>(h, 104);
  STORED = load<i32>(h, 108);
  HASH_KEY = load<i32>(h, 112);
  HASH_SLOT = load<i32>(h, 116);
  HASH_STAMP = load<i32>(h, 120);
  HASH_BITS = load<i32>(h, 124);
  X = load<i32>(h, 128);
  PHI = load<i32>(h, 132);
  BRANCH_START = load<i32>(h, 136);
  BRANCHES = load<i32>(h, 140);
  SPLIT_START = load<i32>(h, 144);
  SPLIT_FEATURE = load<i32>(h, 148);
  SPLIT_THRESHOLD = load<i32>(h, 152);
  SPLIT_MISSING = load<i32>(h, 156);
  MASK2 = load<i32>(h, 160);
  ACC2 = load<i32>(h, 164);
  ROW_SLOT = load<i32>(h, 168);
  SLOT_KEY = load<i32>(h, 172);
  generation = 0;
  memory.fill(HASH_STAMP, 0, (<usize>1 << HASH_BITS) << 2);
}

// A packed node (32 bytes): feature, local feature, threshold, left, right (local), bit, mode, missingLeft, set.
// A branch record is the same with the node's own local index in place of the local feature:
// the split pass walks a tree's branch nodes only, with no unpredictable test for leaves.
const NODE_SIZE: usize = 32;
// Modes as in src/lib/core/model/ensemble.ts.
const MODE_LEQ: u8 = 0;
const MODE_EQ: u8 = 1;
const MODE_MEMBER_TRUNC: u8 = 3;
/**
 * Trees with at most this many branch nodes reuse a split pattern's result within a block.
 * A u64 key would hold 64; 53 is the TypeScript kernel's limit (a float64 key), so both compute
 * the same leaves and their leaf counts can be compared.
 */
const MAX_KEY_SPLITS: i32 = 53;

/** Where a row value v (not NaN) goes at a node whose rule is not LEQ (ensemble.ts goesLeft). */
function goesLeftOther(nd: usize, v: f32, mode: u8): bool {
  if (mode == MODE_EQ) return v == load<f32>(nd, 8);
  let value: f64 = <f64>v;
  if (mode == MODE_MEMBER_TRUNC) {
    // onnxruntime's int32 cast: values outside int32 match no member.
    if (value >= 2147483648.0 || value < -2147483648.0) return false;
    value = Math.trunc(value);
  }
  const set = load<i32>(nd, 28);
  const end = load<i32>(SET_START + ((<usize>set + 1) << 2));
  for (let i = load<i32>(SET_START + (<usize>set << 2)); i < end; i++) {
    if (<f64>load<f32>(SET_VALUES + (<usize>i << 2)) == value) return true;
  }
  return false;
}

@inline
function goLeft(nd: usize, v: f32): bool {
  if (v != v) return load<u8>(nd, 25) == 1;
  const mode = load<u8>(nd, 24);
  if (mode == MODE_LEQ) return v <= load<f32>(nd, 8);
  return goesLeftOther(nd, v, mode);
}

/**
 * Explains `count` rows at X (row-major count × F float32, NaN = missing) into PHI
 * (count × (F + 1) float64; the last column is left 0). Returns the leaves computed.
 */
export function explainBlock(count: i32): f64 {
  const stride: usize = <usize>F + 1;
  memory.fill(PHI, 0, <usize>count * stride * 8);
  let visits: f64 = 0;
  const cap: i32 = 1 << HASH_BITS;
  for (let t: i32 = 0; t < NT; t++) {
    const start = load<i32>(TREE_START + (<usize>t << 2));
    const size = load<i32>(TREE_START + (<usize>t << 2), 4) - start;
    if (size == 1) continue;
    const firstLeaf = load<i32>(LEAF_START + (<usize>t << 2));
    const lastLeaf = load<i32>(LEAF_START + (<usize>t << 2), 4);
    const f0 = load<i32>(FEAT_START + (<usize>t << 2));
    const dt = load<i32>(FEAT_START + (<usize>t << 2), 4) - f0;
    // 0: quadrature; 1: a G table per leaf; 2: contributions per leaf and set S, ready to add.
    const kind = load<u8>(TABLE_TREE + <usize>t);
    const table = kind != 0;
    const keyed = size >> 1 <= MAX_KEY_SPLITS;
    const b0 = load<i32>(BRANCH_START + (<usize>t << 2));
    const nBranches = load<i32>(BRANCH_START + (<usize>t << 2), 4) - b0;
    const branches = BRANCHES + <usize>b0 * NODE_SIZE;
    // Where a tree's splits are all x ≤ t, their features, thresholds and NaN sides by fours (−1: other rules).
    const splits = load<i32>(SPLIT_START + (<usize>t << 2));
    const features = TREE_FEATURE + (<usize>f0 << 2);
    let seen: i32 = 0;
    if (keyed) {
      generation++;
      if (generation == 0x7fffffff) {
        memory.fill(HASH_STAMP, 0, <usize>cap << 2);
        generation = 1;
      }
    }
    if (keyed && kind == 2) {
      visits += <f64>pairedTree(count, firstLeaf, lastLeaf, dt, features, branches, nBranches, splits) * <f64>(lastLeaf - firstLeaf);
      continue;
    }
    for (let r: i32 = 0; r < count; r++) {
      const xo = X + ((<usize>r * <usize>F) << 2);
      const po = PHI + ((<usize>r * stride) << 3);
      let key: u64 = 0;
      // The pattern key first: a row that repeats a pattern needs nothing more. Tables need each
      // leaf's set S (from the key's bits once it is known, else from the row); a deep
      // quadrature tree needs neither.
      if (keyed) {
        key = splits < 0 ? patternKey(branches, nBranches, xo) : patternKeyLeq(splits, nBranches, xo);
      } else if (table) {
        store<i32>(MASK, -1);
        for (let b: i32 = 0; b < nBranches; b++) {
          const nd = branches + <usize>b * NODE_SIZE;
          splitMask(MASK, nd, goLeft(nd, load<f32>(xo + (<usize>load<i32>(nd) << 2))));
        }
      }
      let h: i32 = 0;
      if (keyed) {
        h = <i32>((key * 0x9e3779b97f4a7c15) >> (64 - <u64>HASH_BITS));
        let slot: i32 = -1;
        while (load<i32>(HASH_STAMP + (<usize>h << 2)) == generation) {
          if (load<u64>(HASH_KEY + (<usize>h << 3)) == key) {
            slot = load<i32>(HASH_SLOT + (<usize>h << 2));
            break;
          }
          h = (h + 1) & (cap - 1);
        }
        if (slot >= 0) {
          const at = STORED + ((<usize>slot * <usize>dt) << 3);
          for (let q: i32 = 0; q < dt; q++) {
            const o = po + (<usize>load<i32>(features + (<usize>q << 2)) << 3);
            store<f64>(o, load<f64>(o) + load<f64>(at + (<usize>q << 3)));
          }
          continue;
        }
      }
      if (keyed && table) {
        masksOfKey(MASK, branches, nBranches, key);
      }
      memory.fill(ACC, 0, <usize>dt << 3);
      visits += <f64>(lastLeaf - firstLeaf);
      if (kind == 2) readyTree(firstLeaf, lastLeaf);
      else if (table) tableTree(firstLeaf, lastLeaf);
      else quadratureTree(t, start, size, xo);
      if (keyed) {
        store<i32>(HASH_STAMP + (<usize>h << 2), generation);
        store<u64>(HASH_KEY + (<usize>h << 3), key);
        store<i32>(HASH_SLOT + (<usize>h << 2), seen);
        const at = STORED + ((<usize>seen * <usize>dt) << 3);
        seen++;
        memory.copy(at, ACC, <usize>dt << 3);
      }
      for (let q: i32 = 0; q < dt; q++) {
        const o = po + (<usize>load<i32>(features + (<usize>q << 2)) << 3);
        store<f64>(o, load<f64>(o) + load<f64>(ACC + (<usize>q << 3)));
      }
    }
  }
  return visits;
}

/**
 * The split outcomes of a row as a key: branch b's outcome (1: left) at bit
 * 4·(⌈n/4⌉ − 1 − ⌊b/4⌋) + b mod 4, so four outcomes at a time can enter it.
 */
function patternKey(branches: usize, n: i32, xo: usize): u64 {
  let key: u64 = 0;
  for (let b: i32 = 0; b < n; b += 4) {
    let four: u64 = 0;
    const end = min(n, b + 4);
    for (let c: i32 = b; c < end; c++) {
      const nd = branches + <usize>c * NODE_SIZE;
      four |= <u64>goLeft(nd, load<f32>(xo + (<usize>load<i32>(nd) << 2))) << <u64>(c - b);
    }
    key = (key << 4) | four;
  }
  return key;
}

/** patternKey for a tree of x ≤ t splits only: four comparisons per SIMD instruction; NaN goes to its node's side. */
function patternKeyLeq(at: i32, n: i32, xo: usize): u64 {
  let key: u64 = 0;
  for (let b: i32 = 0; b < n; b += 4) {
    const fo = SPLIT_FEATURE + (<usize>(at + b) << 2);
    let v = f32x4.splat(load<f32>(xo + (<usize>load<i32>(fo) << 2)));
    v = f32x4.replace_lane(v, 1, load<f32>(xo + (<usize>load<i32>(fo, 4) << 2)));
    v = f32x4.replace_lane(v, 2, load<f32>(xo + (<usize>load<i32>(fo, 8) << 2)));
    v = f32x4.replace_lane(v, 3, load<f32>(xo + (<usize>load<i32>(fo, 12) << 2)));
    const le = f32x4.le(v, v128.load(SPLIT_THRESHOLD + (<usize>(at + b) << 2)));
    const missing = v128.and(f32x4.ne(v, v), v128.load(SPLIT_MISSING + (<usize>(at + b) << 2)));
    // Lanes past the tree's last branch count as 0, so a pattern has one key.
    const valid: i32 = n - b >= 4 ? 15 : (1 << (n - b)) - 1;
    key = (key << 4) | <u64>(i32x4.bitmask(v128.or(le, missing)) & valid);
  }
  return key;
}

/** The masks of a branch node's children: each clears, in the branch the row does not take, the bit of the node's feature. */
@inline
function splitMask(mask: usize, nd: usize, go: bool): void {
  const m = load<i32>(mask + (<usize>load<i32>(nd, 4) << 2));
  const cleared = m & ~load<i32>(nd, 20);
  store<i32>(mask + (<usize>load<i32>(nd, 12) << 2), go ? m : cleared);
  store<i32>(mask + (<usize>load<i32>(nd, 16) << 2), go ? cleared : m);
}

/** Every node's mask from a pattern key's bits (patternKey's layout). */
function masksOfKey(mask: usize, branches: usize, n: i32, key: u64): void {
  store<i32>(mask, -1);
  const top = <u64>((n + 3) & ~3) - 4;
  for (let b: i32 = 0; b < n; b++) splitMask(mask, branches + <usize>b * NODE_SIZE, <bool>((key >> (top - <u64>(b & ~3) + <u64>(b & 3))) & 1));
}

/**
 * A keyed tree with ready contributions, in three passes over the block: each row's pattern
 * key and slot (new patterns get the next slot); the contributions of the new patterns, two at
 * a time, one per SIMD lane (the same leaves, different sets S); each row's slot added to its
 * φ. Returns the patterns computed.
 */
function pairedTree(count: i32, firstLeaf: i32, lastLeaf: i32, dt: i32, features: usize, branches: usize, nBranches: i32, splits: i32): i32 {
  const stride: usize = <usize>F + 1;
  const cap: i32 = 1 << HASH_BITS;
  let seen: i32 = 0;
  for (let r: i32 = 0; r < count; r++) {
    const xo = X + ((<usize>r * <usize>F) << 2);
    const key = splits < 0 ? patternKey(branches, nBranches, xo) : patternKeyLeq(splits, nBranches, xo);
    let h = <i32>((key * 0x9e3779b97f4a7c15) >> (64 - <u64>HASH_BITS));
    let slot: i32 = -1;
    while (load<i32>(HASH_STAMP + (<usize>h << 2)) == generation) {
      if (load<u64>(HASH_KEY + (<usize>h << 3)) == key) {
        slot = load<i32>(HASH_SLOT + (<usize>h << 2));
        break;
      }
      h = (h + 1) & (cap - 1);
    }
    if (slot < 0) {
      slot = seen++;
      store<i32>(HASH_STAMP + (<usize>h << 2), generation);
      store<u64>(HASH_KEY + (<usize>h << 3), key);
      store<i32>(HASH_SLOT + (<usize>h << 2), slot);
      store<u64>(SLOT_KEY + (<usize>slot << 3), key);
    }
    store<i32>(ROW_SLOT + (<usize>r << 2), slot);
  }
  const bytes = <usize>dt << 3;
  let s: i32 = 0;
  for (; s + 1 < seen; s += 2) {
    masksOfKey(MASK, branches, nBranches, load<u64>(SLOT_KEY + (<usize>s << 3)));
    masksOfKey(MASK2, branches, nBranches, load<u64>(SLOT_KEY + (<usize>s << 3), 8));
    memory.fill(ACC2, 0, bytes << 1);
    readyPair(firstLeaf, lastLeaf);
    const a = STORED + <usize>s * bytes;
    const b = a + bytes;
    for (let q: i32 = 0; q < dt; q++) {
      const v = v128.load(ACC2 + (<usize>q << 4));
      store<f64>(a + (<usize>q << 3), f64x2.extract_lane(v, 0));
      store<f64>(b + (<usize>q << 3), f64x2.extract_lane(v, 1));
    }
  }
  if (s < seen) {
    masksOfKey(MASK, branches, nBranches, load<u64>(SLOT_KEY + (<usize>s << 3)));
    memory.fill(ACC, 0, bytes);
    readyTree(firstLeaf, lastLeaf);
    memory.copy(STORED + <usize>s * bytes, ACC, bytes);
  }
  for (let r: i32 = 0; r < count; r++) {
    const po = PHI + ((<usize>r * stride) << 3);
    const at = STORED + <usize>load<i32>(ROW_SLOT + (<usize>r << 2)) * bytes;
    for (let q: i32 = 0; q < dt; q++) {
      const o = po + (<usize>load<i32>(features + (<usize>q << 2)) << 3);
      store<f64>(o, load<f64>(o) + load<f64>(at + (<usize>q << 3)));
    }
  }
  return seen;
}

/** readyTree for two patterns at once, MASK in lane 0 and MASK2 in lane 1, into ACC2 (two float64 per local feature). */
function readyPair(firstLeaf: i32, lastLeaf: i32): void {
  for (let j: i32 = firstLeaf; j < lastLeaf; j++) {
    const leaf = LEAVES + (<usize>j << 4);
    const d = load<i32>(leaf, 4);
    if (d == 0) continue;
    const m = (1 << d) - 1;
    const nl = <usize>load<i32>(leaf) << 2;
    const base = <usize>load<i32>(leaf, 12);
    const rowA = TABLES + ((base + <usize>(load<i32>(MASK + nl) & m) * <usize>d) << 3);
    const rowB = TABLES + ((base + <usize>(load<i32>(MASK2 + nl) & m) * <usize>d) << 3);
    const qs = PATH_Q + (<usize>load<i32>(leaf, 8) << 2);
    for (let k: i32 = 0; k < d; k++) {
      const ko = <usize>k << 3;
      const a = ACC2 + (<usize>load<i32>(qs + (<usize>k << 2)) << 4);
      const v = f64x2.replace_lane(f64x2.splat(load<f64>(rowA + ko)), 1, load<f64>(rowB + ko));
      v128.store(a, f64x2.add(v128.load(a), v));
    }
  }
}

/**
 * One row's share of a tree whose leaves hold, for every set S, the d contributions
 * (−G(S) or (1 − z)/z · G(S∖i), formed by the wrapper with the same products tableTree
 * forms): the row's S picks d contiguous values to add.
 */
function readyTree(firstLeaf: i32, lastLeaf: i32): void {
  for (let j: i32 = firstLeaf; j < lastLeaf; j++) {
    const leaf = LEAVES + (<usize>j << 4);
    const d = load<i32>(leaf, 4);
    if (d == 0) continue;
    const s = load<i32>(MASK + (<usize>load<i32>(leaf) << 2)) & ((1 << d) - 1);
    const row = TABLES + ((<usize>load<i32>(leaf, 12) + <usize>s * <usize>d) << 3);
    const qs = PATH_Q + (<usize>load<i32>(leaf, 8) << 2);
    for (let k: i32 = 0; k < d; k++) {
      const a = ACC + (<usize>load<i32>(qs + (<usize>k << 2)) << 3);
      store<f64>(a, load<f64>(a) + load<f64>(row + (<usize>k << 3)));
    }
  }
}

/**
 * One row's share of a table tree into ACC: for each leaf, −G(S) to every path feature the
 * row does not satisfy and (1 − z)/z · G(S∖i) to every one it does (treeshap.ts). Two path
 * positions at a time: both lanes' candidates are formed and the bit of each picks one.
 */
function tableTree(firstLeaf: i32, lastLeaf: i32): void {
  for (let j: i32 = firstLeaf; j < lastLeaf; j++) {
    const leaf = LEAVES + (<usize>j << 4);
    const d = load<i32>(leaf, 4);
    if (d == 0) continue;
    const s = load<i32>(MASK + (<usize>load<i32>(leaf) << 2)) & ((1 << d) - 1);
    const p = load<i32>(leaf, 8);
    const tab = TABLES + (<usize>load<i32>(leaf, 12) << 3);
    const hs = load<f64>(tab + (<usize>s << 3));
    const minus = f64x2.splat(-hs);
    const qs = PATH_Q + (<usize>p << 2);
    const rs = PATH_R + (<usize>p << 3);
    let k: i32 = 0;
    for (; k + 1 < d; k += 2) {
      const b0 = 1 << k;
      const b1 = b0 << 1;
      let g = f64x2.splat(load<f64>(tab + (<usize>(s ^ b0) << 3)));
      g = f64x2.replace_lane(g, 1, load<f64>(tab + (<usize>(s ^ b1) << 3)));
      const took = f64x2.mul(v128.load(rs + (<usize>k << 3)), g);
      // All-ones lanes where the row satisfies that path feature.
      const sel = i64x2.ne(v128.and(i64x2.splat(<i64>s), i64x2.replace_lane(i64x2.splat(<i64>b0), 1, <i64>b1)), i64x2.splat(0));
      const add = v128.bitselect(took, minus, sel);
      const a0 = ACC + (<usize>load<i32>(qs + (<usize>k << 2)) << 3);
      const a1 = ACC + (<usize>load<i32>(qs + (<usize>k << 2), 4) << 3);
      store<f64>(a0, load<f64>(a0) + f64x2.extract_lane(add, 0));
      store<f64>(a1, load<f64>(a1) + f64x2.extract_lane(add, 1));
    }
    if (k < d) {
      const bit = 1 << k;
      const a = ACC + (<usize>load<i32>(qs + (<usize>k << 2)) << 3);
      if (s & bit) store<f64>(a, load<f64>(a) + load<f64>(rs + (<usize>k << 3)) * load<f64>(tab + (<usize>(s ^ bit) << 3)));
      else store<f64>(a, load<f64>(a) - hs);
    }
  }
}

// Quadrature rules: for K points, u, 1 − u, ω, ω/(1 − u) at RULES + (K·4 + which)·128, padded to an
// even count with u = 1 − u = ½ and ω = 0, so the padded lane stays finite and adds nothing.
@inline
function ruleAt(K: i32, which: i32): usize {
  return RULES + (<usize>(K * 4 + which) << 7);
}

/**
 * One row's share of tree t into ACC by Gauss–Legendre quadrature, exactly as
 * quadrature-tree.ts (which explains the method), two quadrature points per SIMD lane pair.
 * Node indices here are local to the tree; the per-node arrays of the quadrature are global.
 */
function quadratureTree(t: i32, start: i32, size: i32, xo: usize): void {
  const K = <i32>load<u8>(POINTS + <usize>t);
  const Kp = (K + 1) & ~1;
  const ku: usize = <usize>Kp << 3;
  const U = ruleAt(K, 0);
  const A = ruleAt(K, 1);
  const nodes = NODES + <usize>start * NODE_SIZE;
  const one = f64x2.splat(1.0);
  for (let k: i32 = 0; k < Kp; k += 2) v128.store(QR + (<usize>k << 3), one);
  for (let c: i32 = 0; c < size; c++) {
    const nd = nodes + <usize>c * NODE_SIZE;
    const l = load<i32>(nd, 12);
    if (l < 0) continue;
    const go = goLeft(nd, load<f32>(xo + (<usize>load<i32>(nd) << 2)));
    const no = QR + <usize>c * ku;
    const column = load<i32>(nd, 4);
    for (let side: i32 = 0; side < 2; side++) {
      const child = side == 0 ? l : load<i32>(nd, 16);
      const cg = <usize>(start + child);
      const co = QR + <usize>child * ku;
      const z = load<f64>(SHARE_Z + (cg << 3));
      const pg = load<i32>(PREVIOUS + (cg << 2));
      const pc = pg - start;
      const op: i32 = pg < 0 ? 1 : <i32>load<u8>(OUTCOME + <usize>pc);
      const o: i32 = (side == 0 ? go : !go) ? op : 0;
      store<u8>(OUTCOME + <usize>child, <u8>o);
      const leaf = load<i32>(nodes + <usize>child * NODE_SIZE, 12) < 0;
      // R(child) = R(node)·f_child/f_previous; a leaf's S = v·R folds v into the factor.
      const v: f64 = leaf ? load<f64>(VALUE + (cg << 3)) : 1.0;
      if (op == 1 && pg >= 0) {
        const zp = f64x2.splat(load<f64>(SHARE_Z + (<usize>pg << 3)));
        const zv = f64x2.splat(z * v);
        const ov = f64x2.splat(<f64>o * v);
        for (let k: i32 = 0; k < Kp; k += 2) {
          const ko = <usize>k << 3;
          const u = v128.load(U + ko);
          const a = v128.load(A + ko);
          const num = f64x2.add(f64x2.mul(a, zv), f64x2.mul(ov, u));
          const den = f64x2.add(f64x2.mul(a, zp), u);
          v128.store(co + ko, f64x2.div(f64x2.mul(v128.load(no + ko), num), den));
        }
      } else if (pg >= 0) {
        // (1−u)·z over (1−u)·z_p: the cover ratio of this edge (0 below an edge no row reached).
        const zp = load<f64>(SHARE_Z + (<usize>pg << 3));
        const ratio = f64x2.splat(zp > 0 ? (z / zp) * v : 0.0);
        for (let k: i32 = 0; k < Kp; k += 2) {
          const ko = <usize>k << 3;
          v128.store(co + ko, f64x2.mul(v128.load(no + ko), ratio));
        }
      } else if (o == 1) {
        const zv = f64x2.splat(z * v);
        const vv = f64x2.splat(v);
        for (let k: i32 = 0; k < Kp; k += 2) {
          const ko = <usize>k << 3;
          const f = f64x2.add(f64x2.mul(v128.load(A + ko), zv), f64x2.mul(vv, v128.load(U + ko)));
          v128.store(co + ko, f64x2.mul(v128.load(no + ko), f));
        }
      } else {
        const zv = f64x2.splat(z * v);
        for (let k: i32 = 0; k < Kp; k += 2) {
          const ko = <usize>k << 3;
          v128.store(co + ko, f64x2.mul(f64x2.mul(v128.load(no + ko), v128.load(A + ko)), zv));
        }
      }
      if (leaf) {
        finishEdge(column, co, K, o, z, false, child);
        if (pg >= 0) passUp(co, K, <i32>load<u8>(OUTCOME + <usize>pc), pc);
      } else if (load<u8>(COLLECTS + cg) == 1) {
        if (o == 1) memory.fill(BELOW + <usize>child * ku, 0, ku);
        else store<f64>(BELOW_DOT + (<usize>child << 3), 0.0);
      }
    }
  }
  for (let c: i32 = size - 1; c > 0; c--) {
    const nd = nodes + <usize>c * NODE_SIZE;
    const l = load<i32>(nd, 12);
    if (l < 0) continue;
    const co = QR + <usize>c * ku;
    const lo = QR + <usize>l * ku;
    const ro = QR + <usize>load<i32>(nd, 16) * ku;
    for (let k: i32 = 0; k < Kp; k += 2) {
      const ko = <usize>k << 3;
      v128.store(co + ko, f64x2.add(v128.load(lo + ko), v128.load(ro + ko)));
    }
    const cg = <usize>(start + c);
    const parent = load<i32>(PARENT + (cg << 2)) - start;
    const column = load<i32>(nodes + <usize>parent * NODE_SIZE, 4);
    finishEdge(column, co, K, <i32>load<u8>(OUTCOME + <usize>c), load<f64>(SHARE_Z + (cg << 3)), load<u8>(COLLECTS + cg) == 1, c);
    const pg = load<i32>(PREVIOUS + (cg << 2));
    if (pg >= 0) passUp(co, K, <i32>load<u8>(OUTCOME + <usize>(pg - start)), pg - start);
  }
}

/** ⟨ω/(1−u), S⟩ over the K points (padded lanes weigh 0). */
@inline
function dotWa(K: i32, r: usize): f64 {
  const WA = ruleAt(K, 3);
  let acc = f64x2.splat(0.0);
  const Kp = (K + 1) & ~1;
  for (let k: i32 = 0; k < Kp; k += 2) {
    const ko = <usize>k << 3;
    acc = f64x2.add(acc, f64x2.mul(v128.load(WA + ko), v128.load(r + ko)));
  }
  return f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
}

/** φ of the edge into node c (local feature `column`): (o − z)·Σ_k ω_k (S − S')(u_k) / f(u_k). */
function finishEdge(column: i32, co: usize, K: i32, o: i32, z: f64, collects: bool, c: i32): void {
  const out = ACC + (<usize>column << 3);
  if (o == 0) {
    // (0 − z)/((1−u)·z) = −1/(1−u); nothing when z = 0 (no row took the edge, and S = 0).
    if (z == 0) return;
    const dot = dotWa(K, co);
    store<f64>(out, load<f64>(out) - (collects ? dot - load<f64>(BELOW_DOT + (<usize>c << 3)) : dot));
  } else if (z != 1) {
    const U = ruleAt(K, 0);
    const A = ruleAt(K, 1);
    const W = ruleAt(K, 2);
    const zz = f64x2.splat(z);
    const Kp = (K + 1) & ~1;
    const bo = BELOW + (co - QR);
    let acc = f64x2.splat(0.0);
    for (let k: i32 = 0; k < Kp; k += 2) {
      const ko = <usize>k << 3;
      let s = v128.load(co + ko);
      if (collects) s = f64x2.sub(s, v128.load(bo + ko));
      const den = f64x2.add(f64x2.mul(v128.load(A + ko), zz), v128.load(U + ko));
      acc = f64x2.add(acc, f64x2.div(f64x2.mul(v128.load(W + ko), s), den));
    }
    store<f64>(out, load<f64>(out) + (1 - z) * (f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1)));
  }
}

/** Adds S of a node to S' of the edge above it on the same feature (local node pc): as a vector if the row takes that edge, else as its dot product. */
function passUp(co: usize, K: i32, op: i32, pc: i32): void {
  const Kp = (K + 1) & ~1;
  if (op == 1) {
    const bo = BELOW + <usize>pc * (<usize>Kp << 3);
    for (let k: i32 = 0; k < Kp; k += 2) {
      const ko = <usize>k << 3;
      v128.store(bo + ko, f64x2.add(v128.load(bo + ko), v128.load(co + ko)));
    }
  } else {
    const d = BELOW_DOT + (<usize>pc << 3);
    store<f64>(d, load<f64>(d) + dotWa(K, co));
  }
}
