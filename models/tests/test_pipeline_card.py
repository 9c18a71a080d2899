"""The model card inside the committed ONNX file: valid, complete, and true to the model and data."""

import copy
import unicodedata

import jsonschema
import numpy as np
import pytest

import pipeline_config as C
from card import drift_reference, load_schema, validate_card
from export import predict_onnx
from feature_catalogue import FEATURE_NAMES, GROUND_TRUTH_COLUMNS, ID_COLUMN, LABEL_COLUMN, PASSTHROUGH_COLUMNS
from ranking_metrics import evaluate, gains
from train import feature_matrix


def folded(name: str) -> str:
    """Case- and diacritics-insensitive form (æ, ø, å folded too), as the app matches headers."""
    name = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def test_the_schema_is_valid_draft_2020_12_and_the_card_follows_it(card):
    jsonschema.Draft202012Validator.check_schema(load_schema())
    validate_card(card)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda c: c["model"].pop("notice"),
        lambda c: c["model"]["notice"].update(en="A model."),
        lambda c: c.update(extra=1),
        lambda c: c["features"][1].pop("categories"),
        lambda c: c["features"][0].update(categories=[]),
        lambda c: c["features"][0]["label"].pop("nn"),
        lambda c: c["features"][0].update(unit="metres"),
        lambda c: c["metrics"].update(roc_auc=1.2),
        lambda c: c["gains"]["recall"].pop(),
        lambda c: c.update(covers="estimated"),
    ],
)
def test_the_schema_rejects_a_broken_card(card, break_it):
    broken = copy.deepcopy(card)
    break_it(broken)
    with pytest.raises(jsonschema.ValidationError):
        validate_card(broken)


def test_features_are_the_catalogue_in_model_input_order(card, booster):
    names = [f["name"] for f in card["features"]]
    assert names == list(FEATURE_NAMES) == booster.feature_name()
    assert [f["index"] for f in card["features"]] == list(range(len(names)))


def test_no_ground_truth_identifier_label_or_passthrough_column_is_a_feature(card):
    names = {f["name"] for f in card["features"]}
    assert not names & {*GROUND_TRUTH_COLUMNS, *PASSTHROUGH_COLUMNS, ID_COLUMN, LABEL_COLUMN}
    assert card["ground_truth_columns"] == list(GROUND_TRUTH_COLUMNS)
    assert card["id_column"] == ID_COLUMN and card["label"]["name"] == LABEL_COLUMN


def test_every_feature_has_its_own_label_and_description_in_three_languages(card):
    for lang in ("nb", "nn", "en"):
        labels = [f["label"][lang] for f in card["features"]]
        descriptions = [f["description"][lang] for f in card["features"]]
        assert all(t.strip() for t in labels + descriptions)
        assert len(set(labels)) == len(labels), lang
        assert len(set(descriptions)) == len(descriptions), lang


def test_coded_features_list_their_categories_and_the_training_values_are_among_them(card):
    for f in card["features"]:
        if f["kind"] in ("ordinal", "categorical"):
            codes = {c["code"] for c in f["categories"]}
            assert f["training"]["min"] in codes and f["training"]["max"] in codes, f["name"]
        if f["kind"] == "binary":
            assert (f["training"]["min"], f["training"]["max"]) == (0, 1), f["name"]


def test_aliases_never_collide_with_another_column_after_folding(card):
    seen: dict[str, str] = {}
    for f in card["features"]:
        for name in {folded(n) for n in [f["name"], *f["aliases"]]}:
            assert seen.setdefault(name, f["name"]) == f["name"], name
    for name in card["label"]["aliases"]:
        assert folded(name) not in seen


def test_nullable_features_are_exactly_those_missing_in_training_and_nonnegative_ones_never_go_below_zero(card):
    for f in card["features"]:
        assert f["nullable"] == (f["training"]["missing_share"] > 0), f["name"]
        if f["nonnegative"]:
            assert f["training"]["min"] >= 0, f["name"]


def test_training_summaries_are_ordered_and_drift_shares_sum_to_one(card):
    for f in card["features"]:
        t = f["training"]
        assert t["quantiles"]["probs"] == [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1]
        values = t["quantiles"]["values"]
        assert values == sorted(values) and values[0] == t["min"] and values[-1] == t["max"]
        assert t["min"] <= t["mean"] <= t["max"] and t["n"] == card["data"]["n_train"]
        cuts, shares = t["drift_reference"]["cuts"], t["drift_reference"]["shares"]
        assert len(shares) == len(cuts) + 1 and all(a < b for a, b in zip(cuts, cuts[1:]))
        assert sum(shares) == pytest.approx(1.0) and min(shares) > 0, f["name"]


def test_the_card_says_the_model_is_synthetic_in_every_language(card):
    assert card["model"]["synthetic"] is True
    assert "trained on synthetic data" in card["model"]["notice"]["en"]
    assert "trent på syntetiske data" in card["model"]["notice"]["nb"]
    assert "syntetiske data" in card["model"]["notice"]["nn"]
    assert card["model"]["income_year"] == 2024


def test_the_card_counts_the_trees_and_depth_of_the_file(card, onnx_model):
    node = next(n for n in onnx_model.graph.node if n.op_type == "TreeEnsembleClassifier")
    tree_ids = next(a.ints for a in node.attribute if a.name == "nodes_treeids")
    assert card["model"]["n_trees"] == len(set(tree_ids))
    assert 150 <= card["model"]["n_trees"] <= 300
    assert card["model"]["max_depth"] <= 6


def test_the_card_metrics_are_what_the_file_scores_on_the_regenerated_test_split(card, ort_session, test_split):
    prob = predict_onnx(ort_session, feature_matrix(test_split))
    label = test_split[LABEL_COLUMN].to_numpy()
    recomputed = evaluate(label, prob)
    assert card["metrics"]["n"] == len(test_split) == card["data"]["n_test"]
    for key in ("positives", "base_rate", "roc_auc", "pr_auc", "brier"):
        assert card["metrics"][key] == pytest.approx(recomputed[key], abs=1e-9), key
    for stored, fresh in zip(card["metrics"]["at_share"], recomputed["at_share"], strict=True):
        assert stored == pytest.approx(fresh)
    assert card["gains"]["recall"] == pytest.approx(gains(label, prob)["recall"])
    assert card["data"]["seed"] == C.TRAINING_SEED


def test_checking_a_quarter_of_the_test_returns_finds_at_least_70_percent_of_the_errors(card):
    at_25 = next(r for r in card["metrics"]["at_share"] if r["share"] == 0.25)
    assert at_25["recall"] >= 0.70
    assert card["gains"]["recall"][24] == at_25["recall"]


def test_drift_bins_keep_a_large_point_mass_whole_and_split_the_rest():
    values = np.concatenate([np.zeros(800), np.arange(1, 201)])
    ref = drift_reference(values)
    assert ref["cuts"][0] == 0 and ref["shares"][0] == 0.8
    assert len(ref["cuts"]) == 9
    assert all(s == pytest.approx(0.02, abs=0.003) for s in ref["shares"][1:])


def test_drift_bins_ignore_missing_values_and_handle_one_value_and_none():
    assert drift_reference(np.array([np.nan, 3.0, 3.0])) == {"cuts": [], "shares": [1.0]}
    assert drift_reference(np.array([7.0])) == {"cuts": [], "shares": [1.0]}
    assert drift_reference(np.array([])) == {"cuts": [], "shares": [1.0]}
    assert drift_reference(np.array([0.0, 1.0])) == {"cuts": [0.0], "shares": [0.5, 0.5]}
