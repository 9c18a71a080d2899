"""The pre-filing ONNX file: the bundled model's recipe, and equal to LightGBM on the demo sample it scores."""

import numpy as np
import pandas as pd
from onnx import helper

import pipeline_config as C
from export import predict_onnx
from prefiling import PREFILING
from train import feature_matrix


def demo_inputs() -> np.ndarray:
    """The demo sample's columns matched by name, in the model's input order, as the app matches headers."""
    frame = pd.read_csv(C.DEMO_PATH, dtype=str, keep_default_na=False)
    columns = frame.loc[:, list(PREFILING.names)].replace("", np.nan).astype("float64")
    return columns.to_numpy(dtype=np.float64, na_value=np.nan).astype(np.float32)


def test_onnxruntime_equals_lightgbm_on_the_demo_sample(prefiling_session, prefiling_booster):
    x = demo_inputs()
    assert x.shape == (C.DEMO_ROWS, len(PREFILING.names)) and np.isnan(x).any()
    gap = np.abs(predict_onnx(prefiling_session, x) - prefiling_booster.predict(x))
    assert gap.max() <= 1e-5


def test_onnxruntime_equals_lightgbm_on_the_whole_test_split(prefiling_session, prefiling_booster, test_split):
    x = feature_matrix(test_split, PREFILING.names)
    assert np.abs(predict_onnx(prefiling_session, x) - prefiling_booster.predict(x)).max() <= 1e-5


def test_the_graph_has_no_zipmap_and_the_input_width_is_the_cards(prefiling_model, prefiling_card):
    assert "ZipMap" not in {n.op_type for n in prefiling_model.graph.node}
    (inp,) = prefiling_model.graph.input
    assert [d.dim_param or d.dim_value for d in inp.type.tensor_type.shape.dim] == ["N", len(prefiling_card["features"])]
    assert prefiling_card["covers"] == "nodes_hitrates"


def test_covers_are_lightgbms_training_counts_and_add_up(prefiling_model, prefiling_booster):
    node = next(n for n in prefiling_model.graph.node if n.op_type == "TreeEnsembleClassifier")
    a = {x.name: helper.get_attribute_value(x) for x in node.attribute}
    cover = {(t, i): h for t, i, h in zip(a["nodes_treeids"], a["nodes_nodeids"], a["nodes_hitrates"])}
    for t, i, mode, yes, no in zip(a["nodes_treeids"], a["nodes_nodeids"], a["nodes_modes"], a["nodes_truenodeids"], a["nodes_falsenodeids"]):
        if mode != b"LEAF":
            assert cover[(t, i)] == cover[(t, yes)] + cover[(t, no)]
    # Each root holds the rows its tree was grown on (a bagged 80 % of the training split).
    roots = [cover[(t, 0)] for t in sorted(set(a["nodes_treeids"]))]
    assert roots == [t["tree_structure"]["internal_count"] for t in prefiling_booster.dump_model()["tree_info"]]
