"""The model card: what the app knows about the model, written into the ONNX file.

The shape is fixed by src/lib/core/model/card.ts (TypeScript) and models/model_card.schema.json
(JSON Schema draft 2020-12); every card this module builds is validated against the schema.
"""

from __future__ import annotations

import json
from datetime import date

import jsonschema
import lightgbm as lgb
import numpy as np

import pipeline_config as C
import rules_2024 as R
from feature_catalogue import (
    FEATURES,
    GROUND_TRUTH_COLUMNS,
    ID_COLUMN,
    LABEL_ALIASES,
    LABEL_COLUMN,
    LABEL_TEXT,
    text,
)

CARD_SCHEMA = "deduction-risk-model-card"
CARD_VERSION = 1
QUANTILE_PROBS = (0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1.0)
DRIFT_BINS = 10

NOTICE = text(
    "Modellen er trent på syntetiske data som etterligner skattemeldinger for inntektsåret 2024. "
    "Den viser hvordan en risikomodell virker; poengsummene sier ingenting om virkelige skattytere.",
    "Modellen er trena på syntetiske data som liknar skattemeldingar for inntektsåret 2024. "
    "Han viser korleis ein risikomodell verkar; poengsummane seier ingenting om verkelege skattytarar.",
    "This model was trained on synthetic data that imitates tax returns for income year 2024. "
    "It shows how a risk model works; its scores say nothing about real taxpayers.",
)


def drift_reference(values: np.ndarray, bins: int = DRIFT_BINS) -> dict:
    """Equal-frequency bins whose cuts never split a repeated value.

    Cuts are chosen from the sorted distinct values so each bin holds about the remaining
    count divided by the remaining bins; a large point mass (say 80 % zeros) becomes one bin
    and the rest is still split finely, which a plain decile cut would not do. No cut sits at
    the maximum, so no bin is empty. Bin i is (cuts[i-1], cuts[i]] with open ends, as the
    population stability index in the app reads it.
    """
    values = np.asarray(values, float)
    values = values[~np.isnan(values)]
    if len(values) == 0:
        return {"cuts": [], "shares": [1.0]}
    distinct, counts = np.unique(values, return_counts=True)
    cuts: list[float] = []
    remaining, remaining_bins, filled = len(values), bins, 0
    for value, count in zip(distinct[:-1], counts[:-1]):
        filled += int(count)
        if remaining_bins > 1 and filled >= remaining / remaining_bins:
            cuts.append(float(value))
            remaining -= filled
            remaining_bins -= 1
            filled = 0
    bin_of = np.searchsorted(np.asarray(cuts), values, side="left")
    shares = np.bincount(bin_of, minlength=len(cuts) + 1) / len(values)
    return {"cuts": cuts, "shares": [float(s) for s in shares]}


def training_summary(values: np.ndarray) -> dict:
    """Summary of one feature column (NaN = missing) on the training split."""
    values = np.asarray(values, float)
    present = values[~np.isnan(values)]
    if len(present) == 0:
        raise ValueError("a feature with no value in the training split cannot be summarised")
    return {
        "n": int(len(values)),
        "missing_share": float(1 - len(present) / len(values)),
        "min": float(present.min()),
        "max": float(present.max()),
        "mean": float(present.mean()),
        "quantiles": {"probs": list(QUANTILE_PROBS), "values": [float(q) for q in np.quantile(present, QUANTILE_PROBS)]},
        "drift_reference": drift_reference(present),
    }


def feature_cards(x_train: np.ndarray) -> list[dict]:
    cards = []
    for index, f in enumerate(FEATURES):
        card = {
            "name": f.name,
            "index": index,
            "label": f.label,
            "description": f.description,
            "unit": f.unit,
            "kind": f.kind,
            "nonnegative": f.nonnegative,
            "nullable": f.nullable,
            "aliases": list(f.aliases),
            "source": f.source,
            "training": training_summary(x_train[:, index]),
        }
        if f.categories:
            card["categories"] = [{"code": code, "label": label} for code, label in f.categories]
        cards.append(card)
    return cards


def tree_depth(node: dict) -> int:
    if "split_index" not in node:
        return 0
    return 1 + max(tree_depth(node["left_child"]), tree_depth(node["right_child"]))


def build_card(
    *,
    booster: lgb.Booster,
    x_train: np.ndarray,
    metrics: dict,
    gains: dict,
    data: dict,
    trained: date | None = None,
) -> dict:
    dump = booster.dump_model()
    return {
        "card_schema": CARD_SCHEMA,
        "card_version": CARD_VERSION,
        "model": {
            "id": C.MODEL_ID,
            "version": C.MODEL_VERSION,
            "algorithm": f"LightGBM {lgb.__version__} gradient-boosted decision trees, binary log-loss",
            "trained": (trained or date.today()).isoformat(),
            "income_year": R.INCOME_YEAR,
            "n_trees": booster.num_trees(),
            "max_depth": max(tree_depth(t["tree_structure"]) for t in dump["tree_info"]),
            "synthetic": True,
            "notice": NOTICE,
        },
        "io": {"input": "input", "probabilities": "probabilities", "positive_class": 1, "raw_score": "log-odds"},
        "id_column": ID_COLUMN,
        "label": {"name": LABEL_COLUMN, "text": LABEL_TEXT, "positive": 1, "aliases": list(LABEL_ALIASES)},
        "ground_truth_columns": list(GROUND_TRUTH_COLUMNS),
        "features": feature_cards(x_train),
        "metrics": metrics,
        "gains": gains,
        "data": data,
        "covers": "nodes_hitrates",
    }


def load_schema() -> dict:
    return json.loads(C.SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_card(card: dict) -> None:
    """Raises jsonschema.ValidationError when the card breaks models/model_card.schema.json."""
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(card)
