"""Oracle fixtures for the champion–challenger comparison (src/lib/core/compare).

Every expected value comes from an implementation independent of the TypeScript code:
scipy.stats.spearmanr for the rank correlation, plain Python sets for the overlap of the two
lists and the rows entering and leaving, and DeLong's paired test written here in numpy
straight from the paper's definitions (the O(m·n) kernel, not Sun & Xu's fast algorithm the
TypeScript uses). The errors found at capacity and their bootstrap follow the scheme documented
in src/lib/core/compare/poisson-bootstrap.ts with the same xoshiro128** stream, written again
here, so the TypeScript must give the same interval. test_compare_fixtures.py checks DeLong
against a bootstrap and scikit-learn, and the Poisson bootstrap against the classic one.

Run: python models/oracles_compare/build_compare_fixtures.py [output folder]

Scores are float32 values (written as the doubles they are), so a Float32Array holds them
exactly; NaN is written as null.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import numpy as np
from scipy.stats import norm, spearmanr

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "test" / "fixtures" / "compare"
RESAMPLES = 2000
EXP_MINUS_ONE = 0.36787944117144233

# The published xoshiro128** / SplitMix64 already written for the metrics oracles.
_spec = importlib.util.spec_from_file_location("metrics_fixtures", ROOT / "models" / "oracles_metrics" / "write_fixtures.py")
_mf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mf)
Xoshiro128StarStar = _mf.Xoshiro128StarStar
enc = _mf.enc  # NaN as null; no infinities occur here


# --- the statistics, from their definitions ----------------------------------------------


def delong_paired(a: np.ndarray, b: np.ndarray, y: np.ndarray) -> dict:
    """DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44(3):837–845, eqs. for θ, V10, V01, S10, S01.

    ψ(X, Y) = 1 if X > Y, ½ if X = Y, 0 otherwise; V10(X_i) = mean_j ψ(X_i, Y_j),
    V01(Y_j) = mean_i ψ(X_i, Y_j); S10, S01 the 2×2 sample covariances (divisor m−1, n−1);
    var(θB − θA) = c' (S10/m + S01/n) c with c = (−1, 1).
    """
    pos, neg = y == 1, y == 0
    m, n = int(pos.sum()), int(neg.sum())
    v10, v01, theta = [], [], []
    for s in (a, b):
        x, z = s[pos][:, None], s[neg][None, :]
        psi = (x > z).astype(np.float64) + 0.5 * (x == z)
        v10.append(psi.mean(axis=1))
        v01.append(psi.mean(axis=0))
        theta.append(psi.mean())
    c = np.array([-1.0, 1.0])
    if m > 1 and n > 1:
        s10, s01 = np.cov(np.vstack(v10), ddof=1), np.cov(np.vstack(v01), ddof=1)
        variance = float(c @ (s10 / m + s01 / n) @ c)
    else:
        variance = math.nan
    diff = theta[1] - theta[0]
    se = math.sqrt(variance) if variance == variance else math.nan
    z = norm.ppf(0.975)
    return {"positives": m, "negatives": n, "aucA": theta[0], "aucB": theta[1], "difference": diff,
            "variance": variance, "se": se, "ci95": [diff - z * se, diff + z * se]}


def poisson_weight(rng: Xoshiro128StarStar) -> int:
    """Poisson(1) by inversion from one uniform u = next32 / 2^32, as documented in poisson-bootstrap.ts."""
    u = rng.next_u32() / 4294967296.0
    k, p = 0, EXP_MINUS_ONE
    f = p
    while u >= f and k < 64:
        k += 1
        p = p / k
        f = f + p
    return k


def poisson_bootstrap(values: list[float], resamples: int, seed: int) -> np.ndarray:
    rng = Xoshiro128StarStar.from_seed(seed)
    sums = np.empty(resamples)
    for r in range(resamples):
        total = 0.0
        for v in values:
            total += poisson_weight(rng) * v
        sums[r] = total
    return np.sort(sums)


def top(score: np.ndarray, rows: np.ndarray, k: int) -> list[int]:
    """The first k of `rows` by descending score, ties in row order (a stable sort)."""
    return [int(r) for r in rows[np.argsort(-score[rows], kind="stable")][:k]]


def compare(a, b, y, capacity, seed, segment=None) -> dict:
    n = len(a)
    paired = np.flatnonzero(np.isfinite(a) & np.isfinite(b))
    k = min(len(paired), capacity)
    list_a, list_b = top(a, paired, k), top(b, paired, k)
    set_a, set_b = set(list_a), set(list_b)
    entering = [r for r in list_b if r not in set_a]
    leaving = [r for r in list_a if r not in set_b]
    out = {"paired": len(paired), "spearman": float(spearmanr(a[paired], b[paired]).statistic),
           "capacity": k, "overlap": len(set_a & set_b), "entering": entering, "leaving": leaving}
    if y is None:
        return out
    known = paired[np.isin(y[paired], (0.0, 1.0))]
    out["labelled"] = len(known)
    out["positives"] = int((y[known] == 1).sum())
    yk = y[known]
    out["auc"] = delong_paired(a[known], b[known], yk) if 0 < out["positives"] < len(known) else None
    out["found"] = found(y, list_a, list_b, entering, leaving, seed)
    if segment is not None:
        names = []
        for s in segment:
            name = "" if s is None else s
            if name not in names:
                names.append(name)
        seg = np.array(["" if s is None else s for s in segment], dtype=object)
        rows = []
        for name in names:
            inside = seg == name
            p = paired[inside[paired]]
            kn = known[inside[known]]
            la = [r for r in list_a if inside[r]]
            lb = [r for r in list_b if inside[r]]
            en = [r for r in entering if inside[r]]
            le = [r for r in leaving if inside[r]]
            rows.append({
                "segment": name, "rows": len(p),
                "spearman": float(spearmanr(a[p], b[p]).statistic) if len(p) > 1 else math.nan,
                "championListed": len(la), "challengerListed": len(lb), "overlap": len(set(la) & set(lb)),
                "entering": len(en), "leaving": len(le),
                "auc": delong_paired(a[kn], b[kn], y[kn]) if len(kn) else None,
                "found": found(y, la, lb, en, le, seed),
            })
        out["segments"] = rows
    return out


def found(y, list_a, list_b, entering, leaving, seed) -> dict:
    pos_a = sum(1 for r in list_a if y[r] == 1)
    pos_b = sum(1 for r in list_b if y[r] == 1)
    sign = {r: 1.0 for r in entering if y[r] == 1}
    sign.update({r: -1.0 for r in leaving if y[r] == 1})
    sums = poisson_bootstrap([sign[r] for r in sorted(sign)], RESAMPLES, seed)
    return {"champion": pos_a, "challenger": pos_b,
            "championLabelled": sum(1 for r in list_a if y[r] in (0, 1)),
            "challengerLabelled": sum(1 for r in list_b if y[r] in (0, 1)),
            "difference": {"value": pos_b - pos_a,
                           "ci95": [float(np.quantile(sums, 0.025)), float(np.quantile(sums, 0.975))]}}


# --- the cases ----------------------------------------------------------------------------


def scores(rng, n, signal, noise, decimals=None):
    """Two correlated risks of one latent signal, squashed to 0–1 and made float32."""
    a = 1 / (1 + np.exp(-(signal + noise * rng.standard_normal(n))))
    b = 1 / (1 + np.exp(-(signal + noise * rng.standard_normal(n))))
    if decimals is not None:
        a, b = np.round(a, decimals), np.round(b, decimals)
    return a.astype(np.float32).astype(np.float64), b.astype(np.float32).astype(np.float64)


def cases() -> dict:
    out = {}
    rng = np.random.default_rng(20240501)

    # Heavy ties: scores on a grid of 0.1, so both lists cut through tied groups.
    n = 300
    signal = rng.standard_normal(n)
    a, b = scores(rng, n, signal, 0.8, decimals=1)
    y = (rng.random(n) < 1 / (1 + np.exp(-(signal - 1)))).astype(np.float64)
    out["ties"] = dict(a=a, b=b, y=y, capacity=60, seed=7, segment=None)

    # Labels on 40 % of the rows, a few rows one model could not score.
    n = 800
    signal = rng.standard_normal(n)
    a, b = scores(rng, n, signal, 1.0)
    y = (rng.random(n) < 1 / (1 + np.exp(-(1.5 * signal - 1.5)))).astype(np.float64)
    y[rng.random(n) >= 0.4] = np.nan
    a[rng.choice(n, 6, replace=False)] = np.nan
    b[rng.choice(n, 4, replace=False)] = np.nan
    out["subset_labels"] = dict(a=a, b=b, y=y, capacity=100, seed=20240501, segment=None)

    # Five segments and a missing one, capacity spent across the file.
    n = 1500
    signal = rng.standard_normal(n)
    a, b = scores(rng, n, signal, 0.9, decimals=3)
    y = (rng.random(n) < 1 / (1 + np.exp(-(1.2 * signal - 1.2)))).astype(np.float64)
    y[rng.random(n) >= 0.7] = np.nan
    names = np.array(["0301", "4601", "5001", "1103", "3401"])
    segment = [None if u < 0.03 else str(names[int(u * 5) % 5]) for u in rng.random(n)]
    out["segments"] = dict(a=a, b=b, y=y, capacity=200, seed=99, segment=segment)

    # No labels at all: only the rankings.
    n = 400
    signal = rng.standard_normal(n)
    a, b = scores(rng, n, signal, 0.5)
    out["no_labels"] = dict(a=a, b=b, y=None, capacity=50, seed=0, segment=None)

    # A large file, the challenger a better model of the same outcome.
    n = 5000
    signal = rng.standard_normal(n)
    extra = rng.standard_normal(n)
    truth = 1.3 * signal + 0.8 * extra
    a = 1 / (1 + np.exp(-(1.3 * signal + 1.1 * rng.standard_normal(n) - 1.5)))
    b = 1 / (1 + np.exp(-(truth + 0.6 * rng.standard_normal(n) - 1.5)))
    a, b = a.astype(np.float32).astype(np.float64), b.astype(np.float32).astype(np.float64)
    y = (rng.random(n) < 1 / (1 + np.exp(-(truth - 2)))).astype(np.float64)
    y[rng.random(n) >= 0.6] = np.nan
    out["large"] = dict(a=a, b=b, y=y, capacity=500, seed=2024, segment=None)
    return out


def write(out: Path = DEFAULT_OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, c in cases().items():
        expected = compare(c["a"], c["b"], c["y"], c["capacity"], c["seed"], c["segment"])
        doc = {"case": name, "capacity": c["capacity"], "seed": c["seed"], "resamples": RESAMPLES,
               "champion": c["a"], "challenger": c["b"], "label": c["y"], "segment": c["segment"],
               "expected": expected}
        path = out / f"{name}.json"
        path.write_text(json.dumps(enc(doc), separators=(",", ":")) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT):
        print(p)
