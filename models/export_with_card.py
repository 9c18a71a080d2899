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

from card import build_card, validate_card
from export import predict_onnx, save, session, to_onnx
from model_spec import DEDUCTION, ModelSpec
from ranking_metrics import evaluate, gains
from train import Splits, feature_matrix, load_booster, training_data


def build_date() -> date:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch else date.today()


def data_section(spec: ModelSpec, frame: pd.DataFrame, splits: Splits) -> dict:
    """The card's data: where the rows come from, the split's sizes and the training base rate."""
    return {
        "generator": spec.generator,
        "seed": spec.seed,
        "n_train": int(len(splits.train)),
        "n_valid": int(len(splits.valid)),
        "n_test": int(len(splits.test)),
        "base_rate_train": float(frame[spec.label_column].to_numpy()[splits.train].mean()),
    }


def model_and_card(
    booster: lgb.Booster,
    frame: pd.DataFrame,
    splits: Splits,
    spec: ModelSpec = DEDUCTION,
    trained: date | None = None,
):
    """The spec's ONNX model with its card, and onnxruntime's test-split scores; nothing is written.

    trained: the card's date (default build_date()); pass a committed card's date to reproduce its file."""
    test = frame.iloc[splits.test]
    x_test = feature_matrix(test, spec.names)
    y_test = test[spec.label_column].to_numpy()
    # The card describes the shipped file, so its figures are the ONNX model's own scores;
    # the card does not change the graph, so scoring before it is written is the same model.
    prob = predict_onnx(session(to_onnx(booster, spec=spec)), x_test)
    card = build_card(
        booster=booster,
        x_train=feature_matrix(frame.iloc[splits.train], spec.names),
        metrics=evaluate(y_test, prob),
        gains=gains(y_test, prob),
        data=data_section(spec, frame, splits),
        trained=trained or build_date(),
        spec=spec,
    )
    validate_card(card)
    return to_onnx(booster, card, spec), card, prob


def export_with_card(
    booster: lgb.Booster | None = None,
    frame: pd.DataFrame | None = None,
    splits: Splits | None = None,
    spec: ModelSpec = DEDUCTION,
):
    """Exports the spec's booster (default: its committed one) to its file, with a card whose metrics come from onnxruntime.

    Without frame and splits it regenerates the deduction returns (train.training_data), the data of
    the deduction model and its pre-filing variant; another model's build passes its own."""
    if frame is None or splits is None:
        if spec.seed != DEDUCTION.seed:
            raise ValueError(f"{spec.id} is not trained on the deduction returns: pass its frame and splits")
        frame, splits = training_data()
    model, card, prob = model_and_card(booster or load_booster(spec.booster_path), frame, splits, spec)
    save(model, spec.onnx_path)
    return model, card, prob


def main() -> int:
    export_with_card()
    return 0


if __name__ == "__main__":
    sys.exit(main())
