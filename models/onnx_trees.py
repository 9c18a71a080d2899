"""A small Python reader of binary tree-ensemble classifiers in ONNX files, written apart from the app's.

The app reads the trees with TypeScript (src/lib/core/model/); this module reads the same
files again, independently, so the exporter fixtures can say what the right answer is:

- read_ensemble: TreeEnsembleClassifier and TreeEnsembleRegressor (ai.onnx.ml 1 and 3,
  `*_as_tensor` attributes too) and TreeEnsemble (ai.onnx.ml 5) → one flat node table;
- route / count_covers / raw_score: every row down every tree in float32, as onnxruntime
  compares (x MODE threshold, or true when x is NaN and the node tracks missing values);
- shap_trees / shap_values: the same trees as the custom model dict shap.TreeExplainer
  accepts, explained with feature_perturbation="tree_path_dependent".

Only binary classifiers: the score is the positive class's (class index 1, or the one score a
single-score classifier such as LightGBM's writes). The output space follows from the graph:
post_transform LOGISTIC means the trees add up log-odds; NONE with a classifier means they add
up the probability itself (scikit-learn's forests write each tree's class shares already
divided by the number of trees, so the sum is their average).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import onnx
from onnx import helper, numpy_helper

TREE_OPS = ("TreeEnsembleClassifier", "TreeEnsembleRegressor", "TreeEnsemble")
# ai.onnx.ml 5 TreeEnsemble stores modes, post_transform and aggregate_function as integers.
V5_MODES = ("LEQ", "LT", "GTE", "GT", "EQ", "NEQ", "MEMBER")
V5_POST = ("NONE", "SOFTMAX", "LOGISTIC", "SOFTMAX_ZERO", "PROBIT")
V5_AGGREGATE = ("AVERAGE", "SUM", "MIN", "MAX")
# A node no row reached (cover 0) sends half its share down each branch, as the app's
# estimateCovers does; shap has no such rule, so such nodes get a vanishing cover instead
# (its ratio to a parent with rows is 1e-200 and leaves nothing measurable).
EMPTY_COVER = 1e-200


def attributes(node: onnx.NodeProto) -> dict:
    """Attribute values by name; a `*_as_tensor` attribute stands in for its list twin, as float64."""
    out = {}
    for a in node.attribute:
        value = helper.get_attribute_value(a)
        if a.type == onnx.AttributeProto.TENSOR:
            value = numpy_helper.to_array(value)
        out[a.name] = value
    for name in list(out):
        if name.endswith("_as_tensor"):
            out[name.removesuffix("_as_tensor")] = np.asarray(out[name], np.float64).ravel().tolist()
    return out


def text(value) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def tree_node(model: onnx.ModelProto) -> onnx.NodeProto:
    nodes = [n for n in model.graph.node if n.op_type in TREE_OPS]
    if len(nodes) != 1:
        raise ValueError(f"expected one tree-ensemble node, found {len(nodes)}")
    return nodes[0]


@dataclass
class Ensemble:
    """One flat table of nodes (attribute order; ai.onnx.ml 5 leaves appended after the branches)."""

    op: str
    n_features: int
    tree: np.ndarray  # tree index of each node
    node_id: np.ndarray  # the file's node id (v5: position among branches / leaves)
    feature: np.ndarray
    mode: list[str]  # LEQ LT GTE GT EQ NEQ MEMBER, or LEAF
    threshold: np.ndarray  # float32, as onnxruntime compares
    members: list[frozenset | None]
    true: np.ndarray  # index of the true child, -1 for a leaf
    false: np.ndarray
    tracks: np.ndarray  # bool: a NaN takes the true branch
    value: np.ndarray  # float64: the positive class's leaf weight (0 at branches)
    roots: np.ndarray  # index of each tree's root
    base: float
    post_transform: str
    aggregate: str  # SUM or AVERAGE
    file_covers: np.ndarray | None = None  # nodes_hitrates as written (None when absent)
    notes: list[str] = field(default_factory=list)

    @property
    def n_trees(self) -> int:
        return len(self.roots)

    @property
    def output_space(self) -> str:
        if self.post_transform == "LOGISTIC":
            return "log-odds"
        if self.post_transform == "NONE":
            return "probability" if self.op == "TreeEnsembleClassifier" else "raw"
        raise ValueError(f"post_transform {self.post_transform} is not a binary classifier's")

    def is_leaf(self) -> np.ndarray:
        return self.true < 0


def input_width(model: onnx.ModelProto) -> int:
    (inp,) = [i for i in model.graph.input if i.name not in {t.name for t in model.graph.initializer}]
    dims = inp.type.tensor_type.shape.dim
    if len(dims) != 2 or not dims[1].dim_value:
        raise ValueError("the input is not [N, features] with a fixed feature count")
    return int(dims[1].dim_value)


def read_ensemble(model: onnx.ModelProto) -> Ensemble:
    return read_node(tree_node(model), input_width(model))


def read_node(node: onnx.NodeProto, n_features: int) -> Ensemble:
    a = attributes(node)
    if node.op_type == "TreeEnsemble":
        return _read_v5(a, n_features)
    return _read_v3(node.op_type, a, n_features)


def _read_v3(op: str, a: dict, n_features: int) -> Ensemble:
    tree_ids = list(a["nodes_treeids"])
    node_ids = list(a["nodes_nodeids"])
    n = len(node_ids)
    index = {(t, i): k for k, (t, i) in enumerate(zip(tree_ids, node_ids))}
    modes = [text(m).removeprefix("BRANCH_") for m in a["nodes_modes"]]
    leaf = np.array([m == "LEAF" for m in modes])
    true = np.array([-1 if leaf[k] else index[(tree_ids[k], a["nodes_truenodeids"][k])] for k in range(n)])
    false = np.array([-1 if leaf[k] else index[(tree_ids[k], a["nodes_falsenodeids"][k])] for k in range(n)])
    tracks = np.zeros(n, bool)
    if "nodes_missing_value_tracks_true" in a:
        tracks = np.asarray(a["nodes_missing_value_tracks_true"], bool)
    value = np.zeros(n)
    notes = []
    if op == "TreeEnsembleClassifier":
        labels = a.get("classlabels_int64s") or a.get("classlabels_strings")
        if labels is None or len(labels) != 2:
            raise ValueError(f"not a binary classifier: {0 if labels is None else len(labels)} class labels")
        ids, trees, nodes, weights = a["class_ids"], a["class_treeids"], a["class_nodeids"], a["class_weights"]
        # Weights for class 1 are the positive score; a classifier writing only class 0's
        # weights (one score, as LightGBM's and XGBoost's converters do) means that score.
        positive = 1 if 1 in set(ids) else 0
        if set(ids) == {0, 1}:
            notes.append("weights for both classes; class 1's are the score")
        for c, t, i, w in zip(ids, trees, nodes, weights):
            if c == positive:
                value[index[(t, i)]] += w
        aggregate = "SUM"
    else:
        if a.get("n_targets", 1) != 1:
            raise ValueError("a regressor with more than one target")
        for t, i, w in zip(a["target_treeids"], a["target_nodeids"], a["target_weights"]):
            value[index[(t, i)]] += w
        aggregate = text(a.get("aggregate_function", "SUM"))
    base_values = list(a.get("base_values", []) or [])
    base = float(base_values[-1]) if base_values else 0.0
    tree_of = {t: k for k, t in enumerate(dict.fromkeys(tree_ids))}
    children = set(true[true >= 0]) | set(false[false >= 0])
    roots = [k for k in range(n) if k not in children]
    if len(roots) != len(tree_of):
        raise ValueError(f"{len(roots)} roots for {len(tree_of)} trees")
    hitrates = a.get("nodes_hitrates")
    return Ensemble(
        op=op,
        n_features=n_features,
        tree=np.array([tree_of[t] for t in tree_ids]),
        node_id=np.array(node_ids),
        feature=np.asarray(a["nodes_featureids"]),
        mode=["LEAF" if leaf[k] else modes[k] for k in range(n)],
        threshold=np.asarray(a["nodes_values"], np.float32),
        members=[None] * n,
        true=true,
        false=false,
        tracks=tracks & ~leaf,
        value=value,
        roots=np.array(sorted(roots, key=lambda k: tree_of[tree_ids[k]])),
        base=base,
        post_transform=text(a.get("post_transform", "NONE")),
        aggregate=aggregate,
        file_covers=None if hitrates is None else np.asarray(hitrates, float),
        notes=notes,
    )


def _read_v5(a: dict, n_features: int) -> Ensemble:
    modes = [V5_MODES[int(m)] for m in np.asarray(a["nodes_modes"]).ravel()]
    nb = len(modes)
    leaf_weights = np.asarray(a["leaf_weights"], np.float64).ravel()
    if any(t != 0 for t in a["leaf_targetids"]):
        raise ValueError("a TreeEnsemble with more than one target")
    nl = len(leaf_weights)

    def child(ids, leafs):
        return np.array([nb + i if is_leaf else i for i, is_leaf in zip(ids, leafs)])

    true = np.concatenate([child(a["nodes_truenodeids"], a["nodes_trueleafs"]), -np.ones(nl, int)])
    false = np.concatenate([child(a["nodes_falsenodeids"], a["nodes_falseleafs"]), -np.ones(nl, int)])
    splits = np.asarray(a["nodes_splits"], np.float32).ravel()
    members: list[frozenset | None] = [None] * (nb + nl)
    if "MEMBER" in modes:
        flat = np.asarray(a["membership_values"], np.float64).ravel()
        groups, current = [], []
        for v in flat:
            if np.isnan(v):
                groups.append(frozenset(current))
                current = []
            else:
                current.append(float(v))
        groups.append(frozenset(current))
        for k, g in zip([k for k, m in enumerate(modes) if m == "MEMBER"], groups):
            members[k] = g
    roots = np.asarray(a["tree_roots"])
    tree = np.full(nb + nl, -1)
    for t, r in enumerate(roots):
        stack = [r]
        while stack:
            k = stack.pop()
            tree[k] = t
            if true[k] >= 0:
                stack += [true[k], false[k]]
    hitrates = a.get("nodes_hitrates")
    tracks = np.zeros(nb + nl, bool)
    if "nodes_missing_value_tracks_true" in a:
        tracks[:nb] = np.asarray(a["nodes_missing_value_tracks_true"], bool)
    return Ensemble(
        op="TreeEnsemble",
        n_features=n_features,
        tree=tree,
        node_id=np.concatenate([np.arange(nb), np.arange(nl)]),
        feature=np.concatenate([np.asarray(a["nodes_featureids"]), np.zeros(nl, int)]),
        mode=modes + ["LEAF"] * nl,
        threshold=np.concatenate([splits, np.zeros(nl, np.float32)]),
        members=members,
        true=true,
        false=false,
        tracks=tracks,
        value=np.concatenate([np.zeros(nb), leaf_weights]),
        roots=roots,
        base=0.0,
        post_transform=V5_POST[int(a.get("post_transform", 0))],
        aggregate=V5_AGGREGATE[int(a.get("aggregate_function", 1))],
        file_covers=None if hitrates is None else np.concatenate([np.asarray(hitrates, float).ravel(), np.full(nl, np.nan)]),
    )


def goes_true(e: Ensemble, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Whether float32 values v at branch nodes k take the true branch, as onnxruntime decides."""
    t = e.threshold[k]
    out = np.zeros(len(k), bool)
    modes = np.array(e.mode, dtype=object)[k]
    for mode, compare in (
        ("LEQ", np.less_equal),
        ("LT", np.less),
        ("GTE", np.greater_equal),
        ("GT", np.greater),
        ("EQ", np.equal),
        ("NEQ", np.not_equal),
    ):
        m = modes == mode
        if m.any():
            out[m] = compare(v[m], t[m])
    for j in np.flatnonzero(modes == "MEMBER"):
        out[j] = float(v[j]) in e.members[k[j]]
    return out | (np.isnan(v) & e.tracks[k])


def route(e: Ensemble, x: np.ndarray, covers: np.ndarray | None = None) -> np.ndarray:
    """The leaf (node index) each row reaches in each tree, [rows, trees]; adds visits to `covers` if given."""
    x = np.asarray(x, np.float32)
    leaves = np.empty((len(x), e.n_trees), int)
    rows = np.arange(len(x))
    for t, root in enumerate(e.roots):
        at = np.full(len(x), root)
        if covers is not None:
            covers[root] += len(x)
        active = e.true[at] >= 0
        while active.any():
            k = at[active]
            go = goes_true(e, k, x[rows[active], e.feature[k]])
            at[active] = np.where(go, e.true[k], e.false[k])
            if covers is not None:
                np.add.at(covers, at[active], 1)
            active = e.true[at] >= 0
        leaves[:, t] = at
    return leaves


def count_covers(e: Ensemble, x: np.ndarray) -> np.ndarray:
    """How many rows of x pass through each node (float32 comparisons)."""
    covers = np.zeros(len(e.mode))
    route(e, x, covers)
    return covers


def raw_score(e: Ensemble, x: np.ndarray) -> np.ndarray:
    """The positive class's score before post_transform, float64 sums of the file's weights."""
    values = e.value[route(e, x)]
    total = values.mean(1) if e.aggregate == "AVERAGE" else values.sum(1)
    return e.base + total


def probability(e: Ensemble, raw: np.ndarray) -> np.ndarray:
    if e.output_space == "log-odds":
        return 1 / (1 + np.exp(-raw))
    return raw


def tree_depth(e: Ensemble, root: int) -> int:
    deepest, stack = 0, [(root, 0)]
    while stack:
        k, d = stack.pop()
        deepest = max(deepest, d)
        if e.true[k] >= 0:
            stack += [(e.true[k], d + 1), (e.false[k], d + 1)]
    return deepest


def explained_depth(e: Ensemble, root: int) -> int:
    """Depth as the library grew the tree: a BRANCH_EQ chain counts as the one split it stands for."""
    deepest, stack = 0, [(root, 0)]
    while stack:
        k, d = stack.pop()
        deepest = max(deepest, d)
        if e.true[k] >= 0:
            split, _ = explained_split(e, k)
            stack += [(split.left, d + 1), (split.right, d + 1)]
    return deepest


# --- the trees as shap.TreeExplainer's custom model ------------------------------------------


def _float32_before(t: np.float32) -> float:
    return float(np.nextafter(np.float32(t), np.float32(-np.inf)))


@dataclass
class _Split:
    """One split of the explained tree: x_f <= threshold, or x_f in members; left is where that holds."""

    feature: int
    threshold: float
    members: frozenset | None
    left: int  # ensemble node index
    right: int
    default_left: bool
    cover_node: int


def explained_split(e: Ensemble, k: int) -> tuple[_Split, list[int]]:
    """Node k as one `<=` or set split, and the nodes it stands for (a BRANCH_EQ chain is one set split).

    Converters write a categorical split x in {a, b, c} as a chain: EQ a → yes, else EQ b → yes,
    else EQ c → yes, else no, every EQ pointing at the same 'yes' node. The library sees one
    split; so does this reader.
    """
    mode, t, f = e.mode[k], e.threshold[k], int(e.feature[k])
    tracks, yes, no = bool(e.tracks[k]), int(e.true[k]), int(e.false[k])
    if mode == "LEQ":
        return _Split(f, float(t), None, yes, no, tracks, k), [k]
    if mode == "LT":  # x < t  ⟺  x <= the float32 before t
        return _Split(f, _float32_before(t), None, yes, no, tracks, k), [k]
    if mode == "GT":  # x > t  ⟺  not x <= t
        return _Split(f, float(t), None, no, yes, not tracks, k), [k]
    if mode == "GTE":  # x >= t  ⟺  not x <= the float32 before t
        return _Split(f, _float32_before(t), None, no, yes, not tracks, k), [k]
    if mode == "NEQ":  # NaN != t is true: a NaN always goes to the true branch
        return _Split(f, 0.0, frozenset([float(t)]), no, yes, False, k), [k]
    if mode == "MEMBER":
        return _Split(f, 0.0, e.members[k], yes, no, tracks, k), [k]
    if mode == "EQ":
        members, chain, default_left, at = set(), [], None, k
        while e.mode[at] == "EQ" and int(e.feature[at]) == f and int(e.true[at]) == yes:
            members.add(float(e.threshold[at]))
            chain.append(at)
            if default_left is None and e.tracks[at]:
                default_left = True
            at = int(e.false[at])
        return _Split(f, 0.0, frozenset(members), yes, at, bool(default_left), k), chain
    raise ValueError(f"node {k}: mode {mode}")


def shap_trees(e: Ensemble, covers: np.ndarray) -> tuple[list[dict], list[list[tuple[int, frozenset]]]]:
    """shap's custom trees (children, default child, feature, threshold, value, cover) and each tree's set splits.

    covers: rows through each ensemble node (count_covers, or the file's nodes_hitrates).
    Leaf values are in the output space (scaled by 1/trees when the file averages).
    """
    scale = 1 / e.n_trees if e.aggregate == "AVERAGE" else 1.0
    trees, sets = [], []
    for root in e.roots:
        left, right, default, feature, threshold, value, cover = [], [], [], [], [], [], []
        set_splits: list[tuple[int, frozenset]] = []

        def add(k: int, weight: float) -> int:
            i = len(left)
            for column in (left, right, default, feature):
                column.append(-1)
            threshold.append(0.0)
            value.append([0.0])
            cover.append(weight)
            if e.true[k] < 0:
                value[i] = [e.value[k] * scale]
                return i
            split, _ = explained_split(e, k)
            feature[i] = split.feature
            threshold[i] = split.threshold
            if split.members is not None:
                set_splits.append((i, split.members))

            def child_weight(c: int) -> float:
                if weight > 0 and covers[c] > 0:
                    return float(covers[c])
                # Nobody reached c: a vanishing share below a node with rows, half each below an empty one.
                return EMPTY_COVER if covers[split.cover_node] > 0 else weight / 2

            left[i] = add(split.left, child_weight(split.left))
            right[i] = add(split.right, child_weight(split.right))
            default[i] = left[i] if split.default_left else right[i]
            return i

        add(int(root), float(covers[root]) if covers[root] > 0 else 1.0)
        trees.append(
            {
                "children_left": np.array(left),
                "children_right": np.array(right),
                "children_default": np.array(default),
                "features": np.array(feature),
                "thresholds": np.array(threshold, np.float64),
                "values": np.array(value, np.float64),
                "node_sample_weight": np.array(cover, np.float64),
            }
        )
        sets.append(set_splits)
    return trees, sets


def shap_values(e: Ensemble, covers: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Path-dependent TreeSHAP by shap.TreeExplainer on the ONNX trees: [rows, features + 1], base value last."""
    import shap

    trees, sets = shap_trees(e, covers)
    set_features = {int(trees[t]["features"][i]) for t, s in enumerate(sets) for i, _ in s}
    for s in sets:
        for _, members in s:
            if any(m != int(m) or not 0 <= m <= 22 for m in members):
                raise ValueError("set splits need whole codes 0–22: shap tests bit (code − 1) of a float32 bitmask")
    # shap tests a set split as bit (x − 1) of the threshold: codes move up by one, and so do
    # the `<=` thresholds on those features (x + 1 <= t + 1 exactly for codes this small).
    for t, tree in enumerate(trees):
        for i, f in enumerate(tree["features"]):
            if f in set_features and tree["children_left"][i] >= 0:
                tree["thresholds"][i] += 1.0
    model = {
        "trees": trees,
        "base_offset": e.base,
        "tree_output": "raw_value",
        "objective": "squared_error",
        "input_dtype": np.float64,
        "internal_dtype": np.float64,
    }
    explainer = shap.TreeExplainer(model, feature_perturbation="tree_path_dependent")
    for t, s in enumerate(sets):
        for i, members in s:
            explainer.model.threshold_types[t, i] = 1
            explainer.model.thresholds[t, i] = float(sum(2 ** int(m) for m in members))
    x64 = np.asarray(x, np.float32).astype(np.float64)
    for f in set_features:
        x64[:, f] += 1.0
    phi = np.asarray(explainer.shap_values(x64, check_additivity=False), np.float64)
    base = float(np.atleast_1d(explainer.expected_value)[0])
    return np.hstack([phi.reshape(len(x64), -1), np.full((len(x64), 1), base)])


# --- linear classifiers ----------------------------------------------------------------------


@dataclass
class Linear:
    coefficients: np.ndarray  # positive class, per feature
    intercept: float
    post_transform: str

    @property
    def output_space(self) -> str:
        return "log-odds" if self.post_transform == "LOGISTIC" else "raw"


def read_linear(model: onnx.ModelProto) -> Linear:
    (node,) = [n for n in model.graph.node if n.op_type == "LinearClassifier"]
    a = attributes(node)
    coef = np.asarray(a["coefficients"], np.float64)
    intercepts = np.asarray(a["intercepts"], np.float64)
    labels = a.get("classlabels_ints") or a.get("classlabels_strings")
    if len(labels) != 2:
        raise ValueError("not a binary classifier")
    if len(intercepts) == 1:  # one score for class 1 (scikit-learn's binary LogisticRegression)
        return Linear(coef, float(intercepts[0]), text(a.get("post_transform", "NONE")))
    # One row per class; onnxruntime applies post_transform to each class's score, so class 1's row is the score.
    return Linear(coef.reshape(2, -1)[1], float(intercepts[1]), text(a.get("post_transform", "NONE")))
