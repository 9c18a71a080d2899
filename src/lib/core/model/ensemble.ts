/**
 * A tree ensemble as flat typed arrays (struct of arrays), read from the ONNX file by
 * readEnsemble. One node table for all trees; each tree's nodes are contiguous and in
 * preorder (a parent comes before its children), so a single forward pass over a tree's
 * range visits parents first.
 *
 * Split rules are normalised when the file is read, so the hot loops test few modes:
 * BRANCH_GTE, BRANCH_GT and BRANCH_NEQ become LT, LEQ and EQ with the children swapped
 * (for a number x that is not NaN, x ≥ t ⇔ ¬(x < t), x > t ⇔ ¬(x ≤ t), x ≠ t ⇔ ¬(x = t)),
 * and BRANCH_LT becomes LEQ against the next float32 below t (for float32 x and t,
 * x < t ⇔ x ≤ nextDown(t)). Where NaN goes is kept per node in `missingLeft`, exactly as
 * onnxruntime sends it (rule false unless nodes_missing_value_tracks_true, except
 * BRANCH_NEQ where NaN ≠ t holds). Inputs are float32 and thresholds float32, so every row
 * reaches the leaf onnxruntime reaches.
 */

export const Mode = {
  /** x ≤ threshold. */
  LEQ: 0,
  /** x = threshold. */
  EQ: 1,
  /** x is one of the node's set values (ai.onnx.ml 5 BRANCH_MEMBER, small set: exact equality). */
  MEMBER: 2,
  /**
   * trunc(x) is one of the node's set values. onnxruntime turns a BRANCH_MEMBER set that is
   * not "small" (31 or more values, or a value outside 0–30) into a set of int32 and tests
   * the input truncated to int32 (tree_ensemble_attribute.h, BRANCH_MEMBER_BIGSET).
   */
  MEMBER_TRUNC: 3,
  LEAF: 255,
} as const;
export type Mode = (typeof Mode)[keyof typeof Mode];

/**
 * How the raw margin maps to the model's output: `logistic` for a binary classifier whose
 * positive-class probability is σ(raw) (raw is log-odds), `identity` when the output is
 * the raw value itself (a regressor, or a forest that averages class probabilities).
 */
export type Link = 'logistic' | 'identity';

/** Where node covers come from: the file's nodes_hitrates, counts over data (estimateCovers, countCovers), or nowhere. */
export type CoverSource = 'model' | 'estimated' | 'none';

/**
 * Which data counted covers come from, for saying so: the file's nodes_hitrates
 * ('model'), a reference file the user gave ('reference', e.g. the training data: then
 * TreeSHAP equals shap's TreeExplainer on that data), or the scored file itself ('file').
 */
export type CoversOrigin = 'model' | 'reference' | 'file';

export interface TreeEnsemble {
  /** Width of one input row (the model input's second dimension). */
  nFeatures: number;
  nTrees: number;
  /** Tree t owns nodes treeStart[t] … treeStart[t+1]−1; its root is treeStart[t]. Length nTrees + 1. */
  treeStart: Int32Array;
  /** Input column tested at each node; −1 at leaves. */
  feature: Int32Array;
  /** Threshold (LEQ) or value (EQ) as float32; 0 at leaves and set nodes. */
  threshold: Float32Array;
  /** Normalised rule per node, a `Mode` value. */
  mode: Uint8Array;
  /** Child when the rule holds (global node index); −1 at leaves. */
  left: Int32Array;
  /** Child when the rule does not hold; −1 at leaves. */
  right: Int32Array;
  /** 1 where a NaN input goes to `left`. */
  missingLeft: Uint8Array;
  /** For MEMBER nodes, the index of the node's set in setStart; −1 otherwise. */
  memberSet: Int32Array;
  /** Values of set s are setValues[setStart[s] … setStart[s+1]−1]. */
  setStart: Int32Array;
  setValues: Float32Array;
  /**
   * Cover of each node: the number (or weight) of training rows that reached it, from
   * nodes_hitrates. Path-dependent TreeSHAP uses cover(child) / cover(parent) as the share
   * of rows taking that edge. Meaningless when `covers` is 'none'.
   */
  cover: Float64Array;
  covers: CoverSource;
  /** Set by countCovers: which data counted covers come from (absent: the file's own, or unknown). */
  coversOrigin?: CoversOrigin;
  /** Leaf value in raw-margin units (class weights combined, divided by the tree count for AVERAGE); 0 at internal nodes. */
  value: Float64Array;
  /** Constant added to the sum of leaf values (from base_values), in raw-margin units. */
  base: number;
  link: Link;
  /** Longest root-to-leaf path, in edges. */
  maxDepth: number;
}

/** True when row value v (float32, NaN = missing) takes node n's `left` child. */
export function goesLeft(e: TreeEnsemble, n: number, v: number): boolean {
  if (v !== v) return e.missingLeft[n] === 1;
  const m = e.mode[n];
  if (m === Mode.LEQ) return v <= e.threshold[n];
  if (m === Mode.EQ) return v === e.threshold[n];
  return isMember(e, e.memberSet[n], m === Mode.MEMBER_TRUNC ? truncInt32(v) : v);
}

function isMember(e: TreeEnsemble, set: number, v: number): boolean {
  if (v !== v) return false;
  for (let i = e.setStart[set], end = e.setStart[set + 1]; i < end; i++) if (e.setValues[i] === v) return true;
  return false;
}

/** trunc(v) as onnxruntime's cast to int32 sees it; values outside int32 match no member (NaN). */
function truncInt32(v: number): number {
  return v >= 2147483648 || v < -2147483648 ? NaN : Math.trunc(v);
}

/** The leaf (global node index) that row values `x[offset + feature]` reach in tree t. */
export function leafOf(e: TreeEnsemble, t: number, x: ArrayLike<number>, offset: number): number {
  let n = e.treeStart[t];
  const { left, right, feature } = e;
  while (left[n] >= 0) n = goesLeft(e, n, x[offset + feature[n]]) ? left[n] : right[n];
  return n;
}
