"""Exports the trained LightGBM booster to the ONNX file the app loads.

- onnxmltools' convert_lightgbm with zipmap=False: onnxruntime-web cannot run ZipMap, so the
  graph ends in a plain float32 tensor "probabilities" [N, 2] (column 1 = P(incorrect)).
- The input "input" is float32 [N, F] in the card's feature order; NaN is missing.
- nodes_hitrates carries every node's training sample count (LightGBM's internal_count and
  leaf_count). Path-dependent TreeSHAP (Lundberg et al. 2020, "From local explanations to
  global understanding with explainable AI for trees", Algorithm 2) weighs the branches of
  a split feature that is not in the coalition by these covers; the converter writes 1.0.
  Nodes are matched by walking LightGBM's tree and the ONNX tree side by side from the root,
  checking feature, threshold and leaf value at every step.
- Thresholds are rounded down to float32 (not to the nearest), so float32 inputs take the
  same branch in onnxruntime, in the browser and in LightGBM.
- The model card (card.py) goes into metadata_props under the key "model_card".

To re-export the committed booster with a fresh card: python3 models/export_with_card.py
"""

from __future__ import annotations

import json

import lightgbm as lgb
import numpy as np
import onnx
from onnx import helper
from onnxmltools import convert_lightgbm
from onnxmltools.convert.common.data_types import FloatTensorType

import pipeline_config as C
from feature_catalogue import FEATURE_NAMES

MODEL_CARD_KEY = "model_card"
# The newest default-domain opset this onnxmltools accepts; onnxruntime-web runs it.
TARGET_OPSET = 15
TREE_OPS = ("TreeEnsembleClassifier", "TreeEnsembleRegressor")


def tree_node(model: onnx.ModelProto) -> onnx.NodeProto:
    nodes = [n for n in model.graph.node if n.op_type in TREE_OPS]
    if len(nodes) != 1:
        raise ValueError(f"expected one tree ensemble node, found {len(nodes)}")
    return nodes[0]


def attribute(node: onnx.NodeProto, name: str):
    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    raise KeyError(name)


def set_attribute(node: onnx.NodeProto, value: onnx.AttributeProto) -> None:
    kept = [a for a in node.attribute if a.name != value.name]
    del node.attribute[:]
    node.attribute.extend([*kept, value])


def float32_at_most(threshold: float) -> np.float32:
    """The largest float32 not above a double threshold.

    For every float32 x, x <= t exactly when x <= float32_at_most(t). Rounding to the nearest
    float32, as the converter does, sends an input equal to a threshold rounded up to the
    other branch than LightGBM takes (592 of 9,871 splits in the first export did).
    """
    with np.errstate(over="ignore"):
        f = np.float32(threshold)
    return np.nextafter(f, np.float32(-np.inf)) if float(f) > threshold else f


def align_with_lightgbm(booster: lgb.Booster, node: onnx.NodeProto) -> tuple[list[float], list[float]]:
    """Per ONNX node, in attribute order: its training sample count, and its threshold rounded down to float32."""
    tree_ids = attribute(node, "nodes_treeids")
    node_ids = attribute(node, "nodes_nodeids")
    true_ids = attribute(node, "nodes_truenodeids")
    false_ids = attribute(node, "nodes_falsenodeids")
    modes = [m.decode() if isinstance(m, bytes) else m for m in attribute(node, "nodes_modes")]
    features = attribute(node, "nodes_featureids")
    thresholds = np.asarray(attribute(node, "nodes_values"), np.float32)
    position = {(t, i): k for k, (t, i) in enumerate(zip(tree_ids, node_ids))}
    leaf_weight = {
        (t, i): np.float32(w)
        for t, i, w in zip(attribute(node, "class_treeids"), attribute(node, "class_nodeids"), attribute(node, "class_weights"))
    }
    children = {(t, c) for t, a, b, m in zip(tree_ids, true_ids, false_ids, modes) if m != "LEAF" for c in (a, b)}

    covers = [float("nan")] * len(node_ids)
    exact = [float(v) for v in thresholds]
    for tree in booster.dump_model()["tree_info"]:
        t = tree["tree_index"]
        roots = [i for (tt, i) in position if tt == t and (tt, i) not in children]
        if len(roots) != 1:
            raise ValueError(f"tree {t}: expected one root, found {roots}")
        stack = [(tree["tree_structure"], roots[0])]
        while stack:
            lgb_node, onnx_id = stack.pop()
            k = position[(t, onnx_id)]
            if "split_index" in lgb_node:
                if modes[k] != "BRANCH_LEQ" or lgb_node["decision_type"] != "<=":
                    raise ValueError(f"tree {t} node {onnx_id}: unexpected split {modes[k]} / {lgb_node['decision_type']}")
                with np.errstate(over="ignore"):
                    nearest = np.float32(lgb_node["threshold"])
                if features[k] != lgb_node["split_feature"] or thresholds[k] != nearest:
                    raise ValueError(f"tree {t} node {onnx_id}: feature or threshold differs from LightGBM")
                covers[k] = float(lgb_node["internal_count"])
                exact[k] = float(float32_at_most(lgb_node["threshold"]))
                # x <= threshold goes left in LightGBM and to the true branch in ONNX.
                stack.append((lgb_node["left_child"], true_ids[k]))
                stack.append((lgb_node["right_child"], false_ids[k]))
            else:
                if modes[k] != "LEAF" or leaf_weight[(t, onnx_id)] != np.float32(lgb_node["leaf_value"]):
                    raise ValueError(f"tree {t} node {onnx_id}: leaf differs from LightGBM")
                covers[k] = float(lgb_node["leaf_count"])
    if any(np.isnan(covers)):
        raise ValueError("some ONNX nodes have no LightGBM counterpart")
    return covers, exact


def name_dims(value_info: onnx.ValueInfoProto, dims: list[int | str]) -> None:
    shape = value_info.type.tensor_type.shape
    del shape.dim[:]
    for d in dims:
        dim = shape.dim.add()
        if isinstance(d, str):
            dim.dim_param = d
        else:
            dim.dim_value = d


def to_onnx(booster: lgb.Booster, card: dict | None = None) -> onnx.ModelProto:
    """The ONNX model of the booster with covers, named shapes and (when given) the card."""
    n_features = booster.num_feature()
    if n_features != len(FEATURE_NAMES) or booster.feature_name() != list(FEATURE_NAMES):
        raise ValueError("the booster's features are not the catalogue's features in order")
    model = convert_lightgbm(
        booster,
        name="deduction-risk",
        initial_types=[("input", FloatTensorType([None, n_features]))],
        zipmap=False,
        target_opset=TARGET_OPSET,
    )
    node = tree_node(model)
    covers, thresholds = align_with_lightgbm(booster, node)
    set_attribute(node, helper.make_attribute("nodes_hitrates", covers))
    set_attribute(node, helper.make_attribute("nodes_values", thresholds))
    # The converter declares the label output as shape [1]; every output has one row per input row.
    for value in model.graph.input:
        name_dims(value, ["N", n_features])
    for value in model.graph.output:
        name_dims(value, ["N", 2] if value.name == "probabilities" else ["N"])
    model.doc_string = "Risk that a personal tax return claims an incorrect deduction. Trained on synthetic data."
    model.model_version = int(C.MODEL_VERSION.split(".")[0])
    if card is not None:
        set_card(model, card)
    onnx.checker.check_model(model)
    return model


def set_card(model: onnx.ModelProto, card: dict) -> None:
    kept = [p for p in model.metadata_props if p.key != MODEL_CARD_KEY]
    del model.metadata_props[:]
    model.metadata_props.extend(kept)
    entry = model.metadata_props.add()
    entry.key = MODEL_CARD_KEY
    entry.value = json.dumps(card, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def read_card(model: onnx.ModelProto) -> dict:
    for p in model.metadata_props:
        if p.key == MODEL_CARD_KEY:
            return json.loads(p.value)
    raise KeyError(MODEL_CARD_KEY)


def save(model: onnx.ModelProto, path=C.ONNX_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model.SerializeToString())


def session(model: onnx.ModelProto | bytes):
    import onnxruntime as ort

    data = model if isinstance(model, bytes) else model.SerializeToString()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    return ort.InferenceSession(data, options, providers=["CPUExecutionProvider"])


def predict_onnx(sess, x: np.ndarray, batch: int = 50_000) -> np.ndarray:
    """P(incorrect deduction) from onnxruntime, column 1 of "probabilities"."""
    out = [sess.run(["probabilities"], {"input": x[i : i + batch]})[0][:, 1] for i in range(0, len(x), batch)]
    return np.concatenate(out) if out else np.zeros(0, np.float32)

