"""Hand-built tree-ensemble ONNX files and what onnxruntime outputs for them.

The TypeScript reader (src/lib/core/model/read-ensemble.ts) claims to reach the leaf
onnxruntime reaches and to compute the number onnxruntime writes for the positive class.
These cases pin that claim to onnxruntime itself: every split mode of ai.onnx.ml 3 and 5
(with and without missing-value tracking), values exactly on thresholds and one float32
step either side, float32 `*_as_tensor` attributes, set membership (small sets compared
exactly, large sets on the truncated integer, as onnxruntime does), the binary-classifier
weight layouts and post-transforms, regressors with SUM and AVERAGE, and files the reader
must refuse. Nothing here is computed by the code under test.
"""

from __future__ import annotations

import base64

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ort.set_default_logger_severity(4)

N_FEATURES = 5
GRID = np.array([-3, -1, -0.5, 0, 0.5, 1, 2, 2.5, 3, 7, 40, 100], dtype=np.float32)
THRESHOLDS = np.array([-1, -0.5, 0, 0.5, 1, 2, 2.5, 7], dtype=np.float32)


def _rows(rng: np.random.Generator, n: int) -> np.ndarray:
    """Rows on the threshold grid, one float32 step off it, or missing."""
    x = rng.choice(GRID, size=(n, N_FEATURES)).astype(np.float32)
    step = rng.random(x.shape)
    x = np.where(step < 0.15, np.nextafter(x, np.float32(np.inf)), x)
    x = np.where((step >= 0.15) & (step < 0.3), np.nextafter(x, np.float32(-np.inf)), x)
    x[rng.random(x.shape) < 0.12] = np.nan
    x[0] = np.inf
    x[1] = -np.inf
    return x.astype(np.float32)


class Tree:
    """A random binary tree: branch nodes carry (feature, mode, threshold or set, tracks)."""

    def __init__(self, rng: np.random.Generator, modes: list[str], depth: int, sets: bool):
        self.nodes: list[dict] = []
        self._grow(rng, modes, depth, sets)

    def _grow(self, rng, modes, depth, sets) -> int:
        index = len(self.nodes)
        node: dict = {}
        self.nodes.append(node)
        if depth == 0 or (index > 0 and rng.random() < 0.25):
            node.update(leaf=True, weight=float(np.float32(rng.normal())), count=int(rng.integers(1, 40)))
            return index
        mode = str(rng.choice(modes))
        node.update(leaf=False, feature=int(rng.integers(N_FEATURES)), mode=mode, tracks=int(rng.random() < 0.5))
        if mode == "BRANCH_MEMBER":
            if sets and rng.random() < 0.5:
                node["set"] = sorted({int(v) for v in rng.integers(-5, 120, size=int(rng.integers(31, 45)))} | {2, 40})
            else:
                node["set"] = sorted({float(v) for v in rng.choice([0, 1, 2, 2.5, 3, 7, 30], size=3)})
            node["value"] = float("nan")
        else:
            node["value"] = float(rng.choice(THRESHOLDS))
        node["true"] = self._grow(rng, modes, depth - 1, sets)
        node["false"] = self._grow(rng, modes, depth - 1, sets)
        node["count"] = self.nodes[node["true"]]["count"] + self.nodes[node["false"]]["count"]
        return index


V3_MODES = ["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ"]
V5_MODES = V3_MODES + ["BRANCH_MEMBER"]


def _v3_attributes(trees: list[Tree], tree_ids: list[int], node_id, prefix: str, column_weights) -> dict:
    """nodes_* and <prefix>_* attribute lists; node_id(size, i) numbers node i of a tree of size nodes; column_weights(leaf) -> [(id, weight)]."""
    a: dict = {k: [] for k in ["treeids", "nodeids", "featureids", "modes", "values", "truenodeids", "falsenodeids", "tracks", "hitrates"]}
    w: dict = {k: [] for k in ["treeids", "nodeids", "ids", "weights"]}
    for tree, tid in zip(trees, tree_ids):
        for i, node in enumerate(tree.nodes):
            a["treeids"].append(tid)
            a["nodeids"].append(node_id(len(tree.nodes), i))
            a["hitrates"].append(float(node["count"]))
            if node["leaf"]:
                a["featureids"].append(0)
                a["modes"].append("LEAF")
                a["values"].append(0.0)
                a["truenodeids"].append(0)
                a["falsenodeids"].append(0)
                a["tracks"].append(0)
                for cid, weight in column_weights(node):
                    w["treeids"].append(tid)
                    w["nodeids"].append(node_id(len(tree.nodes), i))
                    w["ids"].append(cid)
                    w["weights"].append(weight)
            else:
                a["featureids"].append(node["feature"])
                a["modes"].append(node["mode"])
                a["values"].append(node["value"])
                a["truenodeids"].append(node_id(len(tree.nodes), node["true"]))
                a["falsenodeids"].append(node_id(len(tree.nodes), node["false"]))
                a["tracks"].append(node["tracks"])
    attrs = {
        "nodes_treeids": a["treeids"],
        "nodes_nodeids": a["nodeids"],
        "nodes_featureids": a["featureids"],
        "nodes_modes": a["modes"],
        "nodes_values": a["values"],
        "nodes_truenodeids": a["truenodeids"],
        "nodes_falsenodeids": a["falsenodeids"],
        "nodes_missing_value_tracks_true": a["tracks"],
        "nodes_hitrates": a["hitrates"],
        f"{prefix}_treeids": w["treeids"],
        f"{prefix}_nodeids": w["nodeids"],
        f"{prefix}_ids": w["ids"],
        f"{prefix}_weights": w["weights"],
    }
    return attrs


def _as_tensors(attrs: dict, names: list[str]) -> dict:
    out = dict(attrs)
    for name in names:
        out[f"{name}_as_tensor"] = numpy_helper.from_array(np.array(out.pop(name), dtype=np.float32))
    return out


def _model(op: str, attrs: dict, ml: int, classifier: bool, pre: list | None = None) -> onnx.ModelProto:
    outputs = ["label", "probabilities"] if classifier else ["variable"]
    nodes = list(pre or [])
    tree_input = "scaled" if pre else "input"
    nodes.append(helper.make_node(op, [tree_input], outputs, domain="ai.onnx.ml", **attrs))
    graph_outputs = (
        [helper.make_tensor_value_info("label", TensorProto.INT64, [None]), helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 2])]
        if classifier
        else [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])]
    )
    graph = helper.make_graph(nodes, op, [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, N_FEATURES])], graph_outputs)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("ai.onnx.ml", ml)])
    model.ir_version = 9
    return model


def _ort(model: onnx.ModelProto, x: np.ndarray, classifier: bool) -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    out = session.run(None, {"input": x})
    return out[1][:, 1] if classifier else out[0][:, 0]


def _v5_attributes(trees: list[Tree], post: int, aggregate: int) -> dict:
    modes, splits, feats, true_ids, true_leafs, false_ids, false_leafs, tracks, members = [], [], [], [], [], [], [], [], []
    leaf_weights, roots = [], []
    for tree in trees:
        branch_index: dict[int, int] = {}
        leaf_index: dict[int, int] = {}
        for i, node in enumerate(tree.nodes):
            if node["leaf"]:
                leaf_index[i] = len(leaf_weights)
                leaf_weights.append(node["weight"])
            else:
                branch_index[i] = len(modes)
                modes.append(V5_MODES.index(node["mode"]))
                splits.append(node["value"])
                feats.append(node["feature"])
                tracks.append(node["tracks"])
                true_ids.append(-1)
                false_ids.append(-1)
                true_leafs.append(0)
                false_leafs.append(0)
                if node["mode"] == "BRANCH_MEMBER":
                    members.extend(node["set"] + [float("nan")])
        for i, node in enumerate(tree.nodes):
            if node["leaf"]:
                continue
            b = branch_index[i]
            for side, ids, leafs in (("true", true_ids, true_leafs), ("false", false_ids, false_leafs)):
                child = node[side]
                if tree.nodes[child]["leaf"]:
                    ids[b], leafs[b] = leaf_index[child], 1
                else:
                    ids[b] = branch_index[child]
        roots.append(branch_index[0])
    return {
        "n_targets": 1,
        "post_transform": post,
        "aggregate_function": aggregate,
        "tree_roots": roots,
        "nodes_featureids": feats,
        "nodes_modes": numpy_helper.from_array(np.array(modes, dtype=np.uint8)),
        "nodes_splits": numpy_helper.from_array(np.array(splits, dtype=np.float32)),
        "nodes_truenodeids": true_ids,
        "nodes_trueleafs": true_leafs,
        "nodes_falsenodeids": false_ids,
        "nodes_falseleafs": false_leafs,
        "nodes_missing_value_tracks_true": tracks,
        "membership_values": numpy_helper.from_array(np.array(members, dtype=np.float32)),
        "leaf_targetids": [0] * len(leaf_weights),
        "leaf_weights": numpy_helper.from_array(np.array(leaf_weights, dtype=np.float32)),
    }


def _one_leaf_v5_tree(attrs: dict, weight: float) -> dict:
    """Appends a one-leaf tree the way onnxruntime reads it: a root whose two branches are the
    same leaf, whose weight onnxruntime takes at the root's own index. That index is also a
    leaf of an earlier tree here, so the case covers a leaf shared by two trees as well."""
    out = dict(attrs)
    root = len(out["nodes_featureids"])
    leaf_weights = numpy_helper.to_array(out["leaf_weights"]).tolist()
    while len(leaf_weights) <= root:
        leaf_weights.append(0.0)
    leaf_weights[root] = weight
    modes = numpy_helper.to_array(out["nodes_modes"]).tolist() + [0]
    splits = numpy_helper.to_array(out["nodes_splits"]).tolist() + [0.0]
    out.update(
        nodes_featureids=out["nodes_featureids"] + [0],
        nodes_modes=numpy_helper.from_array(np.array(modes, dtype=np.uint8)),
        nodes_splits=numpy_helper.from_array(np.array(splits, dtype=np.float32)),
        nodes_truenodeids=out["nodes_truenodeids"] + [root],
        nodes_trueleafs=out["nodes_trueleafs"] + [1],
        nodes_falsenodeids=out["nodes_falsenodeids"] + [root],
        nodes_falseleafs=out["nodes_falseleafs"] + [1],
        nodes_missing_value_tracks_true=out["nodes_missing_value_tracks_true"] + [0],
        leaf_targetids=[0] * len(leaf_weights),
        leaf_weights=numpy_helper.from_array(np.array(leaf_weights, dtype=np.float32)),
        tree_roots=out["tree_roots"] + [root],
    )
    return out


def build(seed: int = 7) -> dict:
    rng = np.random.default_rng(seed)
    x = _rows(rng, 400)
    cases: list[dict] = []

    def add(name: str, model: onnx.ModelProto, classifier: bool, expect: str = "ok", note: str = "") -> None:
        case = {"name": name, "note": note, "expect": expect, "onnx": base64.b64encode(model.SerializeToString()).decode()}
        if expect == "ok":
            case["ort"] = [float(v) for v in _ort(model, x, classifier)]
        cases.append(case)

    def forest(count: int, modes: list[str], depth: int = 5, sets: bool = False) -> list[Tree]:
        return [Tree(rng, modes, depth, sets) for _ in range(count)]

    def one_column(c):
        return lambda leaf: [(c, leaf["weight"])]

    def two_columns(leaf):
        return [(0, float(np.float32(-leaf["weight"] / 3))), (1, leaf["weight"])]

    def positive(leaf):
        p = float(np.float32(1 / (1 + np.exp(-leaf["weight"])) / 4))
        return [(0, float(np.float32(0.25 - p))), (1, p)]

    ids = lambda size, i: i  # noqa: E731
    labels = {"classlabels_int64s": [0, 1]}

    trees = forest(4, V3_MODES)
    attrs = _v3_attributes(trees, [0, 1, 2, 3], ids, "class", one_column(0))
    add("v3 classifier, every split mode, one weight column, LOGISTIC, one base value",
        _model("TreeEnsembleClassifier", {**attrs, **labels, "post_transform": "LOGISTIC", "base_values": [0.375]}, 1, True), True)
    add("v3 classifier with float32 *_as_tensor attributes",
        _model("TreeEnsembleClassifier", _as_tensors({**attrs, **labels, "post_transform": "LOGISTIC", "base_values": [0.375]},
                                                      ["nodes_values", "class_weights", "base_values", "nodes_hitrates"]), 3, True), True)
    attrs1 = _v3_attributes(trees, [0, 1, 2, 3], ids, "class", one_column(1))
    add("v3 classifier, weights in column 1, LOGISTIC, base value ignored by onnxruntime",
        _model("TreeEnsembleClassifier", {**attrs1, **labels, "post_transform": "LOGISTIC", "base_values": [0.375]}, 1, True), True)
    add("v3 classifier, one column, NONE", _model("TreeEnsembleClassifier", {**attrs, **labels, "post_transform": "NONE", "base_values": [0.25]}, 1, True), True)

    trees = forest(3, V3_MODES, depth=4)
    attrs2 = _v3_attributes(trees, [0, 1, 2], ids, "class", two_columns)
    add("v3 classifier, two columns, SOFTMAX, one base value",
        _model("TreeEnsembleClassifier", {**attrs2, **labels, "post_transform": "SOFTMAX", "base_values": [0.5]}, 1, True), True)
    add("v3 classifier, two columns, LOGISTIC", _model("TreeEnsembleClassifier", {**attrs2, **labels, "post_transform": "LOGISTIC"}, 1, True), True)
    attrs_p = _v3_attributes(trees, [0, 1, 2], ids, "class", positive)
    add("v3 classifier, two columns of probabilities, NONE (a random forest)",
        _model("TreeEnsembleClassifier", {**attrs_p, **labels, "post_transform": "NONE"}, 1, True), True)
    add("v3 classifier, one column of probabilities, NONE",
        _model("TreeEnsembleClassifier", {**_v3_attributes(trees, [0, 1, 2], ids, "class", lambda leaf: [positive(leaf)[1]]), **labels, "post_transform": "NONE"}, 1, True), True)

    trees = forest(5, V3_MODES)
    shuffled = lambda size, i: size - 1 - i  # noqa: E731
    attrs_r = _v3_attributes(trees, [9, 4, 6, 2, 11], shuffled, "target", one_column(0))
    add("v3 regressor, SUM, base value, tree ids out of order, node ids reversed",
        _model("TreeEnsembleRegressor", {**attrs_r, "n_targets": 1, "base_values": [-0.5]}, 1, False), False)
    add("v3 regressor, AVERAGE", _model("TreeEnsembleRegressor", {**attrs_r, "n_targets": 1, "aggregate_function": "AVERAGE", "base_values": [1.5]}, 1, False), False)
    add("v3 regressor, LOGISTIC (onnxruntime applies no transform to one target)",
        _model("TreeEnsembleRegressor", {**attrs_r, "n_targets": 1, "post_transform": "LOGISTIC"}, 1, False), False)

    trees = forest(6, V5_MODES, sets=True)
    v5 = _one_leaf_v5_tree(_v5_attributes(trees, post=0, aggregate=1), 0.625)
    add("v5 TreeEnsemble, every mode with small and large member sets, a one-leaf tree", _model("TreeEnsemble", v5, 5, False), False)
    add("v5 TreeEnsemble, AVERAGE, LOGISTIC ignored", _model("TreeEnsemble", {**v5, "aggregate_function": 0, "post_transform": 2}, 5, False), False)

    # Files the reader must refuse.
    attrs3 = _v3_attributes(forest(2, V3_MODES, 3), [0, 1], ids, "class", lambda leaf: [(0, leaf["weight"]), (2, leaf["weight"])])
    add("three classes", _model("TreeEnsembleClassifier", {**attrs3, "classlabels_int64s": [0, 1, 2], "post_transform": "SOFTMAX"}, 1, True), True, "trees.unsupported")
    add("MIN aggregation", _model("TreeEnsembleRegressor", {**attrs_r, "n_targets": 1, "aggregate_function": "MIN"}, 1, False), False, "trees.unsupported")
    add("PROBIT", _model("TreeEnsembleRegressor", {**attrs_r, "n_targets": 1, "post_transform": "PROBIT"}, 1, False), False, "trees.unsupported")
    add("two base values in a binary classifier",
        _model("TreeEnsembleClassifier", {**attrs, **labels, "post_transform": "LOGISTIC", "base_values": [0.1, 0.2]}, 1, True), True, "trees.unsupported")
    scaler = helper.make_node("Scaler", ["input"], ["scaled"], domain="ai.onnx.ml", offset=[0.0] * N_FEATURES, scale=[2.0] * N_FEATURES)
    add("trees behind a Scaler", _model("TreeEnsembleRegressor", {**attrs_r, "n_targets": 1}, 1, False, pre=[scaler]), False, "trees.input_transformed")
    big = {
        "n_targets": 1, "tree_roots": [0], "nodes_featureids": [0],
        "nodes_modes": numpy_helper.from_array(np.array([6], dtype=np.uint8)),
        "nodes_splits": numpy_helper.from_array(np.array([np.nan], dtype=np.float32)),
        "nodes_truenodeids": [0], "nodes_trueleafs": [1], "nodes_falsenodeids": [1], "nodes_falseleafs": [1],
        "membership_values": numpy_helper.from_array(np.array([0.5] + list(range(1, 41)) + [np.nan], dtype=np.float32)),
        "leaf_targetids": [0, 0], "leaf_weights": numpy_helper.from_array(np.array([1, 0], dtype=np.float32)),
    }
    bad_model = _model("TreeEnsemble", big, 5, False)
    try:
        _ort(bad_model, x, False)
    except Exception:  # onnxruntime raises its own Fail type
        pass
    else:
        raise AssertionError("onnxruntime was expected to refuse a large set of non-integers")
    for case in cases:
        case.setdefault("ort", None)
    cases.append({"name": "a large member set with a non-integer, which onnxruntime refuses", "note": "", "expect": "trees.malformed",
                  "onnx": base64.b64encode(bad_model.SerializeToString()).decode(), "ort": None})
    no_trees = helper.make_model(
        helper.make_graph([helper.make_node("Identity", ["input"], ["variable"])], "none",
                          [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, N_FEATURES])],
                          [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, N_FEATURES])]),
        opset_imports=[helper.make_opsetid("", 17)])
    cases.append({"name": "no tree ensemble", "note": "", "expect": "trees.missing", "onnx": base64.b64encode(no_trees.SerializeToString()).decode(), "ort": None})
    return {"features": N_FEATURES, "rows": x, "cases": cases}
