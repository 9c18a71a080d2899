import type { onnx } from 'onnx-proto';
import { problem, type Problem } from '../problems';
import { Mode, type CoverSource, type Link, type TreeEnsemble } from './ensemble';
import { MalformedModel, NodeAttributes } from './node-attributes';
import { opsetVersion } from './onnx';

const ML = 'ai.onnx.ml';
const TREE_OPS = new Set(['TreeEnsembleClassifier', 'TreeEnsembleRegressor', 'TreeEnsemble']);

/** ONNX split modes, numbered as ai.onnx.ml 5's nodes_modes; LEAF is ours. */
const BRANCH_LEQ = 0;
const BRANCH_LT = 1;
const BRANCH_GTE = 2;
const BRANCH_GT = 3;
const BRANCH_EQ = 4;
const BRANCH_NEQ = 5;
const BRANCH_MEMBER = 6;
const LEAF = 7;
/** Ours: a BRANCH_EQ chain collapsed into one set split, x ∈ set by exact equality (collapseEqChains). */
const EQ_SET = 8;
const MODE_NAMES: Record<string, number> = {
  BRANCH_LEQ,
  BRANCH_LT,
  BRANCH_GTE,
  BRANCH_GT,
  BRANCH_EQ,
  BRANCH_NEQ,
  BRANCH_MEMBER,
  LEAF,
};

/** onnxruntime's own limit on tree depth (TreeEnsembleCommon::max_tree_depth_). */
const MAX_DEPTH = 1000;
/** Nodes after laying out, a guard against files that unfold into billions. */
const MAX_NODES = 1 << 24;
/** Relative slack allowed between a node's cover and the sum of its children's (XGBoost covers are float32 sums). */
const COVER_TOLERANCE = 1e-3;

export interface ReadEnsembleResult {
  /** Null when any error problem is present. */
  ensemble: TreeEnsemble | null;
  problems: Problem[];
}

/** Nodes as the file lists them, before they are laid out tree by tree. */
interface Source {
  count: number;
  feature: number[];
  /** ONNX mode per node (LEAF for leaves). */
  mode: number[];
  split: Float64Array;
  trueChild: Int32Array;
  falseChild: Int32Array;
  tracksTrue: Uint8Array;
  /** Set values of BRANCH_MEMBER nodes. */
  members: Map<number, number[]>;
  hitrate: Float64Array | null;
  roots: number[];
  /** Leaf weights: node, class or target id, weight. */
  weights: { node: number[]; id: number[]; weight: Float64Array };
}

/** How leaf weights combine into the raw margin, mirroring onnxruntime's output for the positive class. */
interface Margin {
  /** Factor per class (classifier) or target (regressor) id. */
  coef: number[];
  base: number;
  link: Link;
  /** Divide leaf values by the number of trees (aggregate_function AVERAGE). */
  average: boolean;
}

/**
 * Reads the one tree-ensemble operator of an ONNX model into flat typed arrays:
 * TreeEnsembleClassifier / TreeEnsembleRegressor (ai.onnx.ml 1–4, with or without the
 * `*_as_tensor` attributes) and TreeEnsemble (ai.onnx.ml 5). The raw margin it defines is
 * the number whose link gives what onnxruntime writes for the positive class (column 1 of
 * a binary classifier's probabilities) or the regression output; the configurations
 * onnxruntime treats inconsistently (three or more classes, two base values, PROBIT,
 * SOFTMAX_ZERO, MIN/MAX aggregation) are reported as unsupported rather than guessed.
 * Never throws on a bad file: every failure is a problem.
 */
export function readEnsemble(model: onnx.IModelProto): ReadEnsembleResult {
  const graph = model.graph;
  const nodes = (graph?.node ?? []).filter((n) => (n.domain ?? '') === ML && TREE_OPS.has(n.opType ?? ''));
  if (!graph || nodes.length === 0) return fail(problem('trees.missing', 'error'));
  if (nodes.length > 1) return fail(problem('trees.several', 'error', { params: { count: nodes.length } }));
  const node = nodes[0];
  const op = node.opType!;
  const version = opsetVersion(model as onnx.ModelProto, ML) ?? 1;
  if (op === 'TreeEnsemble' ? version < 5 : version > 4) {
    return fail(problem('trees.opset', 'error', { params: { op, version } }));
  }

  const inputName = node.input?.[0] ?? '';
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  const input = (graph.input ?? []).find((i) => i.name === inputName);
  if (!input || initializers.has(inputName)) {
    return fail(problem('trees.input_transformed', 'error', { params: { name: inputName } }));
  }
  const tensorType = input.type?.tensorType;
  if (tensorType?.elemType != null && tensorType.elemType !== 1) {
    return fail(unsupported(`input element type ${tensorType.elemType} (only float32 is read)`));
  }
  const width = dimValue(tensorType?.shape?.dim?.[1]);

  const a = new NodeAttributes(node);
  let source: Source;
  let margin: Margin | string;
  try {
    source = op === 'TreeEnsemble' ? readV5(a) : readV3(a, op === 'TreeEnsembleClassifier');
    margin = op === 'TreeEnsembleClassifier' ? classifierMargin(a, source) : regressorMargin(a, op === 'TreeEnsemble');
  } catch (e) {
    if (e instanceof MalformedModel) return fail(problem('trees.malformed', 'error', { params: { detail: e.message } }));
    throw e;
  }
  if (typeof margin === 'string') return fail(unsupported(margin));
  if (margin.link === 'identity' && op !== 'TreeEnsembleClassifier' && sigmoidFollows(graph, node.output?.[0] ?? '')) {
    margin = { ...margin, link: 'logistic' };
  }
  collapseEqChains(source);
  const size = laidOutSize(source);
  if (size > MAX_NODES) return fail(problem('model.too_big', 'error', { params: { limit: MAX_NODES } }));

  const problems: Problem[] = [];
  let ensemble: TreeEnsemble;
  try {
    ensemble = layOut(source, margin, width, problems);
  } catch (e) {
    if (e instanceof MalformedModel) return fail(problem('trees.malformed', 'error', { params: { detail: e.message } }));
    throw e;
  }
  return { ensemble, problems };
}

/**
 * True when the ensemble's output `name` (through Identity nodes) feeds a Sigmoid: a
 * single-target TreeEnsemble or TreeEnsembleRegressor whose sum is log-odds and whose graph
 * takes the logistic itself, as onnxruntime ignores LOGISTIC on one target
 * (test/fixtures/exporters/README.md, "How the output space is read").
 */
function sigmoidFollows(graph: onnx.IGraphProto, name: string): boolean {
  const names = new Set([name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of graph.node ?? []) {
      if (n.opType === 'Identity' && names.has(n.input?.[0] ?? '') && !names.has(n.output?.[0] ?? '')) {
        names.add(n.output![0]);
        grew = true;
      }
    }
  }
  return (graph.node ?? []).some((n) => n.opType === 'Sigmoid' && (n.domain ?? '') === '' && names.has(n.input?.[0] ?? ''));
}

/**
 * Collapses each chain of BRANCH_EQ nodes on one feature that share one true child (how
 * onnxmltools writes a categorical split x ∈ {a, b, c}: EQ a → yes, else EQ b → yes, …,
 * else → no) into ONE set split at the chain's head: set {a, b, c}, the shared true child,
 * the last node's false child. The scores are the same either way; TreeSHAP is not: the
 * libraries (LightGBM pred_contrib, XGBoost pred_contribs) see one split whose cover is the
 * head's, while laying the chain out per path copies the shared subtree with covers that
 * split the rows differently (test/fixtures/exporters/README.md, "Categorical splits").
 * A chain stops where the feature, the true child or the missing-value direction changes.
 * Chains are found on the file's own nodes first, then applied, so a node inside one chain
 * that heads another (a shorter suffix of the same set) stays correct.
 */
function collapseEqChains(s: Source): void {
  const chains: [number, number[], number][] = [];
  for (let n = 0; n < s.count; n++) {
    if (s.mode[n] !== BRANCH_EQ) continue;
    const set = [s.split[n]];
    let end = s.falseChild[n];
    const seen = new Set([n]);
    while (
      end >= 0 &&
      !seen.has(end) &&
      s.mode[end] === BRANCH_EQ &&
      s.feature[end] === s.feature[n] &&
      s.trueChild[end] === s.trueChild[n] &&
      s.tracksTrue[end] === s.tracksTrue[n]
    ) {
      seen.add(end);
      set.push(s.split[end]);
      end = s.falseChild[end];
    }
    if (set.length > 1) chains.push([n, set, end]);
  }
  for (const [n, set, end] of chains) {
    s.mode[n] = EQ_SET;
    s.members.set(n, set);
    s.falseChild[n] = end;
  }
}

/**
 * How many nodes the trees lay out to (a node reached along k paths counts k times),
 * counted on the file's nodes without laying anything out, so a small file that unfolds
 * into billions (test/fixtures/exporters/bad/huge-*.onnx) is refused up front. Sizes are
 * capped just above MAX_NODES; a cycle counts as nothing here (layOut reports it).
 */
function laidOutSize(s: Source): number {
  const cap = MAX_NODES + 1;
  const size = new Float64Array(s.count).fill(-1);
  const state = new Uint8Array(s.count);
  let total = 0;
  for (const root of s.roots) {
    const stack = [root];
    while (stack.length > 0) {
      const n = stack[stack.length - 1];
      if (size[n] >= 0) {
        stack.pop();
        continue;
      }
      if (s.mode[n] === LEAF) {
        size[n] = 1;
        stack.pop();
        continue;
      }
      const t = s.trueChild[n];
      const f = s.falseChild[n];
      if (state[n] === 0) {
        state[n] = 1;
        for (const c of [t, f]) if (c >= 0 && size[c] < 0 && state[c] === 0) stack.push(c);
        continue;
      }
      stack.pop();
      size[n] = Math.min(cap, 1 + Math.max(size[t], 0) + Math.max(size[f], 0));
    }
    total = Math.min(cap * 1e9, total + size[root]);
  }
  return total;
}

function fail(p: Problem): ReadEnsembleResult {
  return { ensemble: null, problems: [p] };
}

function unsupported(detail: string): Problem {
  return problem('trees.unsupported', 'error', { params: { detail } });
}

function dimValue(dim: onnx.TensorShapeProto.IDimension | undefined): number | undefined {
  const v = dim?.dimValue;
  if (v == null) return undefined;
  const n = typeof v === 'number' ? v : v.toNumber();
  return n > 0 ? n : undefined;
}

function sameLength(name: string, values: ArrayLike<unknown>, count: number, optional = false): void {
  if (optional && values.length === 0) return;
  if (values.length !== count) throw new MalformedModel(`${name} has ${values.length} values for ${count} nodes`);
}

/** TreeEnsembleClassifier / TreeEnsembleRegressor: nodes keyed by (tree id, node id); a tree's root is its first listed node, as onnxruntime takes it. */
function readV3(a: NodeAttributes, classifier: boolean): Source {
  const treeIds = a.ints('nodes_treeids');
  const nodeIds = a.ints('nodes_nodeids');
  const count = treeIds.length;
  const feature = a.ints('nodes_featureids');
  const modeNames = a.strings('nodes_modes');
  const trueIds = a.ints('nodes_truenodeids');
  const falseIds = a.ints('nodes_falsenodeids');
  const split = a.reals('nodes_values', 'nodes_values_as_tensor');
  const tracks = a.ints('nodes_missing_value_tracks_true');
  const hitrate = a.reals('nodes_hitrates', 'nodes_hitrates_as_tensor');
  sameLength('nodes_nodeids', nodeIds, count);
  sameLength('nodes_featureids', feature, count);
  sameLength('nodes_modes', modeNames, count);
  sameLength('nodes_truenodeids', trueIds, count);
  sameLength('nodes_falsenodeids', falseIds, count);
  sameLength('nodes_values', split, count);
  sameLength('nodes_missing_value_tracks_true', tracks, count, true);

  const mode = modeNames.map((m) => {
    const code = MODE_NAMES[m];
    if (code === undefined || code === BRANCH_MEMBER) throw new MalformedModel(`unknown node mode ${m}`);
    return code;
  });
  const index = new Map<string, number>();
  const roots: number[] = [];
  const seenTrees = new Set<number>();
  for (let i = 0; i < count; i++) {
    const key = `${treeIds[i]}:${nodeIds[i]}`;
    if (index.has(key)) throw new MalformedModel(`node ${nodeIds[i]} of tree ${treeIds[i]} is listed twice`);
    index.set(key, i);
    if (i === 0 || treeIds[i] !== treeIds[i - 1]) {
      if (seenTrees.has(treeIds[i])) throw new MalformedModel(`the nodes of tree ${treeIds[i]} are not listed together`);
      seenTrees.add(treeIds[i]);
      roots.push(i);
    }
  }
  const trueChild = new Int32Array(count).fill(-1);
  const falseChild = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    if (mode[i] === LEAF) continue;
    const t = index.get(`${treeIds[i]}:${trueIds[i]}`);
    const f = index.get(`${treeIds[i]}:${falseIds[i]}`);
    if (t === undefined || f === undefined) throw new MalformedModel(`node ${nodeIds[i]} of tree ${treeIds[i]} points to a missing node`);
    trueChild[i] = t;
    falseChild[i] = f;
  }

  const prefix = classifier ? 'class' : 'target';
  const wTrees = a.ints(`${prefix}_treeids`);
  const wNodes = a.ints(`${prefix}_nodeids`);
  const wIds = a.ints(`${prefix}_ids`);
  const weight = a.reals(`${prefix}_weights`, `${prefix}_weights_as_tensor`);
  sameLength(`${prefix}_nodeids`, wNodes, wTrees.length);
  sameLength(`${prefix}_ids`, wIds, wTrees.length);
  sameLength(`${prefix}_weights`, weight, wTrees.length);
  const wNode: number[] = [];
  for (let i = 0; i < wTrees.length; i++) {
    const at = index.get(`${wTrees[i]}:${wNodes[i]}`);
    if (at === undefined) throw new MalformedModel(`a leaf weight points to missing node ${wNodes[i]} of tree ${wTrees[i]}`);
    // onnxruntime ignores weights attached to branch nodes (models from old converters have them).
    wNode.push(mode[at] === LEAF ? at : -1);
  }
  return {
    count,
    feature,
    mode,
    split,
    trueChild,
    falseChild,
    tracksTrue: Uint8Array.from(tracks.length ? tracks : new Array<number>(count).fill(0), (v) => (v === 1 ? 1 : 0)),
    members: new Map(),
    hitrate: hitrate.length === count ? hitrate : null,
    roots,
    weights: { node: wNode, id: wIds, weight },
  };
}

/** TreeEnsemble (ai.onnx.ml 5): branch nodes 0…N−1, leaves after them at N + leaf index. */
function readV5(a: NodeAttributes): Source {
  const feature = a.ints('nodes_featureids');
  const nBranches = feature.length;
  const modes = a.ints('nodes_modes');
  const splits = a.reals('nodes_splits');
  const trueIds = a.ints('nodes_truenodeids');
  const trueLeafs = a.ints('nodes_trueleafs');
  const falseIds = a.ints('nodes_falsenodeids');
  const falseLeafs = a.ints('nodes_falseleafs');
  const tracks = a.ints('nodes_missing_value_tracks_true');
  const memberValues = a.reals('membership_values');
  const leafTargets = a.ints('leaf_targetids');
  const leafWeights = a.reals('leaf_weights');
  const treeRoots = a.ints('tree_roots');
  for (const [name, values] of [
    ['nodes_modes', modes],
    ['nodes_splits', splits],
    ['nodes_truenodeids', trueIds],
    ['nodes_trueleafs', trueLeafs],
    ['nodes_falsenodeids', falseIds],
    ['nodes_falseleafs', falseLeafs],
  ] as const) {
    sameLength(name, values, nBranches);
  }
  sameLength('nodes_missing_value_tracks_true', tracks, nBranches, true);
  sameLength('leaf_weights', leafWeights, leafTargets.length);
  const nLeaves = leafTargets.length;
  const count = nBranches + nLeaves;

  const child = (id: number, isLeaf: number): number => {
    const limit = isLeaf ? nLeaves : nBranches;
    if (!(id >= 0 && id < limit)) throw new MalformedModel(`a node points to missing ${isLeaf ? 'leaf' : 'node'} ${id}`);
    return isLeaf ? nBranches + id : id;
  };
  const mode = new Array<number>(count).fill(LEAF);
  const split = new Float64Array(count);
  const trueChild = new Int32Array(count).fill(-1);
  const falseChild = new Int32Array(count).fill(-1);
  const members = new Map<number, number[]>();
  let at = 0;
  for (let i = 0; i < nBranches; i++) {
    if (!(modes[i] >= BRANCH_LEQ && modes[i] <= BRANCH_MEMBER)) throw new MalformedModel(`unknown node mode ${modes[i]}`);
    mode[i] = modes[i];
    split[i] = splits[i];
    trueChild[i] = child(trueIds[i], trueLeafs[i]);
    falseChild[i] = child(falseIds[i], falseLeafs[i]);
    if (modes[i] === BRANCH_MEMBER) {
      // membership_values lists each BRANCH_MEMBER node's set in node order, each set ended by NaN.
      const set: number[] = [];
      while (at < memberValues.length && !Number.isNaN(memberValues[at])) set.push(memberValues[at++]);
      at++;
      if (set.length === 0) throw new MalformedModel(`set-membership node ${i} has an empty set`);
      members.set(i, set);
    }
  }
  const roots = treeRoots.map((r) => {
    if (!(r >= 0 && r < nBranches)) throw new MalformedModel(`tree root ${r} is not a node`);
    // A root whose two branches are the same leaf is a one-leaf tree; onnxruntime then reads
    // the leaf at the root's own index (tree_ensemble_attribute.h, transformInputAllTrees).
    if (trueIds[r] === falseIds[r] && trueLeafs[r] && falseLeafs[r]) return child(r, 1);
    return r;
  });
  const weights = { node: leafTargets.map((_, j) => nBranches + j), id: leafTargets, weight: leafWeights };
  const tracksTrue = Uint8Array.from(tracks.length ? tracks : new Array<number>(nBranches).fill(0), (v) => (v === 1 ? 1 : 0));
  const allTracks = new Uint8Array(count);
  allTracks.set(tracksTrue);
  // ai.onnx.ml 5 has hitrates for branch nodes only, so leaf covers are unknown.
  return { count, feature: [...feature, ...new Array<number>(nLeaves).fill(-1)], mode, split, trueChild, falseChild, tracksTrue: allTracks, members, hitrate: null, roots, weights };
}

/**
 * The positive-class margin of a binary TreeEnsembleClassifier, as onnxruntime computes
 * column 1 of its probabilities (tree_ensemble_aggregator.h, write_scores in ml_common.h),
 * checked case by case against onnxruntime in test/fixtures/oracle/ort-cases.json:
 * one weight column c: P₁ = link(Σw + b₀·[c = 0]); two columns: NONE and LOGISTIC give
 * link(Σw₁), SOFTMAX gives σ(Σw₁ − Σw₀ − b₀).
 */
function classifierMargin(a: NodeAttributes, s: Source): Margin | string {
  const labels = Math.max(a.ints('classlabels_int64s').length, a.strings('classlabels_strings').length);
  if (labels !== 2) return `${labels} classes (only binary classifiers are read)`;
  const post = a.string('post_transform', 'NONE');
  const baseValues = a.reals('base_values', 'base_values_as_tensor');
  if (baseValues.length > 1) return 'two base_values in a binary classifier';
  const b0 = baseValues.length === 1 ? baseValues[0] : 0;
  const used = new Set(s.weights.id);
  for (const id of used) if (id !== 0 && id !== 1) throw new MalformedModel(`class id ${id} of a binary classifier`);
  if (used.size === 1) {
    const c = s.weights.id[0];
    const coef = c === 0 ? [1, 0] : [0, 1];
    const base = c === 0 ? b0 : 0;
    if (post === 'LOGISTIC') return { coef, base, link: 'logistic', average: false };
    if (post === 'NONE') return { coef, base, link: 'identity', average: false };
    return `post_transform ${post} with one weight column`;
  }
  if (used.size === 2) {
    if (!everyLeafHasBoth(s)) return 'leaves with a weight for one class only';
    if (post === 'NONE') return { coef: [0, 1], base: 0, link: 'identity', average: false };
    if (post === 'LOGISTIC') return { coef: [0, 1], base: 0, link: 'logistic', average: false };
    if (post === 'SOFTMAX') return { coef: [-1, 1], base: -b0, link: 'logistic', average: false };
    return `post_transform ${post}`;
  }
  return 'no leaf weights';
}

function everyLeafHasBoth(s: Source): boolean {
  const seen = new Uint8Array(s.count);
  s.weights.node.forEach((n, i) => {
    if (n >= 0) seen[n] |= 1 << s.weights.id[i];
  });
  return s.mode.every((m, n) => m !== LEAF || seen[n] === 3);
}

/**
 * A one-target regressor: output Σw + b (SUM) or Σw / trees + b (AVERAGE). onnxruntime
 * applies no post_transform but PROBIT to a single target (FinalizeScores1), so the link is
 * the identity whatever the attribute says.
 */
function regressorMargin(a: NodeAttributes, v5: boolean): Margin | string {
  const targets = a.int('n_targets', 0);
  if (targets !== 1) return `${targets} targets (only one is read)`;
  const post = v5 ? (['NONE', 'SOFTMAX', 'LOGISTIC', 'SOFTMAX_ZERO', 'PROBIT'][a.int('post_transform', 0)] ?? 'unknown') : a.string('post_transform', 'NONE');
  if (post === 'PROBIT' || post === 'unknown') return `post_transform ${post}`;
  const aggregate = v5 ? (['AVERAGE', 'SUM', 'MIN', 'MAX'][a.int('aggregate_function', 1)] ?? 'unknown') : a.string('aggregate_function', 'SUM');
  if (aggregate !== 'SUM' && aggregate !== 'AVERAGE') return `aggregate_function ${aggregate}`;
  const baseValues = v5 ? new Float64Array(0) : a.reals('base_values', 'base_values_as_tensor');
  if (baseValues.length > 1) return `${baseValues.length} base_values for one target`;
  return { coef: [1], base: baseValues.length === 1 ? baseValues[0] : 0, link: 'identity', average: aggregate === 'AVERAGE' };
}

/** Lays the trees out in preorder, normalises split rules, combines leaf weights and checks covers. */
function layOut(s: Source, margin: Margin, width: number | undefined, problems: Problem[]): TreeEnsemble {
  const leafValue = new Float64Array(s.count);
  const weighted = new Uint8Array(s.count);
  s.weights.node.forEach((n, i) => {
    if (n < 0) return;
    const id = s.weights.id[i];
    if (!(id >= 0 && id < margin.coef.length)) throw new MalformedModel(`leaf weight for id ${id}`);
    leafValue[n] += margin.coef[id] * s.weights.weight[i];
    weighted[n] = 1;
  });

  // A node reached along two paths (a leaf shared by two trees in ai.onnx.ml 5, or a DAG)
  // is laid out once per path, as onnxruntime's own conversion does; the depth limit
  // stops cycles and the size limit stops a small DAG from unfolding without end.
  const order: number[] = [];
  const trueAt: number[] = [];
  const falseAt: number[] = [];
  const treeStart = new Int32Array(s.roots.length + 1);
  let maxDepth = 0;
  s.roots.forEach((root, t) => {
    treeStart[t] = order.length;
    // Entries: source node, depth, laid-out parent (−1 for the root), 1 if the true child.
    const stack: [number, number, number, number][] = [[root, 0, -1, 0]];
    while (stack.length > 0) {
      const [n, d, parent, isTrue] = stack.pop()!;
      if (d > MAX_DEPTH) throw new MalformedModel(`tree ${t} is deeper than ${MAX_DEPTH} or has a cycle`);
      if (order.length >= MAX_NODES) throw new MalformedModel(`more than ${MAX_NODES} nodes`);
      const at = order.length;
      if (parent >= 0) (isTrue ? trueAt : falseAt)[parent] = at;
      order.push(n);
      trueAt.push(-1);
      falseAt.push(-1);
      maxDepth = Math.max(maxDepth, d);
      if (s.mode[n] === LEAF) {
        if (!weighted[n]) throw new MalformedModel(`a leaf of tree ${t} has no weight`);
        continue;
      }
      stack.push([s.falseChild[n], d + 1, at, 0], [s.trueChild[n], d + 1, at, 1]);
    }
  });
  treeStart[s.roots.length] = order.length;

  const count = order.length;
  const feature = new Int32Array(count).fill(-1);
  const threshold = new Float32Array(count);
  const mode = new Uint8Array(count).fill(Mode.LEAF);
  const left = new Int32Array(count).fill(-1);
  const right = new Int32Array(count).fill(-1);
  const missingLeft = new Uint8Array(count);
  const memberSet = new Int32Array(count).fill(-1);
  const value = new Float64Array(count);
  const setStart: number[] = [0];
  const setValues: number[] = [];
  const scale = margin.average ? 1 / s.roots.length : 1;
  let maxFeature = -1;

  for (let i = 0; i < count; i++) {
    const n = order[i];
    const m = s.mode[n];
    if (m === LEAF) {
      value[i] = leafValue[n] * scale;
      continue;
    }
    const f = s.feature[n];
    if (!(f >= 0)) throw new MalformedModel(`feature id ${f}`);
    feature[i] = f;
    maxFeature = Math.max(maxFeature, f);
    const t = Math.fround(s.split[n]);
    let swap = false;
    let rule: number = Mode.LEQ;
    let at = t;
    switch (m) {
      case BRANCH_LEQ:
        break;
      case BRANCH_LT:
        at = nextDown32(t);
        break;
      case BRANCH_GTE:
        // x ≥ t ⇔ ¬(x < t) for a number x; with t NaN the rule never holds, as LEQ NaN.
        at = nextDown32(t);
        swap = !Number.isNaN(t);
        break;
      case BRANCH_GT:
        swap = !Number.isNaN(t);
        break;
      case BRANCH_EQ:
        rule = Mode.EQ;
        break;
      case BRANCH_NEQ:
        rule = Mode.EQ;
        swap = true;
        break;
      case EQ_SET:
        // Exact equality with any of the chain's values, as the chain of BRANCH_EQ tests.
        rule = Mode.MEMBER;
        memberSet[i] = setStart.length - 1;
        for (const v of s.members.get(n)!) setValues.push(Math.fround(v));
        setStart.push(setValues.length);
        at = 0;
        break;
      case BRANCH_MEMBER: {
        const set = s.members.get(n)!;
        const small = set.length < 31 && set.every((v) => v >= 0 && v <= 30);
        if (!small && !set.every(Number.isInteger)) {
          throw new MalformedModel(`set-membership node with a large set of non-integers (onnxruntime refuses it)`);
        }
        rule = small ? Mode.MEMBER : Mode.MEMBER_TRUNC;
        memberSet[i] = setStart.length - 1;
        for (const v of set) setValues.push(Math.fround(v));
        setStart.push(setValues.length);
        at = 0;
        break;
      }
    }
    // onnxruntime: the rule, or NaN with missing tracking, takes the true branch; NaN ≠ t holds.
    const nanTrue = s.tracksTrue[n] === 1 || m === BRANCH_NEQ;
    mode[i] = rule;
    threshold[i] = at;
    left[i] = swap ? falseAt[i] : trueAt[i];
    right[i] = swap ? trueAt[i] : falseAt[i];
    missingLeft[i] = nanTrue !== swap ? 1 : 0;
  }
  if (width !== undefined && maxFeature >= width) {
    throw new MalformedModel(`a node tests feature ${maxFeature} of an input with ${width} columns`);
  }

  const cover = new Float64Array(count);
  let covers: CoverSource = 'none';
  if (s.hitrate && s.hitrate.every((h) => h === 1)) {
    // Converters (onnxmltools, skl2onnx, CatBoost) write nodes_hitrates = 1.0 on every node
    // as a placeholder: not counts, so no covers, and said as such.
    problems.push(problem('trees.placeholder_covers', 'warning'));
  } else if (s.hitrate) {
    for (let i = 0; i < count; i++) cover[i] = s.hitrate[order[i]];
    const bad = firstInconsistentTree(treeStart, left, right, cover);
    if (bad < 0) covers = 'model';
    else problems.push(problem('trees.covers_inconsistent', 'warning', { params: { tree: bad } }));
  } else {
    problems.push(problem('trees.no_covers', 'warning'));
  }

  return {
    nFeatures: width ?? maxFeature + 1,
    nTrees: s.roots.length,
    treeStart,
    feature,
    threshold,
    mode,
    left,
    right,
    missingLeft,
    memberSet,
    setStart: Int32Array.from(setStart),
    setValues: Float32Array.from(setValues),
    cover,
    covers,
    value,
    base: margin.base,
    link: margin.link,
    maxDepth,
  };
}

/**
 * The first tree whose covers cannot be node counts (a negative or missing cover, or children
 * that do not add up to it), or −1. Converters that leave nodes_hitrates at its
 * placeholder 1.0 fail this check.
 */
function firstInconsistentTree(treeStart: Int32Array, left: Int32Array, right: Int32Array, cover: Float64Array): number {
  for (let t = 0; t + 1 < treeStart.length; t++) {
    for (let n = treeStart[t]; n < treeStart[t + 1]; n++) {
      if (left[n] < 0) continue;
      const c = cover[n];
      const l = cover[left[n]];
      const r = cover[right[n]];
      // A branch no training row reached has cover 0 and so do its children (CatBoost's
      // symmetric trees have such empty nodes even with training counts).
      if (!(c >= 0) || !(l >= 0) || !(r >= 0) || Math.abs(l + r - c) > COVER_TOLERANCE * c) return t;
    }
  }
  return -1;
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/**
 * The largest float32 below t, so that x < t ⇔ x ≤ nextDown32(t) for every float32 x that
 * is not NaN. Below −∞ nothing is, so NaN (x ≤ NaN never holds).
 */
export function nextDown32(t: number): number {
  if (Number.isNaN(t) || t === -Infinity) return NaN;
  if (t === 0) return -1.401298464324817e-45;
  f32[0] = t;
  i32[0] += t > 0 ? -1 : 1;
  return f32[0];
}
