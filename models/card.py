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
from feature_catalogue import Feature, text

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


def forms(one: str, other: str, definite: str) -> dict:
    return {"one": one, "other": other, "definite": definite}


# The deduction model's words (card key "vocabulary"): every sentence of the app that names
# the task takes them from the card, so another model's page never speaks of deductions.
VOCABULARY = {
    "task": text("risiko for feil fradrag", "risiko for feil frådrag", "risk of an incorrect deduction"),
    "row": {
        "nb": forms("skattemelding", "skattemeldinger", "skattemeldingene"),
        "nn": forms("skattemelding", "skattemeldingar", "skattemeldingane"),
        "en": forms("tax return", "tax returns", "the tax returns"),
    },
    "positive": {
        "nb": forms("feil fradrag", "feil fradrag", "de feilaktige fradragene"),
        "nn": forms("feil frådrag", "feil frådrag", "dei feilaktige frådraga"),
        "en": forms("incorrect deduction", "incorrect deductions", "the incorrect deductions"),
    },
    "subject": {
        "nb": forms("skattyter", "skattytere", "skattyterne"),
        "nn": forms("skattytar", "skattytarar", "skattytarane"),
        "en": forms("taxpayer", "taxpayers", "the taxpayers"),
    },
}


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


def feature_entry(f: Feature, index: int, training: dict) -> dict:
    """A feature's card fields from the catalogue, at input position `index`, with its training summary."""
    return {
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
        "training": training,
    }


def feature_cards(x_train: np.ndarray, features: tuple[Feature, ...], rules: dict | None = None) -> list[dict]:
    """One entry per model input, in input order: x_train's columns are the given features.
    rules: feature name → the card's rule object (reason_rules.RULES, figures from rules_2024.py)."""
    rules = rules or {}
    cards = []
    for index, f in enumerate(features):
        card = feature_entry(f, index, training_summary(x_train[:, index]))
        if f.categories:
            card["categories"] = [{"code": code, "label": label} for code, label in f.categories]
        if f.name in rules:
            card["rule"] = rules[f.name]
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
    spec: ModelSpec,  # model_spec.ModelSpec; not imported, as model_spec takes this module's NOTICE and VOCABULARY
) -> dict:
    """The card of a pipeline model: the booster and the data give the figures, the spec
    (model_spec.ModelSpec: DEDUCTION, prefiling.PREFILING, enk_catalogue.INACTIVE_BUSINESS)
    its identity, texts, columns and words."""
    dump = booster.dump_model()
    return assemble_card(
        spec=spec,
        algorithm=f"LightGBM {lgb.__version__} gradient-boosted decision trees, binary log-loss",
        trained=trained,
        n_trees=booster.num_trees(),
        max_depth=max(tree_depth(t["tree_structure"]) for t in dump["tree_info"]),
        features=feature_cards(x_train, spec.features, spec.rules),
        metrics=metrics,
        gains=gains,
        data=data,
        covers="nodes_hitrates",
    )


def assemble_card(
    *,
    spec: ModelSpec,
    algorithm: str,
    trained: date | None,
    n_trees: int,
    max_depth: int,
    features: list[dict],
    metrics: dict,
    gains: dict,
    data: dict,
    covers: str,
) -> dict:
    """A pipeline model's card from its spec and what its trainer measured (trees: build_card; the linear VAT model: vat_model.py)."""
    return {
        "card_schema": CARD_SCHEMA,
        "card_version": CARD_VERSION,
        "model": {
            "id": spec.id,
            "version": spec.version,
            "algorithm": algorithm,
            "trained": (trained or date.today()).isoformat(),
            "income_year": spec.income_year,
            "n_trees": n_trees,
            "max_depth": max_depth,
            "synthetic": True,
            "notice": spec.notice,
        },
        "io": {"input": "input", "probabilities": "probabilities", "positive_class": 1, "raw_score": "log-odds"},
        "id_column": spec.id_column,
        "label": {"name": spec.label_column, "text": spec.label_text, "positive": 1, "aliases": list(spec.label_aliases)},
        "ground_truth_columns": list(spec.ground_truth_columns),
        "features": features,
        "metrics": metrics,
        "gains": gains,
        "data": data,
        "covers": covers,
        "vocabulary": spec.vocabulary,
    }


def load_schema() -> dict:
    return json.loads(C.SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_card(card: dict) -> None:
    """Raises jsonschema.ValidationError when the card breaks models/model_card.schema.json."""
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(card)


# --- cards for analysts' own models (kit.py) ----------------------------------------------------
#
# The kit builds the same card from a small file the analyst writes (at least the features'
# names, in input order) and from what it can compute: training summaries, node counts, test
# metrics and gains. What neither gives is left out, never guessed where a caseworker would
# read it as fact (unit, source, income year, id column, seed); card_problems says which
# fields the current schema still misses. Defaults are listed in MODEL_CARD.md.

SYNTHETIC_NOTICE = text(
    "Modellen er trent på syntetiske data. Poengsummene sier ingenting om virkelige personer.",
    "Modellen er trena på syntetiske data. Poengsummane seier ingenting om verkelege personar.",
    "This model was trained on synthetic data. Its scores say nothing about real people.",
)


def localized(value, fallback: str) -> dict:
    """A text in nb/nn/en from a string (the same in all three) or a partial dict (missing languages: en, else the fallback)."""
    if value is None:
        return text(fallback, fallback, fallback)
    if isinstance(value, str):
        return text(value, value, value)
    en = value.get("en") or fallback
    return {lang: value.get(lang) or en for lang in ("nb", "nn", "en")}


def inferred_kind(present: np.ndarray) -> str:
    """binary when every value is 0 or 1, integer when every value is whole, else continuous."""
    if len(present) and np.isin(present, (0.0, 1.0)).all():
        return "binary"
    if len(present) and (present == np.round(present)).all():
        return "integer"
    return "continuous"


def kit_feature_card(spec: dict, index: int, values: np.ndarray) -> dict:
    """One feature: the analyst's description where given, the rest computed from the training column."""
    values = np.asarray(values, np.float32).astype(float)
    present = values[~np.isnan(values)]
    training = training_summary(values)
    kind = spec.get("kind") or inferred_kind(present)
    card = {"name": spec["name"], "index": index, "label": localized(spec.get("label"), spec["name"])}
    card["description"] = localized(spec.get("description"), card["label"]["en"]) if spec.get("description") else dict(card["label"])
    unit = spec.get("unit") or ("flag" if kind == "binary" else None)
    if unit is not None:
        card["unit"] = unit
    card["kind"] = kind
    card["nonnegative"] = bool(spec["nonnegative"]) if "nonnegative" in spec else bool(training["min"] >= 0)
    card["nullable"] = bool(training["missing_share"] > 0 or spec.get("nullable", False))
    card["aliases"] = list(spec.get("aliases", []))
    if spec.get("source") is not None:
        card["source"] = spec["source"]
    card["training"] = training
    if spec.get("categories"):
        card["categories"] = [
            {"code": int(c["code"]), "label": localized(c.get("label"), str(c["code"]))} for c in spec["categories"]
        ]
    return card


def kit_card(
    analyst: dict,
    *,
    x_train: np.ndarray,
    y_train: np.ndarray | None,
    label_name: str | None,
    model_id: str,
    algorithm: str,
    n_trees: int,
    max_depth: int,
    raw_score: str,
    io: dict,
    trained: date,
    train_name: str,
    metrics: dict | None = None,
    gains: dict | None = None,
    n_test: int = 0,
    trees: bool = True,
) -> dict:
    """The model card of an analyst's model: their card file's fields, the rest computed or left out."""
    features = analyst.get("features")
    if not features or any("name" not in f for f in features):
        raise ValueError('the card file needs "features": [{"name": ...}, ...] in the model\'s input order')
    if x_train.shape[1] != len(features):
        raise ValueError(f"the card file lists {len(features)} features, the training matrix has {x_train.shape[1]}")
    given = analyst.get("model", {})
    model = {
        "id": given.get("id") or model_id,
        "version": given.get("version") or "1.0.0",
        "algorithm": given.get("algorithm") or algorithm,
        "trained": given.get("trained") or trained.isoformat(),
    }
    if "income_year" in given:
        model["income_year"] = int(given["income_year"])
    model["n_trees"] = int(n_trees)
    model["max_depth"] = int(max_depth)
    if "synthetic" in given:
        model["synthetic"] = bool(given["synthetic"])
    if given.get("notice"):
        model["notice"] = localized(given["notice"], "")
    elif given.get("synthetic"):
        model["notice"] = dict(SYNTHETIC_NOTICE)
    card: dict = {
        "card_schema": CARD_SCHEMA,
        "card_version": CARD_VERSION,
        "model": model,
        "io": {**io, "positive_class": 1, "raw_score": raw_score},
    }
    if analyst.get("id_column"):
        card["id_column"] = analyst["id_column"]
    label = analyst.get("label") or {}
    if isinstance(label, str):
        label = {"name": label}
    name = label_name or label.get("name")
    if name:
        card["label"] = {"name": name, "text": localized(label.get("text"), name), "positive": 1, "aliases": list(label.get("aliases", []))}
    card["ground_truth_columns"] = list(analyst.get("ground_truth_columns", []))
    card["features"] = [kit_feature_card(spec, i, x_train[:, i]) for i, spec in enumerate(features)]
    if metrics is not None:
        card["metrics"] = metrics
    if gains is not None:
        card["gains"] = gains
    given_data = analyst.get("data", {})
    data = {"generator": given_data.get("generator") or f"the analyst's training file {train_name}"}
    if "seed" in given_data:
        data["seed"] = int(given_data["seed"])
    data.update(n_train=int(len(x_train)), n_valid=int(given_data.get("n_valid", 0)), n_test=int(n_test))
    if y_train is not None:
        data["base_rate_train"] = float(np.mean(y_train))
    card["data"] = data
    if trees:
        card["covers"] = "nodes_hitrates"
    if analyst.get("vocabulary"):
        card["vocabulary"] = analyst["vocabulary"]
    return card


def card_problems(card: dict) -> list[str]:
    """Where the card falls short of models/model_card.schema.json, one line each ([] = a full card)."""
    validator = jsonschema.Draft202012Validator(load_schema())
    return sorted(f"{'/'.join(str(p) for p in e.absolute_path) or '(card)'}: {e.message}" for e in validator.iter_errors(card))
