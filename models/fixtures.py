"""Files other parts of the project test against or show: golden rows, demo sample, drift extracts.

The golden fixture carries, for ~300 test rows, what independent engines say: LightGBM's
probability, raw log-odds and TreeSHAP contributions (pred_contrib, exact path-dependent
TreeSHAP over the same covers the ONNX file holds), and onnxruntime's probability. Rows are
float32-exact so every engine sees identical inputs.
"""

from __future__ import annotations

import json

import lightgbm as lgb
import numpy as np
import pandas as pd

import pipeline_config as C
from export import predict_onnx
from feature_catalogue import EXTRACT_COLUMNS, FEATURE_BY_NAME, FEATURE_NAMES, ID_COLUMN
from generate import generate, write_csv
from train import feature_matrix

TOP_RISK_ROWS = 40
MISSING_ROWS_PER_FEATURE = 12
POSITIVE_ROWS = 40


def golden_rows(x: np.ndarray, label: np.ndarray, prob: np.ndarray, seed: int, size: int = C.GOLDEN_ROWS) -> np.ndarray:
    """Row positions: the top-risk rows, rows missing each nullable feature, known errors, then random rows."""
    rng = np.random.default_rng(seed)
    chosen: list[int] = list(np.argsort(-prob, kind="stable")[:TOP_RISK_ROWS])
    for j, name in enumerate(FEATURE_NAMES):
        if FEATURE_BY_NAME[name].nullable:
            missing = np.flatnonzero(np.isnan(x[:, j]))
            chosen += list(rng.choice(missing, min(MISSING_ROWS_PER_FEATURE, len(missing)), replace=False))
    positives = np.flatnonzero(label == 1)
    chosen += list(rng.choice(positives, min(POSITIVE_ROWS, len(positives)), replace=False))
    unique = list(dict.fromkeys(int(i) for i in chosen))
    rest = np.setdiff1d(np.arange(len(x)), unique)
    unique += list(rng.choice(rest, max(0, size - len(unique)), replace=False))
    return np.sort(np.asarray(unique[:size], dtype=np.int64))


def float32_list(row: np.ndarray) -> list[float | None]:
    """JSON values of float32 numbers: exact as doubles, null for NaN."""
    return [None if np.isnan(v) else float(v) for v in row.astype(np.float32)]


def write_golden(booster: lgb.Booster, sess, test: pd.DataFrame) -> dict:
    x_all = feature_matrix(test)
    prob_all = booster.predict(x_all)
    picks = golden_rows(x_all, test["feil_fradrag"].to_numpy(), prob_all, C.TRAINING_SEED + 7)
    rows = test.iloc[picks]
    x = feature_matrix(rows)
    golden = {
        "features": list(FEATURE_NAMES),
        "rows": [float32_list(r) for r in x],
        "ids": rows[ID_COLUMN].tolist(),
        "probability": [float(p) for p in booster.predict(x)],
        "probability_ort": [float(p) for p in predict_onnx(sess, x)],
        "raw": [float(r) for r in booster.predict(x, raw_score=True)],
        "contrib": [[float(c) for c in r] for r in booster.predict(x, pred_contrib=True)],
    }
    C.GOLDEN_JSON.parent.mkdir(parents=True, exist_ok=True)
    C.GOLDEN_JSON.write_text(json.dumps(golden, separators=(",", ":"), allow_nan=False) + "\n", encoding="utf-8")
    write_csv(rows, C.GOLDEN_CSV)
    return golden


def write_demo() -> pd.DataFrame:
    frame = generate(C.DEMO_ROWS, C.DEMO_SEED).frame
    write_csv(frame, C.DEMO_PATH, EXTRACT_COLUMNS)
    return frame


def write_drift() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The same taxpayers twice: as generated, and with every commute twice as long."""
    baseline = generate(C.DRIFT_ROWS, C.DRIFT_SEED).frame
    shifted = generate(C.DRIFT_ROWS, C.DRIFT_SEED, shift="commute_double").frame
    write_csv(baseline, C.DRIFT_BASELINE_PATH, EXTRACT_COLUMNS)
    write_csv(shifted, C.DRIFT_PATH, EXTRACT_COLUMNS)
    return baseline, shifted
