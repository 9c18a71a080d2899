"""Ranking metrics, against hand-worked examples and a brute-force count."""

import numpy as np
import pytest

from ranking_metrics import at_share, count_for_share, evaluate, gains, rank_order


def test_a_share_rounds_half_up_like_the_app():
    assert count_for_share(0.25, 1001) == 250
    assert count_for_share(0.5, 3) == 2
    assert count_for_share(0.25, 10) == 3


def test_an_empty_zero_or_missing_share_selects_nothing_and_a_whole_share_selects_all():
    assert count_for_share(0.0, 10) == 0
    assert count_for_share(float("nan"), 10) == 0
    assert count_for_share(0.5, 0) == 0
    assert count_for_share(1.0, 7) == 7


def test_checking_the_top_fifth_of_ten_returns_finds_one_of_two_errors():
    label = np.array([1, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    prob = np.array([0.9, 0.8, 0.1, 0.3, 0.2, 0.05, 0.04, 0.03, 0.02, 0.01])
    row = at_share(label, prob, 0.2)
    assert row == {"share": 0.2, "n_selected": 2, "precision": 0.5, "recall": 0.5, "lift": pytest.approx(2.5)}


def test_tied_scores_keep_row_order():
    assert rank_order(np.array([0.5, 0.7, 0.5, 0.7])).tolist() == [1, 3, 0, 2]


def test_one_row_gives_full_recall_at_any_positive_share():
    assert at_share(np.array([1]), np.array([0.3]), 0.05)["n_selected"] == 0
    assert at_share(np.array([1]), np.array([0.3]), 1.0)["recall"] == 1.0


def test_no_positives_leaves_recall_and_lift_undefined():
    row = at_share(np.array([0, 0, 0]), np.array([0.1, 0.2, 0.3]), 0.5)
    assert np.isnan(row["recall"]) and np.isnan(row["lift"]) and row["precision"] == 0.0


def test_gains_match_a_brute_force_count_at_every_percent():
    rng = np.random.default_rng(4)
    prob = rng.random(1_234)
    label = (rng.random(1_234) < prob * 0.2).astype(int)
    table = gains(label, prob)
    assert len(table["shares"]) == 100 and table["shares"][0] == 0.01 and table["shares"][-1] == 1.0
    ranked = sorted(range(len(prob)), key=lambda i: -prob[i])
    for share, recall, precision in zip(table["shares"], table["recall"], table["precision"]):
        k = int(share * len(prob) + 0.5)
        found = sum(label[i] for i in ranked[:k])
        assert recall == pytest.approx(found / label.sum())
        assert precision == pytest.approx(found / k)
    assert table["recall"][-1] == 1.0 and table["precision"][-1] == pytest.approx(label.mean())


def test_roc_auc_equals_the_share_of_correctly_ordered_pairs():
    rng = np.random.default_rng(5)
    prob = rng.random(300)
    label = (rng.random(300) < prob).astype(int)
    pos, neg = prob[label == 1], prob[label == 0]
    pairs = (pos[:, None] > neg[None, :]).mean()  # no ties among continuous draws
    assert evaluate(label, prob)["roc_auc"] == pytest.approx(pairs)


def test_the_brier_score_is_the_mean_squared_error_of_the_probabilities():
    label = np.array([1, 0, 0, 1])
    prob = np.array([0.8, 0.1, 0.4, 0.5])
    assert evaluate(label, prob)["brier"] == pytest.approx((0.04 + 0.01 + 0.16 + 0.25) / 4)
