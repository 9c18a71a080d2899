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
from card import build_card, validate_card
from export import predict_onnx, save, session, to_onnx
from feature_catalogue import LABEL_COLUMN
from model_spec import DEDUCTION, ModelSpec
from ranking_metrics import evaluate, gains
from train import Splits, feature_matrix, load_booster, training_data


def build_date() -> date:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch else date.today()


def export_with_card(
    booster: lgb.Booster | None = None,
    frame: pd.DataFrame | None = None,
    splits: Splits | None = None,
    spec: ModelSpec = DEDUCTION,
):
    """Exports the spec's booster (default: its committed one) to its file, with a card whose metrics come from onnxruntime."""
    if frame is None or splits is None:
        frame, splits = training_data()
    booster = booster or load_booster(spec.booster_path)
    test = frame.iloc[splits.test]
    x_test = feature_matrix(test, spec.names)
    y_test = test[LABEL_COLUMN].to_numpy()
    # The card describes the shipped file, so its figures are the ONNX model's own scores;
    # the card does not change the graph, so scoring before it is written is the same model.
    prob = predict_onnx(session(to_onnx(booster, spec=spec)), x_test)
    card = build_card(
        booster=booster,
        x_train=feature_matrix(frame.iloc[splits.train], spec.names),
        metrics=evaluate(y_test, prob),
        gains=gains(y_test, prob),
        data={
            "generator": "models/generate.py: synthetic returns for income year 2024, error mechanisms M1–M9 with look-alikes",
            "seed": C.TRAINING_SEED,
            "n_train": int(len(splits.train)),
            "n_valid": int(len(splits.valid)),
            "n_test": int(len(splits.test)),
            "base_rate_train": float(frame[LABEL_COLUMN].to_numpy()[splits.train].mean()),
        },
        trained=build_date(),
        model_id=spec.id,
        version=spec.version,
        notice=spec.notice,
        features=spec.features,
    )
    validate_card(card)
    model = to_onnx(booster, card, spec)
    save(model, spec.onnx_path)
    return model, card, prob


def main() -> int:
    export_with_card()
    return 0


if __name__ == "__main__":
    sys.exit(main())
