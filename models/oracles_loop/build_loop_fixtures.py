"""Oracle fixtures for the outcomes loop's estimates (src/lib/core/loop/estimate-loop.ts).

Written here again from the papers, in numpy and scipy, not translated from the TypeScript:
Wilson's score interval with the finite-population correction (Wilson 1927; effective n from
Cochran 1977 eq. 3.7) — checked against scipy.stats.binomtest(...).proportion_ci('wilson') for
an infinite population in test_loop_fixtures.py —, MOVER sums, ratios and products (Zou &
Donner 2008), the log-normal mean's MOVER interval (Zou, Huo & Taleban 2009) with scipy's t and
χ² quantiles, and the point estimates of issue 18.

Run: python models/oracles_loop/build_loop_fixtures.py [output folder]
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
from scipy.stats import chi2, norm, t

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "test" / "fixtures" / "loop"
Z = float(norm.ppf(0.975))


def wilson(e: int, c: int, M: float):
    if c == 0:
        return None
    p = e / c
    if c >= M:
        return [p, p]
    n = c if math.isinf(M) else c * (M - 1) / (M - c)
    centre = (p + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z / (1 + Z**2 / n) * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n * n))
    return [0.0 if e == 0 else max(0.0, centre - half), 1.0 if e == c else min(1.0, centre + half)]


def log_interval(v, ci):
    return math.log(v), math.log(ci[0]) if ci[0] > 0 else -math.inf, math.log(ci[1])


def ratio(a, ia, b, ib):
    """a/b on the log scale: log a − log b, each side the root of the two squared distances."""
    if b <= 0 or ib[0] <= 0:
        return None
    if a == 0:
        return [0.0, ia[1] / ib[0]]
    la, lb = math.log(a), math.log(b)
    high = math.exp(la - lb + math.sqrt((math.log(ia[1]) - la) ** 2 + (lb - math.log(ib[0])) ** 2))
    if ia[0] <= 0:
        return [0.0, high]
    low = math.exp(la - lb - math.sqrt((la - math.log(ia[0])) ** 2 + (math.log(ib[1]) - lb) ** 2))
    return [low, high]


def product(a, ia, b, ib):
    if a <= 0 or b <= 0:
        return [0.0, ia[1] * ib[1]]
    la, lb = math.log(a), math.log(b)
    high = math.exp(la + lb + math.sqrt((math.log(ia[1]) - la) ** 2 + (math.log(ib[1]) - lb) ** 2))
    if ia[0] <= 0 or ib[0] <= 0:
        return [0.0, high]
    return [math.exp(la + lb - math.sqrt((la - math.log(ia[0])) ** 2 + (lb - math.log(ib[0])) ** 2)), high]


def amount_total(amounts: list[float] | None, checked: int, errors: int, M: int, log_normal: bool):
    """amounts: the errors' amounts (rows without error count 0)."""
    if amounts is None:
        return None
    y = np.array(amounts, dtype=float)
    value = M * y.sum() / checked
    if checked >= M:
        return {"value": value, "ci95": [value, value]}
    e = errors
    if e < 2 or y.sum() <= 0:
        return {"value": value, "ci95": None}
    p = e / checked
    pci = wilson(e, checked, M)
    fpc = 1 - checked / M
    tq = float(t.ppf(0.975, e - 1))
    if log_normal:
        lg = np.log(y)
        eta, s2 = lg.mean(), lg.var(ddof=1)
        eta_half = tq * math.sqrt(s2 * fpc / e)
        half_low = (e - 1) * s2 / (2 * chi2.ppf(0.975, e - 1))
        half_high = (e - 1) * s2 / (2 * chi2.ppf(0.025, e - 1))
        centre = eta + s2 / 2
        mu = math.exp(centre)
        muci = [math.exp(centre - math.hypot(eta_half, s2 / 2 - half_low)), math.exp(centre + math.hypot(eta_half, half_high - s2 / 2))]
    else:
        mu = y.mean()
        se_log = math.sqrt(y.var(ddof=1) * fpc / e) / mu
        muci = [mu * math.exp(-tq * se_log), mu * math.exp(tq * se_log)]
    ci = product(p, pci, mu, muci)
    return {"value": value, "ci95": [M * ci[0], M * ci[1]]}


def estimate(case):
    N = case["rows"]
    m, r = case["model"], case["random"]
    M1, M0 = m["selected"], N - m["selected"]
    out = {}
    h1 = {"value": m["errors"] / m["checked"] if m["checked"] else None, "ci95": wilson(m["errors"], m["checked"], M1)}
    h0 = {"value": r["errors"] / r["checked"] if r["checked"] else None, "ci95": wilson(r["errors"], r["checked"], M0)}
    out["hit_model"], out["hit_random"] = h1, h0
    none = {"value": None, "ci95": None}
    if h1["value"] is None or h0["value"] is None:
        out.update(errors_outside=none, total_errors=none, recall=none, lift=none)
        if h0["value"] is not None:
            out["errors_outside"] = {"value": M0 * h0["value"], "ci95": [M0 * h0["ci95"][0], M0 * h0["ci95"][1]]}
    else:
        A, iA = M1 * h1["value"], [M1 * h1["ci95"][0], M1 * h1["ci95"][1]]
        B, iB = M0 * h0["value"], [M0 * h0["ci95"][0], M0 * h0["ci95"][1]]
        out["errors_outside"] = {"value": B, "ci95": iB}
        out["total_errors"] = {
            "value": A + B,
            "ci95": [A + B - math.hypot(A - iA[0], B - iB[0]), A + B + math.hypot(iA[1] - A, iB[1] - B)],
        }
        if A + B > 0:
            rr = ratio(B, iB, A, iA)
            if rr is not None:
                rci = [1 / (1 + rr[1]), 1 / (1 + rr[0])]
            else:
                rci = [iA[0] / (iA[0] + iB[1]) if iA[0] + iB[1] > 0 else 0.0, iA[1] / (iA[1] + iB[0]) if iA[1] + iB[0] > 0 else 1.0]
            out["recall"] = {"value": A / (A + B), "ci95": rci}
        else:
            out["recall"] = none
        if h0["value"] > 0:
            out["lift"] = {"value": h1["value"] / h0["value"], "ci95": ratio(h1["value"], h1["ci95"], h0["value"], h0["ci95"])}
        else:
            out["lift"] = none
    ln = case.get("log_normal", False)
    a1 = amount_total(m.get("amounts"), m["checked"], m["errors"], M1, ln)
    a0 = amount_total(r.get("amounts"), r["checked"], r["errors"], M0, ln)
    out["amount_outside"] = a0
    if a1 and a0:
        tot = {"value": a1["value"] + a0["value"], "ci95": None}
        if a1["ci95"] and a0["ci95"]:
            A, iA, B, iB = a1["value"], a1["ci95"], a0["value"], a0["ci95"]
            tot["ci95"] = [A + B - math.hypot(A - iA[0], B - iB[0]), A + B + math.hypot(iA[1] - A, iB[1] - B)]
        out["amount_total"] = tot
    else:
        out["amount_total"] = None
    return out


CASES = [
    # A list of 1,000 from 20,000 scored rows, 200 of them random; 90 % checked in each arm.
    {"name": "typical", "rows": 20000, "model": {"selected": 800, "checked": 720, "errors": 130}, "random": {"selected": 200, "checked": 180, "errors": 7}},
    # Every model row checked: its total is known, recall's interval is the image of the random arm's.
    {"name": "model arm complete", "rows": 10000, "model": {"selected": 500, "checked": 500, "errors": 95}, "random": {"selected": 150, "checked": 140, "errors": 4}},
    # No error in the random group: lift has no value, recall's upper bound is 1.
    {"name": "no random errors", "rows": 5000, "model": {"selected": 300, "checked": 250, "errors": 40}, "random": {"selected": 100, "checked": 100, "errors": 0}},
    # No error in the model arm.
    {"name": "no model errors", "rows": 5000, "model": {"selected": 100, "checked": 80, "errors": 0}, "random": {"selected": 100, "checked": 90, "errors": 6}},
    # The random arm not yet checked.
    {"name": "random unchecked", "rows": 8000, "model": {"selected": 400, "checked": 300, "errors": 50}, "random": {"selected": 100, "checked": 0, "errors": 0}},
    # A small file where the random group is a large share of its pool (the FPC matters).
    {"name": "large sampling fraction", "rows": 400, "model": {"selected": 40, "checked": 30, "errors": 12}, "random": {"selected": 180, "checked": 150, "errors": 9}},
    # Amounts, the delta-method interval for the mean amount.
    {
        "name": "amounts",
        "rows": 20000,
        "model": {"selected": 800, "checked": 700, "errors": 5, "amounts": [12000, 4000, 30500.5, 9000, 1500]},
        "random": {"selected": 200, "checked": 180, "errors": 4, "amounts": [8000, 22000, 3000, 15000]},
    },
    # The same amounts with the log-normal interval.
    {
        "name": "amounts, log-normal",
        "log_normal": True,
        "rows": 20000,
        "model": {"selected": 800, "checked": 700, "errors": 5, "amounts": [12000, 4000, 30500.5, 9000, 1500]},
        "random": {"selected": 200, "checked": 180, "errors": 4, "amounts": [8000, 22000, 3000, 15000]},
    },
]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    cases = [{**c, "expected": estimate(c)} for c in CASES]
    quantiles = {
        "t975": {str(k): float(t.ppf(0.975, k)) for k in [1, 2, 3, 5, 9, 10, 11, 20, 40, 200]},
        "chi2": {str(k): [float(chi2.ppf(0.025, k)), float(chi2.ppf(0.975, k))] for k in [1, 2, 4, 29, 30, 31, 60, 500]},
    }
    (out / "estimates.json").write_text(json.dumps({"cases": cases, "quantiles": quantiles}, indent=1) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
