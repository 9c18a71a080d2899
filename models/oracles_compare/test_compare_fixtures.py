"""The comparison oracles hold up on their own: DeLong against a bootstrap and scikit-learn,
the Poisson bootstrap against the classic one, and the committed fixtures are the script's."""

import importlib.util
import json
from pathlib import Path

import numpy as np
from scipy.stats import rankdata
from sklearn.metrics import roc_auc_score

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("build_compare_fixtures", HERE / "build_compare_fixtures.py")
bf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bf)


def load(name):
    doc = json.loads((bf.DEFAULT_OUT / f"{name}.json").read_text())
    col = lambda v: np.array([np.nan if x is None else x for x in v], dtype=np.float64)
    return doc, col(doc["champion"]), col(doc["challenger"]), None if doc["label"] is None else col(doc["label"])


def mann_whitney_auc(score, m, n):
    """AUC of rows whose first m are positives: the Mann–Whitney U over m·n, midranks for ties."""
    ranks = rankdata(score)
    return (ranks[:m].sum() - m * (m + 1) / 2) / (m * n)


def known_rows(a, b, y):
    return np.isfinite(a) & np.isfinite(b) & np.isin(y, (0.0, 1.0))


def test_committed_fixtures_are_what_the_script_writes(tmp_path):
    for path in bf.write(tmp_path):
        assert (bf.DEFAULT_OUT / path.name).read_bytes() == path.read_bytes(), f"{path.name} is stale: rerun the script"


def test_delong_aucs_equal_scikit_learn():
    for name in ("ties", "subset_labels", "segments", "large"):
        doc, a, b, y = load(name)
        k = known_rows(a, b, y)
        auc = doc["expected"]["auc"]
        assert abs(auc["aucA"] - roc_auc_score(y[k], a[k])) < 1e-12
        assert abs(auc["aucB"] - roc_auc_score(y[k], b[k])) < 1e-12


def test_delong_interval_agrees_with_a_paired_bootstrap_of_the_auc_difference():
    # Stratified by outcome, as DeLong's variance is conditional on the numbers of positives and
    # negatives. With 4,000 resamples the bootstrap SE carries ~1.1 % Monte Carlo error; DeLong's
    # is an asymptotic formula, so they agree to a few per cent, not exactly.
    rng = np.random.default_rng(1988)
    for name in ("large", "segments", "ties"):
        doc, a, b, y = load(name)
        k = known_rows(a, b, y)
        a, b, y = a[k], b[k], y[k]
        pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
        m, n = len(pos), len(neg)
        diffs = np.empty(4000)
        for i in range(len(diffs)):
            rows = np.concatenate([rng.choice(pos, m), rng.choice(neg, n)])
            diffs[i] = mann_whitney_auc(b[rows], m, n) - mann_whitney_auc(a[rows], m, n)
        auc = doc["expected"]["auc"]
        assert abs(diffs.std(ddof=1) / auc["se"] - 1) < 0.08, name
        lo, hi = np.quantile(diffs, [0.025, 0.975])
        assert abs(lo - auc["ci95"][0]) < 0.25 * auc["se"] and abs(hi - auc["ci95"][1]) < 0.25 * auc["se"], name


def test_poisson_bootstrap_of_finds_agrees_with_resampling_rows():
    # The classic bootstrap draws n rows with replacement; the Poisson one weights each row by
    # Poisson(1). Their intervals for the paired difference agree within Monte Carlo error.
    doc, a, b, y = load("large")
    e = doc["expected"]
    d = np.zeros(len(a))
    for r in e["entering"]:
        d[r] += y[r] == 1
    for r in e["leaving"]:
        d[r] -= y[r] == 1
    rng = np.random.default_rng(7)
    n = len(d)
    sums = np.array([d[rng.integers(0, n, n)].sum() for _ in range(4000)])
    lo, hi = np.quantile(sums, [0.025, 0.975])
    got = e["found"]["difference"]["ci95"]
    width = hi - lo
    assert abs(got[0] - lo) < 0.1 * width and abs(got[1] - hi) < 0.1 * width


def test_poisson_weights_have_mean_and_variance_one():
    rng = bf.Xoshiro128StarStar.from_seed(3)
    w = np.array([bf.poisson_weight(rng) for _ in range(200_000)])
    assert abs(w.mean() - 1) < 0.01 and abs(w.var() - 1) < 0.02
