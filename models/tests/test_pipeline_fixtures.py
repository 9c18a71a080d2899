"""The committed golden fixture, demo sample and drift extracts: consistent, reproducible, useful."""

import json

import numpy as np
import pandas as pd
import pytest

import pipeline_config as C
from card import drift_reference
from export import predict_onnx
from feature_catalogue import ALL_COLUMNS, EXTRACT_COLUMNS, FEATURE_BY_NAME, FEATURE_NAMES
from generate import generate, write_csv
from train import feature_matrix


@pytest.fixture(scope="module")
def golden():
    return json.loads(C.GOLDEN_JSON.read_text(encoding="utf-8"))


def as_matrix(rows) -> np.ndarray:
    return np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=np.float64)


def read_extract(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"skattyter_id": str, "kommunenr": str, "feil_type": str}, keep_default_na=False, na_values={n: [""] for n in FEATURE_NAMES})


def psi(values: np.ndarray, reference: dict) -> float:
    """Population stability index, Σ (a − e) ln(a / e) over the reference bins (cuts[i-1], cuts[i]]."""
    values = values[~np.isnan(values)]
    actual = np.bincount(np.searchsorted(reference["cuts"], values, side="left"), minlength=len(reference["shares"])) / len(values)
    expected = np.asarray(reference["shares"])
    actual = np.maximum(actual, 1e-4)
    return float(np.sum((actual - expected) * np.log(actual / expected)))


def test_golden_rows_are_complete_and_float32_exact(golden):
    assert golden["features"] == list(FEATURE_NAMES)
    n = len(golden["rows"])
    assert 250 <= n <= 350
    for key in ("ids", "probability", "probability_ort", "raw", "contrib"):
        assert len(golden[key]) == n, key
    x = as_matrix(golden["rows"])
    assert x.shape == (n, len(FEATURE_NAMES))
    present = ~np.isnan(x)
    assert np.array_equal(x[present], x.astype(np.float32).astype(np.float64)[present])


def test_golden_probabilities_are_the_logistic_of_the_raw_score_and_contributions_sum_to_it(golden):
    raw = np.asarray(golden["raw"])
    contrib = np.asarray(golden["contrib"])
    assert contrib.shape == (len(raw), len(FEATURE_NAMES) + 1)
    np.testing.assert_allclose(golden["probability"], 1 / (1 + np.exp(-raw)), rtol=0, atol=1e-12)
    np.testing.assert_allclose(contrib.sum(axis=1), raw, rtol=0, atol=1e-9)
    np.testing.assert_allclose(golden["probability_ort"], golden["probability"], rtol=0, atol=1e-5)
    assert np.ptp(contrib[:, -1]) == 0  # the bias column is the same expected value on every row


def test_golden_values_are_what_the_committed_model_files_say_today(golden, booster, ort_session):
    x = as_matrix(golden["rows"]).astype(np.float32)
    np.testing.assert_allclose(booster.predict(x), golden["probability"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(booster.predict(x, pred_contrib=True), golden["contrib"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(predict_onnx(ort_session, x), golden["probability_ort"], rtol=0, atol=1e-7)


def test_golden_rows_include_the_riskiest_test_rows_and_missing_values_in_every_nullable_feature(golden, booster, test_split):
    prob = booster.predict(feature_matrix(test_split))
    riskiest = test_split["skattyter_id"].to_numpy()[np.argsort(-prob)[:10]]
    assert set(riskiest) <= set(golden["ids"])
    x = as_matrix(golden["rows"])
    for j, name in enumerate(FEATURE_NAMES):
        if FEATURE_BY_NAME[name].nullable:
            assert np.isnan(x[:, j]).sum() >= 5, name
    assert not np.isnan(x).all(axis=1).any()


def test_the_golden_csv_holds_the_same_rows_with_every_generator_column(golden):
    frame = read_extract(C.GOLDEN_CSV)
    assert tuple(frame.columns) == ALL_COLUMNS
    assert frame["skattyter_id"].tolist() == golden["ids"]
    x = frame[list(FEATURE_NAMES)].to_numpy(np.float64).astype(np.float32)
    np.testing.assert_array_equal(x, as_matrix(golden["rows"]).astype(np.float32))


def test_the_demo_sample_is_an_extract_without_ground_truth_and_regenerates_byte_for_byte(tmp_path):
    frame = read_extract(C.DEMO_PATH)
    assert tuple(frame.columns) == EXTRACT_COLUMNS
    assert len(frame) == C.DEMO_ROWS
    assert 0.02 <= frame["feil_fradrag"].mean() <= 0.07
    again = tmp_path / "demo.csv"
    write_csv(generate(C.DEMO_ROWS, C.DEMO_SEED).frame, again, EXTRACT_COLUMNS)
    assert again.read_bytes() == C.DEMO_PATH.read_bytes()


def test_doubled_commutes_drift_far_from_the_training_reference_and_the_baseline_does_not(card):
    reference = next(f for f in card["features"] if f["name"] == "avstand_reg_km")["training"]["drift_reference"]
    baseline = read_extract(C.DRIFT_BASELINE_PATH)
    shifted = read_extract(C.DRIFT_PATH)
    assert tuple(shifted.columns) == EXTRACT_COLUMNS and len(shifted) == C.DRIFT_ROWS
    assert shifted["skattyter_id"].tolist() == baseline["skattyter_id"].tolist()
    km = lambda f: f["avstand_reg_km"].to_numpy(np.float64).astype(np.float32).astype(np.float64)
    assert psi(km(baseline), reference) < 0.1
    assert psi(km(shifted), reference) > 0.25
    # Features that do not follow from commuting stay where they were.
    age = next(f for f in card["features"] if f["name"] == "alder")["training"]["drift_reference"]
    assert psi(shifted["alder"].to_numpy(np.float64), age) < 0.1


def test_the_drift_extracts_regenerate_byte_for_byte(tmp_path):
    again = tmp_path / "doubled.csv"
    write_csv(generate(C.DRIFT_ROWS, C.DRIFT_SEED, shift="commute_double").frame, again, EXTRACT_COLUMNS)
    assert again.read_bytes() == C.DRIFT_PATH.read_bytes()


def test_a_psi_of_a_sample_against_its_own_bins_is_near_zero():
    values = np.random.default_rng(1).lognormal(2, 1, 5_000)
    assert psi(values, drift_reference(values)) < 1e-6
