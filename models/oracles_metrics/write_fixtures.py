"""Oracle fixtures for the TypeScript metrics (src/lib/core/metrics, src/lib/core/select).

Every expected value here comes from scikit-learn 1.9 or from a few lines of numpy written
independently of the TypeScript code, never from the code under test. The TypeScript tests
read test/fixtures/metrics/*.json and must match to 1e-9.

Run: python models/oracles_metrics/write_fixtures.py [output folder]

JSON has no NaN or infinity: NaN is written as null and +inf as the string "Infinity".
Score and label columns of the large set are base64 (little-endian uint16 score numerators
over 65536, uint8 labels with 255 for unknown) to keep the fixture small; the scores are then
exact in both float32 and float64.
"""

from __future__ import annotations

import base64
import json
import math
import sys
import warnings
from pathlib import Path

import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    confusion_matrix,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "test" / "fixtures" / "metrics"
CAPACITY_SHARES = [0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0]


def enc(x):
    """Floats to JSON: NaN as null, +inf as "Infinity"; arrays recursively."""
    if isinstance(x, np.ndarray):
        return [enc(v) for v in x.tolist()]
    if isinstance(x, (list, tuple)):
        return [enc(v) for v in x]
    if isinstance(x, dict):
        return {k: enc(v) for k, v in x.items()}
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if math.isnan(x):
            return None
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x
    if isinstance(x, (np.integer,)):
        return int(x)
    return x


def count_for_share(share: float, n: int) -> int:
    """Round half up, clamped: the rule documented in src/lib/core/metrics/count-for-share.ts."""
    if not share > 0 or n <= 0:
        return 0
    if share >= 1:
        return n
    return min(n, math.floor(share * n + 0.5))


def stable_rank(score: np.ndarray) -> np.ndarray:
    """Indices by descending score, ties in input order (numpy's stable merge sort on -score)."""
    return np.argsort(-score, kind="stable")


def thin(curve: dict, every: int | None) -> dict:
    """Keeps every `every`-th point and the last one (with their positions), to keep a big fixture small."""
    if every is None:
        return curve
    n = len(next(iter(curve.values())))
    at = sorted(set(range(0, n, every)) | {n - 1})
    return {"length": n, "at": at, **{k: np.asarray(v)[at] for k, v in curve.items()}}


def oracle(prob: np.ndarray, label: np.ndarray, every: int | None = None) -> dict:
    """Expected metrics for one probability/label column pair; NaN marks not scored / unknown.
    With `every`, curves are thinned to every `every`-th point (see thin)."""
    scored = ~np.isnan(prob)
    known = (label == 0) | (label == 1)
    use = scored & known
    p = prob[use]
    y = label[use].astype(int)
    both = len(np.unique(y)) == 2
    out: dict = {"n_used": int(use.sum()), "positives": int(y.sum())}

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UndefinedMetricWarning)
        warnings.simplefilter("ignore", UserWarning)
        if len(p) > 0:
            for drop in (True, False):
                fpr, tpr, thr = roc_curve(y, p, drop_intermediate=drop)
                out[f"roc_drop_{str(drop).lower()}"] = thin({"fpr": fpr, "tpr": tpr, "thresholds": thr}, every)
            out["roc_auc"] = float(roc_auc_score(y, p)) if len(p) > 0 else float("nan")
            for drop in (False, True):
                prec, rec, thr = precision_recall_curve(y, p, drop_intermediate=drop)
                # The final point (precision 1, recall 0) that scikit-learn always appends is left
                # out so the three arrays align; the TypeScript test checks it on its own.
                out[f"pr_drop_{str(drop).lower()}"] = thin(
                    {"precision": prec[:-1], "recall": rec[:-1], "thresholds": thr}, every
                )
            # scikit-learn returns 0 (with a warning) when there is no positive; recorded as is,
            # the TypeScript side documents that it answers NaN instead.
            out["average_precision"] = float(average_precision_score(y, p))
            out["brier"] = float(brier_score_loss(y, p, pos_label=1))
            for strategy in ("uniform", "quantile"):
                prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy=strategy, pos_label=1)
                out[f"calibration_{strategy}"] = {"prob_true": prob_true, "prob_pred": prob_pred}
        out["roc_auc_defined"] = bool(both)

    # Capacity: the first k scored rows by descending probability (ties in input order),
    # judged by scikit-learn's confusion matrix on the labelled rows.
    rows_scored = np.flatnonzero(scored)
    order = rows_scored[stable_rank(prob[rows_scored])]
    n_scored = len(order)
    capacity = []
    for share in CAPACITY_SHARES:
        k = count_for_share(share, n_scored)
        selected = np.zeros(len(prob), dtype=bool)
        selected[order[:k]] = True
        lab = scored & known
        yt = label[lab].astype(int)
        yp = selected[lab].astype(int)
        # scikit-learn refuses an empty input; with no labelled row every cell is 0.
        tn, fp, fn, tp = confusion_matrix(yt, yp, labels=[0, 1]).ravel() if len(yt) else (0, 0, 0, 0)
        capacity.append(
            {"share": share, "k": k, "tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn),
             "selected_unlabelled": int(k - tp - fp)}
        )
    out["capacity"] = capacity

    # Cumulative gains on labelled scored rows: found[k] at a few k (numpy cumsum).
    lab_rows = np.flatnonzero(use)
    lab_order = lab_rows[stable_rank(prob[lab_rows])]
    found = np.concatenate([[0], np.cumsum(label[lab_order] == 1)])
    ks = sorted({count_for_share(s, len(lab_order)) for s in CAPACITY_SHARES})
    out["gains"] = {"k": ks, "found": [int(found[k]) for k in ks]}

    # Planner prefix sums on all scored rows: expected[k] = sum of the first k probabilities.
    expected = np.concatenate([[0.0], np.cumsum(prob[order].astype(np.float64))])
    ks_all = sorted({count_for_share(s, n_scored) for s in CAPACITY_SHARES})
    out["planner"] = {"k": ks_all, "expected": [float(expected[k]) for k in ks_all], "scored": n_scored}
    out["rank_order"] = order.tolist() if len(prob) <= 400 else None

    # Label coverage by score decile of the scored rows, split by position.
    deciles = []
    for d in range(10):
        a, b = (d * n_scored) // 10, ((d + 1) * n_scored) // 10
        rows = order[a:b]
        lab_here = (label[rows] == 0) | (label[rows] == 1)
        deciles.append(
            {"rows": int(b - a), "labelled": int(lab_here.sum()), "positives": int((label[rows] == 1).sum()),
             "mean_probability": float(prob[rows].mean()) if b > a else float("nan")}
        )
    out["deciles"] = deciles
    return out


def small_cases(rng: np.random.Generator) -> dict:
    nan = float("nan")
    cases = {}
    cases["sklearn_doc_example"] = ([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    cases["ties"] = ([0.9, 0.9, 0.5, 0.5, 0.5, 0.2, 0.2, 0.9, 0.1, 0.5], [1, 0, 1, 0, 0, 1, 0, 1, 0, 0])
    cases["all_negative"] = ([0.3, 0.1, 0.7, 0.2, 0.2], [0, 0, 0, 0, 0])
    cases["all_positive"] = ([0.3, 0.1, 0.7, 0.2, 0.2], [1, 1, 1, 1, 1])
    cases["one_row"] = ([0.42], [1])
    cases["all_tied"] = ([0.25] * 8, [1, 0, 0, 1, 0, 0, 0, 0])
    cases["nan_rows_excluded"] = (
        [0.8, nan, 0.6, 0.6, nan, 0.3, 0.95, 0.1, 0.6, 0.05, 0.7, nan],
        [1, 1, nan, 0, 0, 1, 1, 0, 1, nan, 0, nan],
    )
    # Probabilities on calibration edges (0.1, 0.2, ...) and repeated values for quantile edges.
    edge_p = np.array([0.0, 0.1, 0.2, 0.2, 0.3, 0.30000000000000004, 0.5, 0.7, 0.7, 0.7, 0.9, 1.0, 0.6, 0.4, 0.05])
    cases["on_bin_edges"] = (edge_p.tolist(), [0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0])
    # Float32 scores with heavy ties (a tree model has few distinct outputs).
    p32 = rng.choice(np.float32([0.013, 0.021, 0.047, 0.11, 0.32, 0.58]), size=300)
    y32 = (rng.random(300) < p32.astype(np.float64)).astype(float)
    y32[rng.random(300) < 0.1] = nan
    cases["float32_ties"] = (p32.astype(np.float64).tolist(), y32.tolist())
    # Continuous scores, 4 % base rate.
    z = rng.normal(size=400)
    risk = 1 / (1 + np.exp(-(-3.4 + 1.3 * z)))
    y = (rng.random(400) < risk).astype(float)
    score = 1 / (1 + np.exp(-(-3.4 + 1.3 * z + rng.normal(scale=0.8, size=400))))
    cases["continuous_4pct"] = (score.tolist(), y.tolist())
    cases["empty"] = ([], [])

    out = {}
    for name, (prob, label) in cases.items():
        prob = np.asarray(prob, dtype=np.float64)
        label = np.asarray(label, dtype=np.float64)
        out[name] = {"prob": prob, "label": label, "expected": oracle(prob, label)}
    return out


def large_case(rng: np.random.Generator) -> dict:
    n = 100_000
    z = rng.normal(size=n)
    risk = 1 / (1 + np.exp(-(np.log(0.03 / 0.97) - 0.55 + 1.2 * z)))
    label = (rng.random(n) < risk).astype(np.float64)
    noisy = 1 / (1 + np.exp(-(np.log(0.03 / 0.97) - 0.55 + 1.2 * z + rng.normal(scale=0.7, size=n))))
    numer = np.clip(np.round(noisy * 65536), 0, 65535).astype("<u2")
    prob = numer.astype(np.float64) / 65536
    unknown = rng.random(n) < 0.02
    label[unknown] = np.nan
    not_scored = rng.random(n) < 0.005
    prob[not_scored] = np.nan
    numer_out = numer.copy()
    numer_out[not_scored] = 65535  # marker: the TS side maps the flagged rows to NaN via `not_scored`
    label_u8 = np.where(np.isnan(label), 255, label).astype("u1")
    return {
        "n": n,
        "score_numerators_u16_b64": base64.b64encode(numer_out.tobytes()).decode(),
        "score_denominator": 65536,
        "not_scored_rows": np.flatnonzero(not_scored).tolist(),
        "labels_u8_b64": base64.b64encode(label_u8.tobytes()).decode(),
        "base_rate": float(np.nanmean(label[~np.isnan(prob)])),
        "expected": oracle(prob, label, every=97),
    }


def segment_case(rng: np.random.Generator) -> dict:
    n = 3000
    names = np.array(["0301", "4601", "5001", "1103", ""])
    seg = rng.choice(names, size=n, p=[0.35, 0.25, 0.2, 0.15, 0.05])
    z = rng.normal(size=n)
    prob = np.round(1 / (1 + np.exp(-(-3.0 + 1.4 * z))), 3)
    label = (rng.random(n) < prob).astype(np.float64)
    label[rng.random(n) < 0.1] = np.nan
    prob[rng.random(n) < 0.01] = np.nan
    # One segment where every known outcome is 0, so its AUC is undefined.
    label[(seg == "1103") & ~np.isnan(label)] = 0.0
    k = 300
    rows_scored = np.flatnonzero(~np.isnan(prob))
    order = rows_scored[stable_rank(prob[rows_scored])]
    selected = np.zeros(n, dtype=bool)
    selected[order[:k]] = True
    expected = []
    first_seen = list(dict.fromkeys(seg.tolist()))
    for s in first_seen:
        in_seg = seg == s
        scored = in_seg & ~np.isnan(prob)
        lab = scored & ~np.isnan(label)
        y = label[lab].astype(int)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UndefinedMetricWarning)
            auc = float(roc_auc_score(y, prob[lab])) if len(np.unique(y)) == 2 else float("nan")
        pos = lab & (label == 1)
        expected.append(
            {"segment": s, "rows": int(in_seg.sum()), "scored": int(scored.sum()), "labelled": int(lab.sum()),
             "positives": int(pos.sum()), "auc": auc, "selected": int((selected & in_seg).sum()),
             "selected_positives": int((selected & pos).sum())}
        )
    return {"prob": prob, "label": label, "segment": seg.tolist(), "k": k, "expected": expected}


def psi_case(rng: np.random.Generator) -> dict:
    cuts = [1000.0, 5000.0, 10000.0, 20000.0, 40000.0]
    shares = [0.3, 0.25, 0.2, 0.15, 0.1, 0.0]
    training = {"min": 0.0, "max": 80000.0}
    column = np.concatenate([
        rng.uniform(0, 30000, size=900),
        [1000.0, 5000.0, 40000.0, 40000.5, -5.0, 95000.0],  # on cut points, outside the training range
        np.full(94, np.nan),
    ])
    rng.shuffle(column)
    eps = 1e-4
    values = column[~np.isnan(column)]
    counts = np.bincount(np.searchsorted(np.array(cuts), values, side="left"), minlength=len(shares))
    actual = counts / len(values)
    a = np.where(actual == 0, eps, actual)
    e = np.where(np.array(shares) == 0, eps, np.array(shares))
    both_empty = (actual == 0) & (np.array(shares) == 0)
    psi = float(np.sum(np.where(both_empty, 0.0, (a - e) * np.log(a / e))))
    return {
        "column": column,
        "reference": {"cuts": cuts, "shares": shares, **training},
        "expected": {
            "psi": psi,
            "actual": actual,
            "missing_share": float(np.isnan(column).mean()),
            "outside_share": float(((values < training["min"]) | (values > training["max"])).mean()),
            "non_missing": int(len(values)),
        },
    }


# --- Control sample: an independent Python rendering of the documented selection rules -------
# (src/lib/core/select/control-sample.ts and SELECTION_RULES in src/lib/core/export/manifest.ts),
# so the same list is shown to come out of two languages.
M32 = (1 << 32) - 1
M64 = (1 << 64) - 1


def splitmix64(seed: int):
    """Vigna's splitmix64.c: add the golden gamma, then mix."""
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        yield z ^ (z >> 31)


def rotl32(x: int, k: int) -> int:
    return ((x << k) | (x >> (32 - k))) & M32


class Xoshiro128StarStar:
    """Vigna's xoshiro128starstar.c (1.1), state from two SplitMix64 outputs, low word first."""

    def __init__(self, state: list[int]):
        self.s = [w & M32 for w in state]

    @classmethod
    def from_seed(cls, seed: int) -> "Xoshiro128StarStar":
        g = splitmix64(seed)
        a, b = next(g), next(g)
        return cls([a & M32, a >> 32, b & M32, b >> 32])

    def next_u32(self) -> int:
        s = self.s
        result = (rotl32((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl32(s[3], 11)
        return result

    def below(self, n: int) -> int:
        threshold = (1 << 32) % n
        while True:
            x = self.next_u32()
            if x >= threshold:
                return x % n


def select_with_control(prob: np.ndarray, capacity: int, control_share: float, seed: int, shuffled: bool) -> dict:
    rows_scored = np.flatnonzero(~np.isnan(prob))
    order = rows_scored[stable_rank(prob[rows_scored])].tolist()
    scored = len(order)
    capacity = min(capacity, scored)
    wanted = math.floor(capacity * control_share + 0.5)
    model = capacity - wanted
    pool = scored - model
    c = min(wanted, pool)
    rng = Xoshiro128StarStar.from_seed(seed)
    virtual = list(range(pool))  # a plain Fisher-Yates over the whole pool
    for i in range(c):
        j = i + rng.below(pool - i)
        virtual[i], virtual[j] = virtual[j], virtual[i]
    control = sorted(order[model + v] for v in virtual[:c])
    rows = order[:model] + control
    kind = [1] * model + [2] * c
    if shuffled:
        for i in range(len(rows) - 1, 0, -1):
            j = rng.below(i + 1)
            rows[i], rows[j] = rows[j], rows[i]
            kind[i], kind[j] = kind[j], kind[i]
    return {"rows": rows, "kind": kind, "model_count": model, "control_count": c}


def control_case(rng: np.random.Generator) -> dict:
    n = 2000
    prob = np.round(rng.beta(0.6, 12, size=n), 4)
    prob[rng.random(n) < 0.02] = np.nan
    settings = [
        (200, 0.1, 42, False),
        (200, 0.1, 42, True),
        (200, 0.1, 43, False),
        (500, 0.25, 18446744073709551615, False),
        (1990, 0.5, 7, False),  # a capacity above the scored rows: clamped, control share kept
        (0, 0.1, 1, False),
        (100, 1.0, 2018, True),
        (100, 0.0, 2018, False),
    ]
    expected = []
    for capacity, share, seed, shuffled in settings:
        result = select_with_control(prob, capacity, share, seed, shuffled)
        expected.append({"capacity": capacity, "control_share": share, "seed": str(seed),
                         "list_order": "shuffled" if shuffled else "grouped", **result})
    g = splitmix64(1477776061723855037)
    first_outputs = [str(next(g)) for _ in range(3)]
    return {"prob": prob, "cases": expected, "splitmix64_first_outputs_of_1477776061723855037": first_outputs}


def write(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20250314)
    files = {
        "binary_cases.json": small_cases(rng),
        "large_3pct.json": large_case(rng),
        "segments.json": segment_case(rng),
        "psi.json": psi_case(rng),
        "control_sample.json": control_case(rng),
    }
    written = []
    for name, content in files.items():
        path = out_dir / name
        path.write_text(json.dumps(enc(content), allow_nan=False, separators=(",", ":")) + "\n")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT):
        print(f"wrote {p.relative_to(ROOT) if p.is_relative_to(ROOT) else p} ({p.stat().st_size:,} bytes)")
