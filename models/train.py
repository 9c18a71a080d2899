"""Trains the LightGBM classifier of incorrect deductions on synthetic returns.

Generated rows are split 60/20/20 into train, validation and test; boosting stops early on
the validation log-loss, and every reported figure comes from the test split, which neither
training nor early stopping saw. Inputs are the catalogue's features only, cast to float32
first so LightGBM learns on exactly the values onnxruntime and the browser will see
(ONNX stores thresholds as float32).

    python3 models/train.py   # trains, prints test metrics, writes models/artifacts/
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass

import lightgbm as lgb
import numpy as np
import pandas as pd

import pipeline_config as C
from feature_catalogue import FEATURE_NAMES, LABEL_COLUMN
from generate import generate
from ranking_metrics import evaluate, format_metrics, gains

# Depth 6 keeps exact TreeSHAP in the browser fast (its cost grows with depth squared).
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.1,
    "num_leaves": 40,
    "max_depth": 6,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "max_bin": 255,
    "metric": ["binary_logloss", "auc"],
    "first_metric_only": True,
    "deterministic": True,
    "force_col_wise": True,
    "num_threads": 2,
    "verbosity": -1,
}
MAX_TREES = 300
EARLY_STOPPING_ROUNDS = 40


@dataclass
class Splits:
    train: np.ndarray
    valid: np.ndarray
    test: np.ndarray


def split_indices(n: int, seed: int, shares=C.SPLIT) -> Splits:
    """A seeded random partition of row indices into train, validation and test (each sorted)."""
    order = np.random.default_rng(seed).permutation(n)
    a = int(round(shares[0] * n))
    b = a + int(round(shares[1] * n))
    return Splits(np.sort(order[:a]), np.sort(order[a:b]), np.sort(order[b:]))


def feature_matrix(frame: pd.DataFrame, names: tuple[str, ...] = FEATURE_NAMES) -> np.ndarray:
    """float32 [rows, features] in the given order (default: the catalogue's), NaN for missing."""
    return frame.loc[:, list(names)].astype("float64").to_numpy(dtype=np.float64, na_value=np.nan).astype(np.float32)


def training_data(rows: int = C.TRAINING_ROWS, seed: int = C.TRAINING_SEED) -> tuple[pd.DataFrame, Splits]:
    """The generated rows behind the shipped model and their split; deterministic from the seed."""
    frame = generate(rows, seed).frame
    return frame, split_indices(rows, seed + 1)


def train(
    frame: pd.DataFrame, splits: Splits, seed: int = C.TRAINING_SEED, names: tuple[str, ...] = FEATURE_NAMES, label: str = LABEL_COLUMN
) -> lgb.Booster:
    """LightGBM on the named features (default: all the deduction catalogue's), early-stopped on the
    validation split; the pre-filing variant passes a subset, the inactive-business model its own names and label."""
    x = feature_matrix(frame, names)
    y = frame[label].to_numpy()
    params = {**PARAMS, "seed": seed}
    train_set = lgb.Dataset(x[splits.train], y[splits.train], feature_name=list(names), free_raw_data=False)
    valid_set = lgb.Dataset(x[splits.valid], y[splits.valid], reference=train_set)
    booster = lgb.train(
        params,
        train_set,
        num_boost_round=MAX_TREES,
        valid_sets=[valid_set],
        valid_names=["valid"],
        callbacks=[lgb.early_stopping(EARLY_STOPPING_ROUNDS, first_metric_only=True, verbose=False)],
    )
    # Keep only the trees up to the best iteration, so the ONNX export, the card and every
    # fixture describe one and the same ensemble.
    return lgb.Booster(model_str=booster.model_to_string(num_iteration=booster.best_iteration))


def save_booster(booster: lgb.Booster, path=C.BOOSTER_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical between identical builds.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(booster.model_to_string().encode("utf-8"))


def load_booster(path=C.BOOSTER_PATH) -> lgb.Booster:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return lgb.Booster(model_str=f.read())


def predict(booster: lgb.Booster, x: np.ndarray) -> np.ndarray:
    """P(incorrect deduction) from LightGBM itself."""
    return booster.predict(x)


def main() -> int:
    frame, splits = training_data()
    booster = train(frame, splits)
    save_booster(booster)
    test = frame.iloc[splits.test]
    prob = predict(booster, feature_matrix(test))
    print(f"{booster.num_trees()} trees")
    print(format_metrics(evaluate(test[LABEL_COLUMN], prob), gains(test[LABEL_COLUMN], prob)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
