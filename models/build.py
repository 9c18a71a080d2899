"""Builds everything the product ships from the model pipeline, in order, from fixed seeds:

1. generate 200,000 synthetic returns and split them 60/20/20 (generate.py, train.py);
2. train LightGBM with early stopping on the validation split (train.py);
3. export to ONNX with covers, score the test split with onnxruntime, write the model card
   with the test metrics into the file (export.py, card.py, export_with_card.py);
4. check onnxruntime against LightGBM on the whole test split (|Δp| ≤ 1e-5);
5. write the golden fixture, the demo sample and the drift extracts (fixtures.py);
6. print the test metrics;
7. write the exporter fixtures: one small model per exporter, raw and through the analysts'
   kit, with what onnxruntime and shap say about them (exporter_fixtures.py);
8. build the pre-filing variant on the same data and compare it with this model
   (build_prefiling.py, models/PREFILING.md);
9. build the inactive-business model, sole proprietorships, the same way (build_enk.py);
10. build the VAT-remarks model, figures and free-text remark of VAT returns (build_vat.py);
11. write the index of bundled models for the page's model picker (bundle_index.py);
12. train the assistant's intent classifier on the hand-written paraphrases and check it on
    the held-out ones (assistant_intents.py, models/assistant/).

    python3 models/build.py        (npm run model)
"""

from __future__ import annotations

import sys

import numpy as np

import pipeline_config as C
from assistant_intents import main as build_assistant_intents
from build_enk import main as build_inactive_business
from build_prefiling import main as build_prefiling
from build_vat import main as build_vat_remarks
from bundle_index import main as write_bundle_index
from export import session
from export_with_card import export_with_card
from exporter_fixtures import main as write_exporter_fixtures
from fixtures import write_demo, write_drift, write_golden
from ranking_metrics import format_metrics
from train import feature_matrix, save_booster, train, training_data

PARITY_TOLERANCE = 1e-5


def main() -> int:
    frame, splits = training_data()
    print(f"generated {len(frame):,} rows (seed {C.TRAINING_SEED}): train {len(splits.train):,}, "
          f"validation {len(splits.valid):,}, test {len(splits.test):,}")
    booster = train(frame, splits)
    save_booster(booster)
    print(f"trained {booster.num_trees()} trees")
    model, card, prob_onnx = export_with_card(booster, frame, splits)
    print(f"wrote {C.ONNX_PATH.relative_to(C.REPO)} ({C.ONNX_PATH.stat().st_size / 1e6:.2f} MB)")

    test = frame.iloc[splits.test]
    prob_lgbm = booster.predict(feature_matrix(test))
    gap = float(np.max(np.abs(prob_lgbm - prob_onnx)))
    print(f"onnxruntime vs LightGBM on {len(test):,} test rows: max |Δp| = {gap:.2e}")
    if gap > PARITY_TOLERANCE:
        raise SystemExit(f"parity broken: {gap} > {PARITY_TOLERANCE}")

    write_golden(booster, session(model), test)
    write_demo()
    write_drift()
    print("wrote golden fixture, demo sample and drift extracts")
    print(format_metrics(card["metrics"], card["gains"]))
    recall_25 = next(r["recall"] for r in card["metrics"]["at_share"] if r["share"] == 0.25)
    if recall_25 < 0.70:
        raise SystemExit(f"recall at 25 % is {recall_25:.3f}, below the required 0.70")
    if write_exporter_fixtures() != 0:
        raise SystemExit("the exporter fixtures failed their own checks")
    if build_prefiling() != 0:
        raise SystemExit("the pre-filing variant failed its own checks")
    if build_inactive_business() != 0:
        raise SystemExit("the inactive-business model failed its own checks")
    if build_vat_remarks() != 0:
        raise SystemExit("the VAT-remarks model failed its own checks")
    write_bundle_index()
    if build_assistant_intents() != 0:
        raise SystemExit("the assistant's intent classifier missed its held-out targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
