"""Exports a booster to the shipped ONNX file with a model card whose figures are onnxruntime's own.

Its own module so that build.py and this command share it without a step importing build.py
(export.py once did, inside its main, which closed the circle build → export → build).

    python3 models/export_with_card.py   # re-exports the committed models/artifacts/ booster with a fresh card
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime, timezone

import lightgbm as lgb
import pandas as pd

import pipeline_config as C
from card import DEDUCTION, CardSpec, build_card, validate_card
from export import DEDUCTION_DOC, predict_onnx, save, session, to_onnx
from ranking_metrics import evaluate, gains
from train import Splits, feature_matrix, load_booster, training_data


def build_date() -> date:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch else date.today()


DEDUCTION_GENERATOR = "models/generate.py: synthetic returns for income year 2024, error mechanisms M1–M9 with look-alikes"


def model_and_card(
    booster: lgb.Booster,
    frame: pd.DataFrame,
    splits: Splits,
    *,
    spec: CardSpec = DEDUCTION,
    generator: str = DEDUCTION_GENERATOR,
    seed: int = C.TRAINING_SEED,
    doc: str = DEDUCTION_DOC,
    trained: date | None = None,
):
    """The ONNX model with its card, and onnxruntime's test-split scores, for any bundled model
    (spec: its columns and texts; defaults: the deduction model's). Nothing is written."""
    names = tuple(f.name for f in spec.features)
    onnx_args = {"feature_names": names, "name": spec.model_id, "doc": doc, "version": spec.version}
    test = frame.iloc[splits.test]
    x_test = feature_matrix(test, names)
    y_test = test[spec.label_column].to_numpy()
    # The card describes the shipped file, so its figures are the ONNX model's own scores;
    # the card does not change the graph, so scoring before it is written is the same model.
    prob = predict_onnx(session(to_onnx(booster, **onnx_args)), x_test)
    card = build_card(
        booster=booster,
        x_train=feature_matrix(frame.iloc[splits.train], names),
        metrics=evaluate(y_test, prob),
        gains=gains(y_test, prob),
        data={
            "generator": generator,
            "seed": seed,
            "n_train": int(len(splits.train)),
            "n_valid": int(len(splits.valid)),
            "n_test": int(len(splits.test)),
            "base_rate_train": float(frame[spec.label_column].to_numpy()[splits.train].mean()),
        },
        trained=trained or build_date(),
        spec=spec,
    )
    validate_card(card)
    return to_onnx(booster, card, **onnx_args), card, prob


def export_with_card(booster: lgb.Booster | None = None, frame: pd.DataFrame | None = None, splits: Splits | None = None):
    """Exports the deduction booster (default: the committed one) with a card whose metrics come from onnxruntime."""
    if frame is None or splits is None:
        frame, splits = training_data()
    model, card, prob = model_and_card(booster or load_booster(), frame, splits)
    save(model)
    return model, card, prob


def main() -> int:
    export_with_card()
    return 0


if __name__ == "__main__":
    sys.exit(main())
