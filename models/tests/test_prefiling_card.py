"""The pre-filing model's card: valid, with the deduction words, a guidance notice, and honest test figures."""

import jsonschema
import pytest

import pipeline_config as C
from card import VOCABULARY, validate_card
from export import predict_onnx
from feature_catalogue import LABEL_COLUMN
from prefiling import PREFILING
from ranking_metrics import evaluate
from train import feature_matrix


def test_the_card_validates_against_the_schema(prefiling_card):
    validate_card(prefiling_card)


def test_the_schema_rejects_the_card_without_its_notice(prefiling_card):
    broken = {**prefiling_card, "model": {k: v for k, v in prefiling_card["model"].items() if k != "notice"}}
    with pytest.raises(jsonschema.ValidationError):
        validate_card(broken)


def test_the_card_names_the_model_and_uses_the_deduction_models_vocabulary(prefiling_card, card):
    assert prefiling_card["model"]["id"] == "deduction-risk-prefiling" == C.PREFILING_MODEL_ID
    assert prefiling_card["vocabulary"] == VOCABULARY == card["vocabulary"]
    assert prefiling_card["label"] == card["label"] and prefiling_card["id_column"] == card["id_column"]


def test_the_notice_says_guidance_before_filing_not_control_selection_in_every_language(prefiling_card):
    notice = prefiling_card["model"]["notice"]
    assert "Til veiledning før innlevering, ikke til kontrollutvalg" in notice["nb"]
    assert "Til rettleiing før innlevering, ikkje til kontrollutval" in notice["nn"]
    assert "For guidance before filing, not for selecting returns for control" in notice["en"]
    assert "trained on synthetic data" in notice["en"]
    assert prefiling_card["model"]["synthetic"] is True


def test_the_features_carry_training_summaries_on_the_same_split_as_the_deduction_model(prefiling_card, card):
    bundled = {f["name"]: f for f in card["features"]}
    assert [f["index"] for f in prefiling_card["features"]] == list(range(len(PREFILING.names)))
    for f in prefiling_card["features"]:
        assert f["training"] == bundled[f["name"]]["training"], f["name"]
    assert prefiling_card["data"] == card["data"]


def test_the_card_metrics_are_what_the_file_scores_on_the_regenerated_test_split(prefiling_card, prefiling_session, test_split):
    prob = predict_onnx(prefiling_session, feature_matrix(test_split, PREFILING.names))
    fresh = evaluate(test_split[LABEL_COLUMN].to_numpy(), prob)
    for key in ("n", "positives", "roc_auc", "pr_auc", "brier"):
        assert prefiling_card["metrics"][key] == pytest.approx(fresh[key], abs=1e-9), key


def test_the_test_auc_is_below_the_deduction_models_and_above_chance(prefiling_card, card):
    # Committed figures: deduction-risk 0.889, deduction-risk-prefiling 0.739. Without the
    # claim the pre-filing model must rank worse than the model that sees it, yet better than chance.
    pre, post = prefiling_card["metrics"]["roc_auc"], card["metrics"]["roc_auc"]
    assert 0.5 < pre < post
    assert pre < post - 0.05, "a pre-filing model this close to the full one suggests a leak from the filed return"


def test_the_report_shows_the_committed_figures(prefiling_card, card):
    report = C.PREFILING_REPORT_PATH.read_text(encoding="utf-8")
    assert f"| ROC AUC | {card['metrics']['roc_auc']:.3f} | {prefiling_card['metrics']['roc_auc']:.3f} |" in report
    recall = [r["recall"] for m in (card, prefiling_card) for r in m["metrics"]["at_share"] if r["share"] == 0.25]
    assert f"{100 * recall[0]:.1f} %" in report and f"{100 * recall[1]:.1f} %" in report
