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
from library_trees import align, exact_thresholds, float32_at_most, library_covers, lightgbm_trees
from model_spec import DEDUCTION, ModelSpec
from onnx_trees import read_node, tree_node

__all__ = ["finish", "float32_at_most", "predict_onnx", "read_card", "save", "session", "set_card", "to_onnx"]

MODEL_CARD_KEY = "model_card"
# The newest default-domain opset this onnxmltools accepts; onnxruntime-web runs it.
TARGET_OPSET = 15


def set_attribute(node: onnx.NodeProto, value: onnx.AttributeProto) -> None:
    kept = [a for a in node.attribute if a.name != value.name]
    del node.attribute[:]
    node.attribute.extend([*kept, value])


def align_with_lightgbm(booster: lgb.Booster, node: onnx.NodeProto) -> tuple[list[float], list[float]]:
    """Per ONNX node, in attribute order: its training sample count, and its threshold rounded down to float32.

    The walk beside LightGBM's own tree is library_trees.align, which the analysts' kit
    (kit.py) uses for every library; it checks feature, threshold and leaf value at each step.
    """
    ensemble = read_node(node, booster.num_feature())
    trees = lightgbm_trees(booster)
    alignment = align(ensemble, trees)
    if any(m not in ("LEQ", "LEAF") for m in ensemble.mode):
        raise ValueError("the bundled model has only x <= t splits")
    covers = library_covers(alignment, trees)
    return [float(c) for c in covers], [float(t) for t in exact_thresholds(ensemble, alignment, trees)]


def name_dims(value_info: onnx.ValueInfoProto, dims: list[int | str]) -> None:
    shape = value_info.type.tensor_type.shape
    del shape.dim[:]
    for d in dims:
        dim = shape.dim.add()
        if isinstance(d, str):
            dim.dim_param = d
        else:
            dim.dim_value = d


def to_onnx(booster: lgb.Booster, card: dict | None = None, spec: ModelSpec = DEDUCTION) -> onnx.ModelProto:
    """The ONNX model of the booster with covers, named shapes and (when given) the card."""
    n_features = booster.num_feature()
    if booster.feature_name() != list(spec.names):
        raise ValueError(f"the booster's features are not {spec.id}'s features in order")
    model = convert_lightgbm(
        booster,
        name=spec.id,
        initial_types=[("input", FloatTensorType([None, n_features]))],
        zipmap=False,
        target_opset=TARGET_OPSET,
    )
    node = tree_node(model)
    covers, thresholds = align_with_lightgbm(booster, node)
    set_attribute(node, helper.make_attribute("nodes_hitrates", covers))
    set_attribute(node, helper.make_attribute("nodes_values", thresholds))
    return finish(model, spec, n_features, card)


def finish(model: onnx.ModelProto, spec: ModelSpec, n_inputs: int, card: dict | None) -> onnx.ModelProto:
    """What every shipped graph gets after its converter: named shapes, one sorted opset import per
    domain, the spec's description and version, the card (when given), and the checker's pass."""
    # The converter declares the label output as shape [1]; every output has one row per input row.
    for value in model.graph.input:
        name_dims(value, ["N", n_inputs])
    for value in model.graph.output:
        name_dims(value, ["N", 2] if value.name == "probabilities" else ["N"])
    # Two full builds from one commit wrote the converter's opset_import in different orders
    # (ai.onnx.ml first in one), and skl2onnx lists the default domain twice; one entry per
    # domain, sorted, gives identical builds identical bytes.
    imports = sorted({(o.domain, o.version) for o in model.opset_import})
    del model.opset_import[:]
    for domain, version in imports:
        model.opset_import.add(domain=domain, version=version)
    model.doc_string = spec.description
    model.model_version = int(spec.version.split(".")[0])
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

