"""The committed ONNX file: runnable in onnxruntime-web, equal to LightGBM, with true covers."""

import numpy as np
import pytest
import shap
from onnx import helper

from export import float32_at_most, predict_onnx
from feature_catalogue import FEATURE_NAMES, LABEL_COLUMN
from ranking_metrics import at_share
from train import feature_matrix


def tree_attributes(model) -> dict:
    node = next(n for n in model.graph.node if n.op_type == "TreeEnsembleClassifier")
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def dims(value_info):
    return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]


def test_the_graph_has_no_zipmap_and_only_operators_onnxruntime_web_runs(onnx_model):
    ops = {n.op_type for n in onnx_model.graph.node}
    assert "ZipMap" not in ops
    assert ops <= {"TreeEnsembleClassifier", "Identity", "Cast", "Mul"}
    ml = {o.domain: o.version for o in onnx_model.opset_import}["ai.onnx.ml"]
    assert ml <= 3  # TreeEnsembleClassifier with nodes_hitrates, not opset 5's TreeEnsemble


def test_input_and_outputs_are_named_and_shaped_as_the_card_says(onnx_model, card):
    (inp,) = onnx_model.graph.input
    assert inp.name == card["io"]["input"] == "input"
    assert inp.type.tensor_type.elem_type == 1  # FLOAT
    assert dims(inp) == ["N", len(FEATURE_NAMES)]
    outputs = {o.name: o for o in onnx_model.graph.output}
    assert set(outputs) == {"label", "probabilities"}
    assert dims(outputs[card["io"]["probabilities"]]) == ["N", 2]
    assert dims(outputs["label"]) == ["N"]


def test_the_model_file_stays_small():
    import pipeline_config as C

    assert C.ONNX_PATH.stat().st_size < 3_000_000


def test_onnxruntime_equals_lightgbm_on_the_whole_test_split(ort_session, booster, test_split):
    x = feature_matrix(test_split)
    gap = np.abs(predict_onnx(ort_session, x) - booster.predict(x))
    assert gap.max() <= 1e-5


def test_onnxruntime_equals_lightgbm_on_one_row_and_no_rows(ort_session, booster, test_split):
    x = feature_matrix(test_split.head(1))
    assert abs(predict_onnx(ort_session, x)[0] - booster.predict(x)[0]) <= 1e-5
    assert predict_onnx(ort_session, x[:0]).shape == (0,)


def test_a_row_of_missing_values_scores_the_same_in_both_engines(ort_session, booster):
    x = np.full((1, len(FEATURE_NAMES)), np.nan, np.float32)
    assert abs(predict_onnx(ort_session, x)[0] - booster.predict(x)[0]) <= 1e-5


def test_the_committed_model_finds_70_percent_of_errors_in_the_top_quarter(ort_session, test_split):
    prob = predict_onnx(ort_session, feature_matrix(test_split))
    assert at_share(test_split[LABEL_COLUMN].to_numpy(), prob, 0.25)["recall"] >= 0.70


def test_every_branch_covers_exactly_its_two_children(onnx_model):
    a = tree_attributes(onnx_model)
    cover = {(t, i): h for t, i, h in zip(a["nodes_treeids"], a["nodes_nodeids"], a["nodes_hitrates"])}
    branches = 0
    for t, i, mode, yes, no in zip(a["nodes_treeids"], a["nodes_nodeids"], a["nodes_modes"], a["nodes_truenodeids"], a["nodes_falsenodeids"]):
        assert cover[(t, i)] >= 1
        if mode != b"LEAF":
            assert cover[(t, i)] == cover[(t, yes)] + cover[(t, no)]
            branches += 1
    assert branches > 0


def test_covers_are_lightgbm_training_counts_as_shap_reads_them(onnx_model, booster):
    """shap parses LightGBM's model text on its own; every split's (feature, threshold, cover) must match."""
    a = tree_attributes(onnx_model)
    trees = shap.TreeExplainer(booster).model
    onnx_splits: dict[int, list] = {}
    for t, mode, f, v, h in zip(a["nodes_treeids"], a["nodes_modes"], a["nodes_featureids"], a["nodes_values"], a["nodes_hitrates"]):
        if mode != b"LEAF":
            onnx_splits.setdefault(t, []).append((f, np.float32(v), h))
    for t in range(trees.children_left.shape[0]):
        internal = trees.children_left[t] >= 0
        expected = [
            (int(f), float32_at_most(float(v)), float(w))
            for f, v, w in zip(trees.features[t][internal], trees.thresholds[t][internal], trees.node_sample_weight[t][internal])
        ]
        assert sorted(onnx_splits.get(t, [])) == sorted(expected), t


def test_thresholds_are_rounded_down_so_float32_inputs_branch_as_in_lightgbm():
    for t in (0.5, 12.35, 8_898_849.5, -0.1, 1e300):
        f = float32_at_most(t)
        with np.errstate(over="ignore"):
            above = np.nextafter(f, np.float32(np.inf))
        assert float(f) <= t < float(above)


@pytest.mark.parametrize("name", ["nodes_values", "nodes_hitrates"])
def test_node_attributes_have_one_value_per_node(onnx_model, name):
    a = tree_attributes(onnx_model)
    assert len(a[name]) == len(a["nodes_nodeids"])
