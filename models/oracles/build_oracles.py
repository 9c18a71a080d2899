"""Writes the oracle fixtures for the TypeScript tree reader and TreeSHAP.

    python models/oracles/build_oracles.py

For each library (XGBoost, scikit-learn GradientBoosting / RandomForest / HistGradientBoosting,
LightGBM) it trains a small binary classifier on synthetic data, exports it to ONNX with the
library's usual converter (onnxmltools or skl2onnx), fills `nodes_hitrates` with the
library's own node counts when the converter leaves it empty or at its placeholder 1.0 (the
product pipeline does the same), and writes

    test/fixtures/oracle/<name>.onnx
    test/fixtures/oracle/<name>.json   rows (null for NaN), the library's raw margin, the
                                       library's own path-dependent TreeSHAP values (last
                                       column the bias), and onnxruntime's P(class 1)

plus ort-cases.json (see ort_cases.py). The TypeScript tests compare against these numbers
only; none of them comes from the code under test.

Oracles for the contributions: XGBoost `pred_contribs`, LightGBM `pred_contrib`, and
shap.TreeExplainer(feature_perturbation="tree_path_dependent") for scikit-learn, all exact
path-dependent TreeSHAP (Lundberg et al. 2020, Algorithm 2) over the same covers.
"""

from __future__ import annotations

import json
import pathlib
import sys
import warnings

import numpy as np
import onnx
import onnxruntime as ort
from onnx import helper

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ort_cases  # noqa: E402

ROOT = HERE.parents[1]
OUT = ROOT / "test" / "fixtures" / "oracle"
SEED = 20240
N_FEATURES = 8
N_TRAIN = 4000
N_ROWS = 160

warnings.filterwarnings("ignore")
ort.set_default_logger_severity(4)

# skl2onnx 1.20 passes numpy bools inside nodes_missing_value_tracks_true for
# HistGradientBoosting, which onnx.helper.make_attribute rejects; hand it ints.
_make_attribute = helper.make_attribute


def _make_attribute_with_int_flags(key, value, *args, **kwargs):
    if isinstance(value, (list, tuple)) and any(isinstance(v, (bool, np.bool_)) for v in value):
        value = [int(v) for v in value]
    return _make_attribute(key, value, *args, **kwargs)


helper.make_attribute = _make_attribute_with_int_flags


def synthetic(rng: np.random.Generator, n: int, missing: float) -> tuple[np.ndarray, np.ndarray]:
    """Correlated features, a nonlinear label with interactions, NaN at rate `missing` in every column."""
    z = rng.normal(size=(n, N_FEATURES))
    x = z.copy()
    x[:, 1] = 0.6 * z[:, 0] + 0.8 * z[:, 1]
    x[:, 2] = np.exp(z[:, 2])
    x[:, 3] = np.round(np.abs(z[:, 3]) * 3)
    logit = 1.2 * x[:, 0] - 0.8 * x[:, 1] * (x[:, 2] > 1) + 0.5 * x[:, 3] - 0.7 * np.sin(2 * x[:, 4]) + 0.4 * x[:, 5] * x[:, 6]
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    x = x.astype(np.float32)
    if missing > 0:
        x[rng.random(x.shape) < missing] = np.nan
    return x, y


# --- node counts from each library, as (left, right, cover) arrays per tree, root at 0 -----------

def sklearn_tree(tree) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    t = tree.tree_
    return t.children_left, t.children_right, t.weighted_n_node_samples


def hgb_tree(predictor) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    nodes = predictor.nodes
    leaf = nodes["is_leaf"].astype(bool)
    left = np.where(leaf, -1, nodes["left"].astype(np.int64))
    right = np.where(leaf, -1, nodes["right"].astype(np.int64))
    return left, right, nodes["count"].astype(float)


def lightgbm_trees(booster) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    trees = []
    for info in booster.dump_model()["tree_info"]:
        left, right, cover = [], [], []

        def walk(node) -> int:
            i = len(left)
            left.append(-1)
            right.append(-1)
            cover.append(float(node.get("internal_count", node.get("leaf_count", 0))))
            if "split_index" in node:
                left[i] = walk(node["left_child"])
                right[i] = walk(node["right_child"])
            return i

        walk(info["tree_structure"])
        trees.append((np.array(left), np.array(right), np.array(cover)))
    return trees


def xgboost_trees(booster) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    trees = []
    for dump in booster.get_dump(with_stats=True, dump_format="json"):
        nodes = {}

        def collect(node):
            nodes[node["nodeid"]] = node
            for child in node.get("children", []):
                collect(child)

        collect(json.loads(dump))
        size = max(nodes) + 1
        left, right, cover = np.full(size, -1), np.full(size, -1), np.zeros(size)
        for i, node in nodes.items():
            cover[i] = node["cover"]
            if "children" in node:
                left[i], right[i] = node["yes"], node["no"]
        trees.append((left, right, cover))
    return trees


def fill_hitrates(model: onnx.ModelProto, trees: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> int:
    """Sets nodes_hitrates from the library's counts by walking each ONNX tree beside the library's
    (true branch = the library's left / 'yes' child). Returns how many nodes were filled."""
    (node,) = [n for n in model.graph.node if n.op_type.startswith("TreeEnsemble")]
    attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
    tree_ids, node_ids = attrs["nodes_treeids"], attrs["nodes_nodeids"]
    modes = [m.decode() for m in attrs["nodes_modes"]]
    index = {(t, i): k for k, (t, i) in enumerate(zip(tree_ids, node_ids))}
    roots = [k for k in range(len(tree_ids)) if k == 0 or tree_ids[k] != tree_ids[k - 1]]
    assert len(roots) == len(trees), (len(roots), len(trees))
    hitrates = [float("nan")] * len(tree_ids)
    for root, (left, right, cover) in zip(roots, trees):
        stack = [(root, 0)]
        while stack:
            k, j = stack.pop()
            hitrates[k] = float(cover[j])
            is_leaf = modes[k] == "LEAF"
            assert is_leaf == (left[j] < 0), "ONNX and library trees differ in shape"
            if not is_leaf:
                t = tree_ids[k]
                stack.append((index[(t, attrs["nodes_truenodeids"][k])], int(left[j])))
                stack.append((index[(t, attrs["nodes_falsenodeids"][k])], int(right[j])))
    assert not any(np.isnan(hitrates)), "some ONNX nodes were not reached"
    kept = [a for a in node.attribute if a.name not in ("nodes_hitrates", "nodes_hitrates_as_tensor")]
    del node.attribute[:]
    node.attribute.extend(kept + [helper.make_attribute("nodes_hitrates", hitrates)])
    return len(hitrates)


def ort_positive(model: onnx.ModelProto, x: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    outputs = session.run(None, {session.get_inputs()[0].name: x})
    (probabilities,) = [o for o in outputs if isinstance(o, np.ndarray) and o.ndim == 2]
    return probabilities[:, 1].astype(np.float64)


def max_depth(trees) -> int:
    deepest = 0
    for left, right, _ in trees:
        stack = [(0, 0)]
        while stack:
            j, d = stack.pop()
            deepest = max(deepest, d)
            if left[j] >= 0:
                stack += [(int(left[j]), d + 1), (int(right[j]), d + 1)]
    return deepest


def rows_json(x: np.ndarray) -> list[list[float | None]]:
    return [[None if np.isnan(v) else float(v) for v in row] for row in x]


def write(name: str, model: onnx.ModelProto, x: np.ndarray, raw: np.ndarray, contrib: np.ndarray,
          link: str, library: str, trees, notes: str) -> None:
    ort_p = ort_positive(model, x)
    library_p = 1 / (1 + np.exp(-raw)) if link == "logistic" else raw
    # A row whose value falls between a float64 threshold and its float32 rounding takes
    # different branches in the library and in onnxruntime; such rows test the converter,
    # not our reader, so they are left out (and counted).
    agree = np.abs(ort_p - library_p) <= 2e-6
    dropped = int((~agree).sum())
    x, raw, contrib, ort_p = x[agree], raw[agree], contrib[agree], ort_p[agree]
    assert np.allclose(contrib.sum(1), raw, atol=1e-5), "library contributions do not add up to its raw margin"
    (OUT / f"{name}.onnx").write_bytes(model.SerializeToString())
    doc = {
        "name": name,
        "library": library,
        "notes": notes,
        "features": x.shape[1],
        "link": link,
        "trees": len(trees),
        "max_depth": max_depth(trees),
        "rows_dropped_by_converter_rounding": dropped,
        "rows": rows_json(x),
        "raw": raw.tolist(),
        "ort_probability": ort_p.tolist(),
        "contrib": contrib.tolist(),
    }
    (OUT / f"{name}.json").write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"{name}: {len(x)} rows ({dropped} dropped), {len(trees)} trees, depth {doc['max_depth']}, "
          f"{(OUT / f'{name}.onnx').stat().st_size // 1024} KB onnx")


def build_xgboost(rng) -> None:
    import onnxmltools
    import xgboost as xgb
    from onnxmltools.convert.common.data_types import FloatTensorType

    x, y = synthetic(rng, N_TRAIN, 0.08)
    model = xgb.XGBClassifier(n_estimators=60, max_depth=5, learning_rate=0.2, subsample=0.9, random_state=1).fit(x, y)
    onx = onnxmltools.convert_xgboost(model, initial_types=[("input", FloatTensorType([None, N_FEATURES]))], target_opset=15)
    booster = model.get_booster()
    trees = xgboost_trees(booster)
    fill_hitrates(onx, trees)
    xt, _ = synthetic(rng, N_ROWS, 0.1)
    d = xgb.DMatrix(xt, missing=np.nan)
    raw = booster.predict(d, output_margin=True).astype(np.float64)
    contrib = booster.predict(d, pred_contribs=True).astype(np.float64)
    write("xgboost-classifier", onx, xt, raw, contrib, "logistic", f"xgboost {xgb.__version__}, onnxmltools {onnxmltools.__version__}",
          trees, "pred_contribs; covers are XGBoost's hessian sums ('cover'), set as nodes_hitrates")


def build_lightgbm(rng) -> None:
    import lightgbm as lgb
    import onnxmltools
    from onnxmltools.convert.common.data_types import FloatTensorType

    x, y = synthetic(rng, N_TRAIN, 0.08)
    model = lgb.LGBMClassifier(n_estimators=40, num_leaves=96, max_depth=12, min_child_samples=5, learning_rate=0.1,
                               subsample=0.9, subsample_freq=1, random_state=1, verbose=-1).fit(x, y)
    onx = onnxmltools.convert_lightgbm(model, initial_types=[("input", FloatTensorType([None, N_FEATURES]))], zipmap=False, target_opset=15)
    booster = model.booster_
    trees = lightgbm_trees(booster)
    assert max_depth(trees) >= 8, "the LightGBM oracle must have trees of depth 8 or more"
    fill_hitrates(onx, trees)
    xt, _ = synthetic(rng, N_ROWS, 0.1)
    raw = booster.predict(xt, raw_score=True).astype(np.float64)
    contrib = booster.predict(xt, pred_contrib=True).astype(np.float64)
    write("lightgbm-deep", onx, xt, raw, contrib, "logistic", f"lightgbm {lgb.__version__}, onnxmltools {onnxmltools.__version__}",
          trees, "pred_contrib; covers are internal_count / leaf_count, set as nodes_hitrates")


def build_lightgbm_wide(rng) -> None:
    """Trees whose paths test 17–30 distinct features: past the per-leaf tables (16), so the
    explorer explains them by quadrature with up to 15 nodes (src/lib/core/explain/quadrature-tree.ts)."""
    import lightgbm as lgb
    import onnxmltools
    from onnxmltools.convert.common.data_types import FloatTensorType

    width = 30
    weights = rng.normal(size=width)

    def draw(n: int, missing: float) -> tuple[np.ndarray, np.ndarray]:
        x = rng.normal(size=(n, width))
        # A conjunction over every feature (a region that only a path through all of them
        # isolates), plus a linear part, so leaf-wise trees grow long paths of distinct features.
        inside = (x > -1.8).all(axis=1)
        logit = 3.0 * inside + 0.3 * (x @ weights) - 2.0
        y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
        x = x.astype(np.float32)
        x[rng.random(x.shape) < missing] = np.nan
        return x, y

    x, y = draw(100_000, 0.03)
    model = lgb.LGBMClassifier(n_estimators=6, num_leaves=255, max_depth=-1, min_child_samples=2, learning_rate=0.3,
                               colsample_bytree=1.0, random_state=1, verbose=-1).fit(x, y)
    onx = onnxmltools.convert_lightgbm(model, initial_types=[("input", FloatTensorType([None, width]))], zipmap=False, target_opset=15)
    booster = model.booster_
    trees = lightgbm_trees(booster)
    fill_hitrates(onx, trees)
    xt, _ = draw(N_ROWS, 0.05)
    raw = booster.predict(xt, raw_score=True).astype(np.float64)
    contrib = booster.predict(xt, pred_contrib=True).astype(np.float64)
    write("lightgbm-wide", onx, xt, raw, contrib, "logistic", f"lightgbm {lgb.__version__}, onnxmltools {onnxmltools.__version__}",
          trees, "pred_contrib; 255-leaf trees over 30 features, paths of up to 30 distinct features")


def build_sklearn(rng) -> None:
    import shap
    import sklearn
    from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier, RandomForestClassifier
    from skl2onnx import to_onnx

    def export(model, x):
        return to_onnx(model, x[:1], options={id(model): {"zipmap": False}}, target_opset={"": 17, "ai.onnx.ml": 3})

    def explain(model, xt, positive: bool):
        explainer = shap.TreeExplainer(model, feature_perturbation="tree_path_dependent")
        values = np.asarray(explainer.shap_values(xt), dtype=np.float64)
        expected = np.atleast_1d(np.asarray(explainer.expected_value, dtype=np.float64))
        if values.ndim == 3:
            values, expected = values[:, :, 1], expected[1:2]
        return np.hstack([values, np.full((len(xt), 1), expected[-1] if positive else expected[0])])

    version = f"scikit-learn {sklearn.__version__}, skl2onnx, shap {shap.__version__}"

    x, y = synthetic(rng, N_TRAIN, 0.0)
    gbc = GradientBoostingClassifier(n_estimators=50, max_depth=4, learning_rate=0.2, random_state=1).fit(x, y)
    onx = export(gbc, x)
    trees = [sklearn_tree(t) for t in gbc.estimators_[:, 0]]
    fill_hitrates(onx, trees)
    xt, _ = synthetic(rng, N_ROWS, 0.0)
    write("sklearn-gbc", onx, xt, gbc.decision_function(xt).astype(np.float64), explain(gbc, xt, False), "logistic", version, trees,
          "shap.TreeExplainer(tree_path_dependent) in log-odds; covers are weighted_n_node_samples")

    rf = RandomForestClassifier(n_estimators=25, max_depth=6, random_state=1).fit(x, y)
    onx = export(rf, x)
    trees = [sklearn_tree(t) for t in rf.estimators_]
    fill_hitrates(onx, trees)
    xt, _ = synthetic(rng, N_ROWS, 0.0)
    write("sklearn-random-forest", onx, xt, rf.predict_proba(xt)[:, 1].astype(np.float64), explain(rf, xt, True), "identity", version,
          trees, "shap.TreeExplainer(tree_path_dependent) of P(class 1); covers are weighted_n_node_samples (bootstrap counts)")

    x, y = synthetic(rng, N_TRAIN, 0.08)
    hgb = HistGradientBoostingClassifier(max_iter=40, max_depth=5, learning_rate=0.2, random_state=1).fit(x, y)
    onx = export(hgb, x)
    trees = [hgb_tree(p[0]) for p in hgb._predictors]
    fill_hitrates(onx, trees)
    xt, _ = synthetic(rng, N_ROWS, 0.1)
    write("sklearn-hist-gbc", onx, xt, hgb.decision_function(xt).astype(np.float64), explain(hgb, xt, False), "logistic", version,
          trees, "shap.TreeExplainer(tree_path_dependent) in log-odds, missing values included; covers are node 'count'")


def build_ort_cases() -> None:
    cases = ort_cases.build()
    x = cases.pop("rows")

    def cell(v: float):
        if np.isnan(v):
            return None
        if np.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return float(v)

    doc = {"onnxruntime": ort.__version__, "rows": [[cell(v) for v in row] for row in x], **cases}
    (OUT / "ort-cases.json").write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"ort-cases: {len(doc['cases'])} cases, {len(x)} rows")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    build_ort_cases()
    build_xgboost(rng)
    build_lightgbm(rng)
    build_sklearn(rng)
    # Its own generator, so adding it left every fixture above as it was.
    build_lightgbm_wide(np.random.default_rng(SEED + 1))


if __name__ == "__main__":
    main()
