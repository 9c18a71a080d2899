"""Builds the second bundled model, inactive sole proprietorships, with the deduction model's recipe:

1. generate 100,000 synthetic businesses and split them 60/20/20 (enk_generate.py, train.split_indices);
2. train LightGBM with early stopping on the validation split (train.train, same parameters);
3. export to ONNX without a ZipMap, thresholds rounded down to float32, training counts in
   nodes_hitrates, and the card with training summaries, test metrics and gains scored by
   onnxruntime (export_with_card with the spec enk_catalogue.INACTIVE_BUSINESS);
4. check onnxruntime against LightGBM on the whole test split (|Δp| ≤ 1e-5);
5. write the demo sample: 2,000 businesses generated from their own seed, never seen in
   training, with the recorded label and without the ground truth;
6. print the test metrics and the "check 25 %, find M %" figure.

    python3 models/build_enk.py        (also a step of npm run model, after build_prefiling)
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

import pipeline_config as C
from enk_catalogue import EXTRACT_COLUMNS, FEATURE_NAMES, INACTIVE_BUSINESS, LABEL_COLUMN
from enk_generate import generate
from export_with_card import export_with_card
from generate import write_csv
from ranking_metrics import format_metrics
from train import Splits, feature_matrix, save_booster, split_indices, train

PARITY_TOLERANCE = 1e-5
# A model no better than this at ranking would not be worth shipping as an example.
MIN_ROC_AUC = 0.75


def training_data(rows: int = C.ENK_ROWS, seed: int = C.ENK_SEED) -> tuple[pd.DataFrame, Splits]:
    """The generated businesses behind the shipped model and their split; deterministic from the seed."""
    return generate(rows, seed).frame, split_indices(rows, seed + 1)


def write_demo() -> pd.DataFrame:
    frame = generate(C.DEMO_ROWS, C.ENK_DEMO_SEED).frame
    write_csv(frame, C.ENK_DEMO_PATH, EXTRACT_COLUMNS)
    return frame


def recall_at(card: dict, share: float) -> float:
    return next(r["recall"] for r in card["metrics"]["at_share"] if r["share"] == share)


def main() -> int:
    frame, splits = training_data()
    print(f"generated {len(frame):,} businesses (seed {C.ENK_SEED}): train {len(splits.train):,}, "
          f"validation {len(splits.valid):,}, test {len(splits.test):,}, base rate {frame[LABEL_COLUMN].mean():.1%}")
    booster = train(frame, splits, INACTIVE_BUSINESS.seed, names=INACTIVE_BUSINESS.names, label=INACTIVE_BUSINESS.label_column)
    save_booster(booster, INACTIVE_BUSINESS.booster_path)
    print(f"trained {booster.num_trees()} trees")
    _, card, prob_onnx = export_with_card(booster, frame, splits, INACTIVE_BUSINESS)
    print(f"wrote {INACTIVE_BUSINESS.onnx_path.relative_to(C.REPO)} ({INACTIVE_BUSINESS.onnx_path.stat().st_size / 1e6:.2f} MB)")

    test = frame.iloc[splits.test]
    gap = float(np.max(np.abs(booster.predict(feature_matrix(test, FEATURE_NAMES)) - prob_onnx)))
    print(f"onnxruntime vs LightGBM on {len(test):,} test rows: max |Δp| = {gap:.2e}")
    if gap > PARITY_TOLERANCE:
        raise SystemExit(f"parity broken: {gap} > {PARITY_TOLERANCE}")

    write_demo()
    print(f"wrote {C.ENK_DEMO_PATH.relative_to(C.REPO)}")
    print(format_metrics(card["metrics"], card["gains"]))
    print(f"check 25 % and find {recall_at(card, 0.25):.0%} of the inactive businesses")
    if card["metrics"]["roc_auc"] < MIN_ROC_AUC:
        raise SystemExit(f"test ROC AUC {card['metrics']['roc_auc']:.3f} is below {MIN_ROC_AUC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
