"""The committed inactive-business model: a valid card in its own words (that the file is what the
pipeline writes: test_bundled_reexport.py), onnxruntime equal to LightGBM, and a ranking well above chance.

Reads the committed files (public/model/inactive-business.onnx, its booster in
models/artifacts/, the demo sample); nothing is retrained.
"""

import json

import numpy as np
import onnx
import pandas as pd
import pytest

import pipeline_config as C
from build_enk import write_demo
from card import validate_card
from enk_catalogue import EXTRACT_COLUMNS, INACTIVE_BUSINESS, FEATURE_NAMES, ID_COLUMN, LABEL_COLUMN, VOCABULARY
from export import predict_onnx, read_card, session
from train import feature_matrix, load_booster

C_DEMO_PATH = C.ENK_DEMO_PATH
# Words of the deduction model that must not leak into this model's card.
DEDUCTION_WORDS = ("fradrag", "frådrag", "skattemelding", "deduction", "tax return")


@pytest.fixture(scope="module")
def model():
    return onnx.load(str(INACTIVE_BUSINESS.onnx_path))


@pytest.fixture(scope="module")
def card(model):
    return read_card(model)


@pytest.fixture(scope="module")
def booster():
    return load_booster(INACTIVE_BUSINESS.booster_path)


@pytest.fixture(scope="module")
def demo():
    return pd.read_csv(C.ENK_DEMO_PATH, dtype={ID_COLUMN: str})


def texts(value, path=""):
    """Every string in the card with its path."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, f"{path}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from texts(v, f"{path}/{i}")
    elif isinstance(value, str):
        yield path, value


def test_the_card_validates_and_speaks_of_inactive_businesses(card):
    validate_card(card)
    assert card["model"]["id"] == "inactive-business"
    assert card["model"]["synthetic"] is True
    assert "trained on synthetic data" in card["model"]["notice"]["en"]
    assert card["vocabulary"] == VOCABULARY
    assert card["vocabulary"]["task"]["nn"] == "risiko for at føretaket er inaktivt"
    assert card["label"]["name"] == LABEL_COLUMN == "inaktiv"
    assert card["label"]["text"] == {"nb": "inaktivt foretak", "nn": "inaktivt føretak", "en": "inactive business"}
    assert card["id_column"] == ID_COLUMN == "foretak_id"
    assert card["ground_truth_columns"] == ["mekanisme", "inaktiv_sann"]
    nace = next(f for f in card["features"] if f["name"] == "naeringskode")
    assert nace["kind"] == "categorical" and len(nace["categories"]) == 12


def test_the_card_has_no_deduction_words(card):
    # card_schema is the contract's identifier (src/lib/core/model/card.ts), the same for every model.
    leaks = [(p, t) for p, t in texts(card) if p != "/card_schema" and any(w in t.lower() for w in DEDUCTION_WORDS)]
    assert leaks == []


def test_the_card_lists_the_catalogue_in_input_order_with_texts_in_three_languages(card, booster):
    assert [f["name"] for f in card["features"]] == list(FEATURE_NAMES) == booster.feature_name()
    for f in card["features"]:
        assert set(f["label"]) == set(f["description"]) == {"nb", "nn", "en"}


def test_the_graph_has_no_zipmap_and_carries_training_counts(model):
    assert all(n.op_type != "ZipMap" for n in model.graph.node)
    tree = next(n for n in model.graph.node if n.op_type == "TreeEnsembleClassifier")
    hitrates = next(a for a in tree.attribute if a.name == "nodes_hitrates").floats
    # A root holds the rows its tree was trained on: the training split, bagged to 80 % (train.PARAMS).
    n_train = 0.6 * C.ENK_ROWS
    assert min(hitrates) >= 1 and 0.75 * n_train <= max(hitrates) <= n_train


def test_onnxruntime_equals_lightgbm_on_the_demo_sample(model, booster, demo):
    x = feature_matrix(demo, FEATURE_NAMES)
    gap = np.max(np.abs(predict_onnx(session(model), x) - booster.predict(x)))
    assert gap <= 1e-5


def test_the_demo_sample_is_a_held_out_extract_with_known_outcomes(demo):
    assert tuple(demo.columns) == EXTRACT_COLUMNS
    assert len(demo) == C.DEMO_ROWS
    assert set(demo[LABEL_COLUMN]) == {0, 1}
    assert 0.10 <= demo[LABEL_COLUMN].mean() <= 0.20



def test_the_demo_sample_is_what_the_pipeline_writes_from_its_own_seed(tmp_path, monkeypatch):
    # Its own seed: generated apart from the training rows, so no demo row was trained on.
    assert C.ENK_DEMO_SEED != C.ENK_SEED
    monkeypatch.setattr(C, "ENK_DEMO_PATH", tmp_path / "demo.csv")
    write_demo()
    assert (tmp_path / "demo.csv").read_bytes() == C_DEMO_PATH.read_bytes()


def test_the_test_split_ranks_far_above_chance(card):
    # Figures the card states are onnxruntime's own on the test split (checked equal above).
    metrics = card["metrics"]
    assert metrics["roc_auc"] > 0.9
    assert metrics["pr_auc"] > 3 * metrics["base_rate"]
    recall_25 = next(r["recall"] for r in metrics["at_share"] if r["share"] == 0.25)
    assert recall_25 > 0.8


def test_the_card_is_plain_json(card):
    assert json.loads(json.dumps(card, allow_nan=False)) == card
