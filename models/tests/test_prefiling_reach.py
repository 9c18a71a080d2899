"""top_share_reach: what one ranking's top share holds that another's does not."""

import numpy as np

from ranking_metrics import top_share_reach


def test_reach_counts_positives_only_the_first_list_holds_and_the_overlap():
    label = np.array([1, 1, 1, 0, 0, 0, 0, 0])
    a = np.array([0.9, 0.8, 0.0, 0.7, 0.1, 0.1, 0.1, 0.1])  # top 2 of 8 at 25 %: rows 0, 1
    b = np.array([0.9, 0.0, 0.8, 0.1, 0.1, 0.1, 0.1, 0.1])  # rows 0, 2
    r = top_share_reach(label, a, b, 0.25)
    assert r["n_selected"] == 2 and r["overlap"] == 1 and r["overlap_share"] == 0.5
    assert (r["positives_a"], r["positives_b"], r["positives_both"]) == (2, 2, 1)
    assert (r["positives_only_a"], r["positives_only_b"]) == (1, 1)


def test_identical_rankings_overlap_fully_and_reach_nothing_new():
    label = np.array([0, 1, 0, 1])
    p = np.array([0.2, 0.9, 0.1, 0.4])
    r = top_share_reach(label, p, p, 0.5)
    assert r["overlap"] == 2 and r["positives_only_a"] == 0 and r["positives_only_b"] == 0
