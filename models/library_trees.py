"""The trees as each library holds them, and where each ONNX node sits in them.

A converter writes a library's trees into ONNX and loses two things on the way: thresholds
go from float64 to the nearest float32 (so a float32 input equal to a rounded-up threshold
takes the other branch than in the library), and some converters drop where a missing value
goes (skl2onnx 1.20 ignores scikit-learn's missing_go_to_left). To put both back, every ONNX
node is matched with the library's own node by walking the two trees side by side from the
root: the ONNX true branch is the library's left (LightGBM, scikit-learn) or "yes"
(XGBoost), and a BRANCH_EQ chain stands for one categorical split.

One table per tree, root at 0, in the library's node numbering:
- left, right: children (-1 at a leaf); left is where the split's condition holds;
- feature, threshold (float64; NaN for a categorical split), categorical;
- decision: how the library compares, "LEQ" (x <= t) or "LT" (x < t);
- default_left: where the library sends a missing value;
- cover: the library's own node weight (LightGBM and scikit-learn: training rows;
  XGBoost: hessian sum; HistGradientBoosting: training rows);
- leaf_value: the leaf weight the converter copies (LightGBM, XGBoost), else None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from onnx_trees import Ensemble, explained_split


@dataclass
class LibraryTree:
    left: np.ndarray
    right: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    categorical: np.ndarray
    default_left: np.ndarray
    cover: np.ndarray
    decision: str
    leaf_value: np.ndarray | None = None


def _table(n: int) -> dict:
    return {
        "left": np.full(n, -1),
        "right": np.full(n, -1),
        "feature": np.full(n, -1),
        "threshold": np.full(n, np.nan),
        "categorical": np.zeros(n, bool),
        "default_left": np.zeros(n, bool),
        "cover": np.zeros(n),
        "leaf_value": np.zeros(n),
    }


def lightgbm_trees(booster) -> list[LibraryTree]:
    """From Booster.dump_model(): the same JSON onnxmltools converts."""
    trees = []
    for info in booster.dump_model()["tree_info"]:
        nodes = []
        stack = [info["tree_structure"]]
        while stack:
            nodes.append(stack.pop())
            if "split_index" in nodes[-1]:
                stack += [nodes[-1]["right_child"], nodes[-1]["left_child"]]
        position = {id(node): i for i, node in enumerate(nodes)}
        t = _table(len(nodes))
        for i, node in enumerate(nodes):
            if "split_index" in node:
                t["left"][i], t["right"][i] = position[id(node["left_child"])], position[id(node["right_child"])]
                t["feature"][i] = node["split_feature"]
                if node["decision_type"] == "==":
                    t["categorical"][i] = True
                elif node["decision_type"] == "<=":
                    t["threshold"][i] = float(node["threshold"])
                else:
                    raise ValueError(f"LightGBM split {node['decision_type']!r}")
                t["default_left"][i] = bool(node["default_left"])
                t["cover"][i] = node["internal_count"]
            else:
                t["cover"][i] = node.get("leaf_count", 0)
                t["leaf_value"][i] = node["leaf_value"]
        trees.append(LibraryTree(decision="LEQ", **t))
    return trees


def xgboost_trees(booster) -> list[LibraryTree]:
    """From Booster.get_dump(dump_format="json"): the same JSON onnxmltools converts.

    XGBoost keeps thresholds in float32 and compares x < t in float32; the dump prints them
    with nine digits, so rounding the printed number to float32 gives the threshold back.
    """
    trees = []
    names = {name: i for i, name in enumerate(booster.feature_names or [])}
    for dump in booster.get_dump(with_stats=True, dump_format="json"):
        nodes = {}
        stack = [json.loads(dump)]
        while stack:
            node = stack.pop()
            nodes[node["nodeid"]] = node
            stack += node.get("children", [])
        t = _table(max(nodes) + 1)
        for i, node in nodes.items():
            t["cover"][i] = node.get("cover", 0.0)
            if "children" in node:
                t["left"][i], t["right"][i] = node["yes"], node["no"]
                split = str(node["split"])
                t["feature"][i] = names[split] if split in names else int(split.removeprefix("f"))
                if isinstance(node["split_condition"], list):
                    t["categorical"][i] = True
                else:
                    t["threshold"][i] = float(np.float32(node["split_condition"]))
                t["default_left"][i] = node["missing"] == node["yes"]
            else:
                t["leaf_value"][i] = node["leaf"]
        trees.append(LibraryTree(decision="LT", **t))
    return trees


def sklearn_tree(tree) -> LibraryTree:
    """A fitted sklearn.tree._tree.Tree (x <= threshold goes left; X is float32 against float64 thresholds)."""
    leaf = tree.children_left < 0
    go_left = getattr(tree, "missing_go_to_left", np.zeros(tree.node_count, np.uint8))
    return LibraryTree(
        left=tree.children_left.astype(int),
        right=tree.children_right.astype(int),
        feature=np.where(leaf, -1, tree.feature),
        threshold=np.where(leaf, np.nan, tree.threshold),
        categorical=np.zeros(tree.node_count, bool),
        default_left=np.asarray(go_left, bool) & ~leaf,
        cover=tree.weighted_n_node_samples.astype(float),
        decision="LEQ",
    )


def hgb_tree(predictor) -> LibraryTree:
    nodes = predictor.nodes
    leaf = nodes["is_leaf"].astype(bool)
    if nodes["is_categorical"].any():
        raise ValueError("HistGradientBoosting with categorical splits: skl2onnx cannot convert them")
    return LibraryTree(
        left=np.where(leaf, -1, nodes["left"].astype(int)),
        right=np.where(leaf, -1, nodes["right"].astype(int)),
        feature=np.where(leaf, -1, nodes["feature_idx"].astype(int)),
        threshold=np.where(leaf, np.nan, nodes["num_threshold"].astype(float)),
        categorical=np.zeros(len(nodes), bool),
        default_left=nodes["missing_go_to_left"].astype(bool) & ~leaf,
        cover=nodes["count"].astype(float),
        decision="LEQ",
    )


def sklearn_trees(model) -> list[LibraryTree]:
    name = type(model).__name__
    if name == "HistGradientBoostingClassifier":
        return [hgb_tree(p[0]) for p in model._predictors]
    if name == "GradientBoostingClassifier":
        return [sklearn_tree(e.tree_) for e in model.estimators_[:, 0]]
    if name in ("RandomForestClassifier", "ExtraTreesClassifier"):
        return [sklearn_tree(e.tree_) for e in model.estimators_]
    if name == "DecisionTreeClassifier":
        return [sklearn_tree(model.tree_)]
    raise ValueError(f"no tree reader for {name}")


# --- float32 thresholds that branch exactly as the library does --------------------------------


def float32_at_most(threshold: float) -> np.float32:
    """The largest float32 not above a double threshold.

    For every float32 x, x <= t exactly when x <= float32_at_most(t). Rounding to the nearest
    float32, as the converters do, sends an input equal to a threshold rounded up to the
    other branch than the library takes (592 of 9,871 splits in the bundled model's first
    export did).
    """
    with np.errstate(over="ignore"):
        f = np.float32(threshold)
    return np.nextafter(f, np.float32(-np.inf)) if float(f) > threshold else f


def float32_at_least(threshold: float) -> np.float32:
    """The smallest float32 not below a double threshold: x < t exactly when x < float32_at_least(t)."""
    with np.errstate(over="ignore"):
        f = np.float32(threshold)
    return np.nextafter(f, np.float32(np.inf)) if float(f) < threshold else f


def float32_threshold(mode: str, threshold: float) -> np.float32:
    """The float32 threshold under which `x MODE t32` holds for exactly the float32 x with `x MODE t`."""
    if mode in ("LEQ", "GT"):  # x <= t, and its negation x > t
        return float32_at_most(threshold)
    if mode in ("LT", "GTE"):  # x < t, and its negation x >= t
        return float32_at_least(threshold)
    raise ValueError(f"no float32 threshold for mode {mode}")


# --- walking the ONNX tree beside the library's ------------------------------------------------


@dataclass
class Alignment:
    """Per ONNX node (the Ensemble's order): its library tree and node, -1 where it has none."""

    tree: np.ndarray
    node: np.ndarray
    # A categorical split's BRANCH_EQ chain: every chain node maps to the library's split.
    chained: np.ndarray


def align(e: Ensemble, trees: list[LibraryTree]) -> Alignment:
    """Matches every ONNX node with its library node; raises where the two trees differ."""
    if len(trees) != e.n_trees:
        raise ValueError(f"the ONNX file has {e.n_trees} trees, the library {len(trees)}")
    lib_tree = np.full(len(e.mode), -1)
    lib_node = np.full(len(e.mode), -1)
    chained = np.zeros(len(e.mode), bool)
    for t, (root, lib) in enumerate(zip(e.roots, trees)):
        stack = [(int(root), 0)]
        while stack:
            k, j = stack.pop()
            if lib_tree[k] >= 0:
                if (lib_tree[k], lib_node[k]) != (t, j):
                    raise ValueError(f"tree {t}: ONNX node {e.node_id[k]} stands for two library nodes")
                continue
            lib_tree[k], lib_node[k] = t, j
            where = f"tree {t} node {e.node_id[k]}"
            if e.true[k] < 0:
                if lib.left[j] >= 0:
                    raise ValueError(f"{where}: a leaf in ONNX, a split in the library")
                if lib.leaf_value is not None and np.float32(e.value[k]) != np.float32(lib.leaf_value[j]):
                    raise ValueError(f"{where}: leaf value {e.value[k]} differs from the library's {lib.leaf_value[j]}")
                continue
            if lib.left[j] < 0:
                raise ValueError(f"{where}: a split in ONNX, a leaf in the library")
            split, chain = explained_split(e, k)
            if int(e.feature[k]) != lib.feature[j]:
                raise ValueError(f"{where}: feature {e.feature[k]} differs from the library's {lib.feature[j]}")
            if lib.categorical[j] != (e.mode[k] == "EQ"):
                raise ValueError(f"{where}: {e.mode[k]} against a {'categorical' if lib.categorical[j] else 'numeric'} library split")
            if lib.categorical[j]:
                for c in chain[1:]:
                    lib_tree[c], lib_node[c], chained[c] = t, j, True
                stack += [(split.left, int(lib.left[j])), (split.right, int(lib.right[j]))]
                continue
            if e.mode[k] != lib.decision:
                raise ValueError(f"{where}: mode {e.mode[k]}, the library compares {lib.decision}")
            threshold = lib.threshold[j]
            with np.errstate(over="ignore"):
                written = {np.float32(threshold), float32_threshold(lib.decision, threshold)}
            if e.threshold[k] not in written:
                raise ValueError(f"{where}: threshold {e.threshold[k]} is not the library's {threshold} in float32")
            stack += [(int(e.true[k]), int(lib.left[j])), (int(e.false[k]), int(lib.right[j]))]
    if (lib_tree < 0).any():
        raise ValueError(f"{int((lib_tree < 0).sum())} ONNX nodes have no library counterpart")
    return Alignment(lib_tree, lib_node, chained)


def library_covers(alignment: Alignment, trees: list[LibraryTree]) -> np.ndarray:
    """The library's node weights on the ONNX nodes (a chain's later nodes: NaN, the library has no such node)."""
    covers = np.array([trees[t].cover[j] for t, j in zip(alignment.tree, alignment.node)], float)
    covers[alignment.chained] = np.nan
    return covers


def exact_thresholds(e: Ensemble, alignment: Alignment, trees: list[LibraryTree]) -> np.ndarray:
    """Per ONNX node, the float32 threshold that branches as the library does (others unchanged)."""
    out = e.threshold.copy()
    for k, (t, j) in enumerate(zip(alignment.tree, alignment.node)):
        if e.mode[k] in ("LEQ", "LT", "GT", "GTE"):
            out[k] = float32_threshold(e.mode[k], trees[t].threshold[j])
    return out


def missing_tracks(e: Ensemble, alignment: Alignment, trees: list[LibraryTree]) -> np.ndarray:
    """Per ONNX node, whether a missing value takes the true branch as the library sends it (LEQ/LT splits)."""
    out = e.tracks.copy()
    for k, (t, j) in enumerate(zip(alignment.tree, alignment.node)):
        if e.mode[k] in ("LEQ", "LT"):
            out[k] = bool(trees[t].default_left[j])
    return out
