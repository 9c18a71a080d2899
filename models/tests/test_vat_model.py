"""The VAT-remarks model: generator, card, ONNX file, demo sample and fixtures are what build_vat.py writes,
onnxruntime equals the logistic regression, and the card's vectorizer is scikit-learn's.

Rebuilds from the seeds (a few seconds) and compares with the committed files.
"""

import json

import numpy as np
import onnx
import pandas as pd
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

import pipeline_config as C
from build_vat import demo_frame, file_weights, fixtures, training_data
from card import validate_card
from export import predict_onnx, read_card, session
from export_with_card import build_date
from vat_catalogue import EXTRACT_COLUMNS, FEATURE_NAMES, LABEL_COLUMN, NUMERIC_NAMES, TEXT_COLUMN, VAT_REMARKS
from vat_generate import generate
from vat_mechanisms import ERRORS, LOOKALIKES
from vat_model import fit, model_and_card, model_input, remarks


@pytest.fixture(scope="module")
def built():
    frame, splits = training_data()
    fitted = fit(frame, splits)
    return frame, splits, fitted


@pytest.fixture(scope="module")
def committed():
    return onnx.load(str(C.VAT_ONNX_PATH))


@pytest.fixture(scope="module")
def card(committed):
    return read_card(committed)


@pytest.fixture(scope="module")
def demo():
    return pd.read_csv(C.VAT_DEMO_PATH, keep_default_na=False, na_values=[""], dtype={TEXT_COLUMN: str})


def test_generator_is_deterministic_and_rare():
    a, b = generate(3_000, 7), generate(3_000, 7)
    pd.testing.assert_frame_equal(a, b)
    frame = generate(20_000, 11)
    assert 0.04 < frame[LABEL_COLUMN].mean() < 0.08
    # Most remarks are empty; some are English.
    assert 0.6 < (frame[TEXT_COLUMN] == "").mean() < 0.85
    assert frame[TEXT_COLUMN].str.contains("private|credit note|attachment", case=False).any()


def test_mechanisms_are_labelled_and_no_signal_word_decides_alone():
    frame = generate(40_000, 13)
    errors = frame["mekanisme"].isin(ERRORS)
    lookalikes = frame["mekanisme"].isin(LOOKALIKES)
    assert frame.loc[errors, "feil_sann"].eq(1).all() and frame.loc[lookalikes, "feil_sann"].eq(0).all()
    # Label noise: some of each are recorded the other way.
    assert 0 < frame.loc[errors, LABEL_COLUMN].mean() < 1
    for word in ("privat", "feilført", "kreditnota", "vedlegg"):
        has = frame[TEXT_COLUMN].str.lower().str.contains(word)
        assert has.sum() > 20, word
        assert frame.loc[has, "feil_sann"].nunique() == 2, f"{word!r} should occur in correct and incorrect returns"


def test_committed_card_is_valid_in_its_own_words(card):
    validate_card(card)
    assert card["model"]["id"] == "vat-remarks"
    assert [f["name"] for f in card["features"]] == list(FEATURE_NAMES)
    assert card["vocabulary"]["row"]["nb"]["one"] == "mva-melding"
    remark = card["features"][-1]
    assert remark["kind"] == "text" and remark["index"] == len(NUMERIC_NAMES)
    assert remark["width"] == len(remark["text"]["vocabulary"]) == len(remark["text"]["idf"])
    assert card["covers"] == "none" and card["model"]["n_trees"] == 0


def test_committed_file_is_what_the_pipeline_writes(built, committed, card):
    frame, splits, fitted = built
    trained = pd.Timestamp(card["model"]["trained"]).date()
    model, _, _ = model_and_card(fitted, frame, splits, trained)
    assert model.SerializeToString() == committed.SerializeToString(), "rerun python3 models/build_vat.py"


def test_input_width_is_numeric_plus_vocabulary(committed, card):
    dims = committed.graph.input[0].type.tensor_type.shape.dim
    assert dims[1].dim_value == len(NUMERIC_NAMES) + card["features"][-1]["width"]
    assert all(n.op_type != "ZipMap" for n in committed.graph.node)


def test_card_vectorizer_reproduces_scikit_learn(built, card, demo):
    """A vectorizer rebuilt from the card alone (fixed vocabulary, idf set) gives the fitted one's rows."""
    _, _, fitted = built
    spec = card["features"][-1]["text"]
    rebuilt = TfidfVectorizer(
        analyzer=spec["analyzer"], ngram_range=tuple(spec["ngram_range"]), lowercase=spec["lowercase"],
        sublinear_tf=spec["sublinear_tf"], norm=spec["norm"], vocabulary={t: j for j, t in enumerate(spec["vocabulary"])},
    )
    rebuilt.fit([""])
    rebuilt.idf_ = np.asarray(spec["idf"])
    a = rebuilt.transform(remarks(demo)).toarray()
    b = fitted.vectorizer.transform(remarks(demo)).toarray()
    assert np.max(np.abs(a - b)) < 1e-12


def test_onnxruntime_equals_the_logistic_regression_on_the_demo_sample(committed, demo, built):
    _, _, fitted = built
    x = model_input(fitted, demo)
    w, b = file_weights(committed)
    expected = 1 / (1 + np.exp(-(x.astype(np.float64) @ w + b)))
    assert np.max(np.abs(predict_onnx(session(committed), x) - expected)) < 1e-6


def test_demo_sample_and_fixtures_are_what_the_build_writes(built, committed, demo):
    _, _, fitted = built
    assert tuple(demo.columns) == EXTRACT_COLUMNS
    pd.testing.assert_frame_equal(
        demo.reset_index(drop=True),
        demo_frame().loc[:, list(EXTRACT_COLUMNS)].replace({TEXT_COLUMN: {"": np.nan}}).astype(demo.dtypes.to_dict()).reset_index(drop=True),
        check_dtype=False,
    )
    x = model_input(fitted, demo)
    w, b = file_weights(committed)
    tfidf, oracle = fixtures(fitted, demo, predict_onnx(session(committed), x), x, w, b)
    assert json.loads(C.VAT_TFIDF_FIXTURE.read_text(encoding="utf-8")) == json.loads(json.dumps(tfidf))
    assert json.loads(C.VAT_ORACLE_FIXTURE.read_text(encoding="utf-8")) == json.loads(json.dumps(oracle))


def test_oracle_contributions_add_up(built, committed):
    oracle = json.loads(C.VAT_ORACLE_FIXTURE.read_text(encoding="utf-8"))
    index = {v: i for i, v in enumerate(oracle["ids"])}
    for row in oracle["explained"]:
        total = oracle["base"] + sum(row["numeric"]) + row["remark"]
        assert abs(total - oracle["raw"][index[row["id"]]]) < 1e-9
        assert abs(sum(w["contribution"] for w in row["words"]) + row["remark_absent"] - row["remark"]) < 1e-9
    top = oracle["explained"][0]
    assert max(oracle["probabilities"]) == oracle["probabilities"][index[top["id"]]]


def test_schema_ties_text_and_width_to_a_text_feature(card):
    import copy

    import jsonschema

    bare = copy.deepcopy(card)
    del bare["features"][-1]["width"]
    with pytest.raises(jsonschema.ValidationError):
        validate_card(bare)
    stray = copy.deepcopy(card)
    stray["features"][0]["text"] = card["features"][-1]["text"]
    with pytest.raises(jsonschema.ValidationError):
        validate_card(stray)
