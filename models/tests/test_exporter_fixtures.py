"""The committed exporter fixtures still say what the files in them do (regenerate: python3 models/exporter_fixtures.py)."""

from __future__ import annotations

import json

import numpy as np
import onnx
import pytest

from exporter_fixtures import OUT, ort_positive
from onnx_trees import explained_split, raw_score, read_ensemble

CASES = sorted(p.name for p in OUT.iterdir() if (p / "expected.json").is_file())


def load(case: str) -> dict:
    return json.loads((OUT / case / "expected.json").read_text(encoding="utf-8"))


def rows(expected: dict) -> np.ndarray:
    return np.array([[np.nan if v is None else v for v in r] for r in expected["score_rows"]], np.float32)


def test_every_exporter_has_a_case_and_the_fixtures_stay_small():
    assert set(CASES) == {"lightgbm", "lightgbm-categorical", "xgboost", "xgboost-categorical", "sklearn-hgb", "sklearn-gbc",
                          "sklearn-rf", "sklearn-et", "sklearn-dt", "catboost", "linear", "tree-ensemble-v5"}
    assert sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file()) < 5_000_000


@pytest.mark.parametrize("case", CASES)
def test_onnxruntime_still_gives_the_stored_probabilities(case):
    expected = load(case)
    x = rows(expected)
    assert np.array_equal(ort_positive(onnx.load(str(OUT / case / "model.onnx")), x), np.float32(expected["probability"]))
    if (OUT / case / "kit.onnx").exists():
        assert np.array_equal(ort_positive(onnx.load(str(OUT / case / "kit.onnx")), x), np.float32(expected["kit"]["probability"]))


@pytest.mark.parametrize("case", [c for c in CASES if c != "linear"])
def test_stored_contributions_add_up_to_the_raw_score_of_the_trees(case):
    expected = load(case)
    e = read_ensemble(onnx.load(str(OUT / case / "model.onnx")))
    raw = raw_score(e, rows(expected))
    assert np.max(np.abs(raw - expected["raw_score"])) <= 1e-12
    for key in ("contrib_train_covers", "contrib_score_covers"):
        contrib = np.asarray(expected[key])
        assert contrib.shape == (len(raw), len(expected["features"]) + 1)
        assert np.max(np.abs(contrib.sum(1) - raw)) <= 1e-5


def test_the_linear_contributions_are_the_coefficients_times_the_distance_from_the_training_mean():
    expected = load("linear")
    lin = expected["linear"]
    x = rows(expected).astype(float)
    phi = np.asarray(expected["contrib_linear"])
    assert np.allclose(phi[:, :-1], np.asarray(lin["coefficients"]) * (x - np.asarray(lin["background_mean"])), atol=1e-9)
    assert np.allclose(phi.sum(1), expected["raw_score"], atol=1e-9)


@pytest.mark.parametrize("case", ["lightgbm-categorical", "xgboost-categorical"])
def test_categorical_splits_are_branch_eq_chains_sharing_their_true_child(case):
    e = read_ensemble(onnx.load(str(OUT / case / "model.onnx")))
    heads = [k for k, m in enumerate(e.mode) if m == "EQ"]
    assert heads
    longest = max(len(explained_split(e, k)[1]) for k in heads)
    assert longest >= 2
    assert load(case)["onnx"]["nodes_with_two_parents"] > 0


def test_the_kit_files_carry_training_counts_and_a_card_and_the_raw_files_do_not():
    for case in CASES:
        facts = load(case)
        if case in ("linear", "tree-ensemble-v5"):
            continue
        assert facts["kit_onnx"]["covers"] == "counts" and not facts["kit_onnx"]["zipmap"]
        assert facts["onnx"]["covers"] in ("absent", "placeholder: every node 1.0")


def test_the_bad_files_are_bad_in_the_way_their_names_say():
    bad = OUT / "bad"
    for name in ("truncated.onnx", "not-onnx.onnx"):
        with pytest.raises(Exception):
            onnx.load_from_string((bad / name).read_bytes())
    multi = onnx.load(str(bad / "multiclass.onnx"))
    tree = next(n for n in multi.graph.node if n.op_type == "TreeEnsembleClassifier")
    assert len(next(a.ints for a in tree.attribute if a.name == "classlabels_int64s")) == 3
    assert onnx.load(str(bad / "int64-input.onnx")).graph.input[0].type.tensor_type.elem_type == onnx.TensorProto.INT64
    card = next(p.value for p in onnx.load(str(bad / "card-not-json.onnx")).metadata_props if p.key == "model_card")
    with pytest.raises(json.JSONDecodeError):
        json.loads(card)
    wide = onnx.load(str(bad / "card-more-features-than-input.onnx"))
    width = wide.graph.input[0].type.tensor_type.shape.dim[1].dim_value
    assert len(json.loads(next(p.value for p in wide.metadata_props if p.key == "model_card"))["features"]) == width + 1
    huge = onnx.load(str(bad / "huge-declared-v5.onnx"))
    roots = next(a.ints for a in huge.graph.node[0].attribute if a.name == "tree_roots")
    assert len(roots) == 10_000 and set(roots) == {0}
    assert (bad / "huge-declared-v5.onnx").stat().st_size < 100_000
