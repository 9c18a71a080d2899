"""Oracle for the fairness view (issue 18, section 2): what scikit-learn and scipy say about the
shipped model's selection and its proxies on the demo sample.

The demo sample (public/demo/demo-sample.csv) is scored with onnxruntime in Python with the
shipped public/model/deduction-risk.onnx, as models/oracles_demo/write_demo_metrics.py does.
The selection is the planner's opening one: the top k = round-half-up(25 % of 2,000) = 500 rows
by probability, ties in input order, no random control group (control share 0), so every
selected row is the model's. For each sensitive column (sivilstand, kommunenr):

- per group (largest first, ties in order of first appearance): rows, selected, the share
  selected with scipy's Wilson interval (binomtest(...).proportion_ci(method='wilson')), the
  ratio to the largest group's share with a MOVER-R interval (Donner & Zou 2012, written out
  below from the paper's formula on scipy's Wilson limits), and from the labels the hit rate
  among the selected and the recall, with Wilson intervals;
- per feature and for the score: sklearn.metrics.roc_auc_score of the column for membership in
  each group of at least 30 rows (one against the rest), missing values replaced by a value
  below the column's minimum; and sklearn.metrics.normalized_mutual_info_score(groups, bins,
  average_method='geometric'), bins being deciles (continuous and integer features, the score;
  edges at the sorted non-missing values' positions (i·(m−1))//10, i = 1…9, repeats merged,
  bin = numpy.searchsorted(edges, value, side='left')) or one bin per distinct value (binary,
  ordinal, categorical), missing values a bin of their own.

The vitest (src/lib/core/fairness/fairness-oracle.test.ts) holds the TypeScript core to these
(1e-12 for shares, 1e-9 for AUC and NMI); the Playwright test (test/e2e/fairness.spec.ts) the
figures the page shows.

Run: python models/oracles_fairness/write_fairness_oracle.py [output.json]
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
from scipy.stats import binomtest
from sklearn.metrics import normalized_mutual_info_score, roc_auc_score

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "test" / "fixtures" / "fairness" / "demo-fairness.json"
SHARE = 0.25
COLUMNS = ("sivilstand", "kommunenr")
# A group needs this many members and non-members for its AUC (src/lib/core/fairness/proxy-column.ts MIN_PROXY_GROUP).
MIN_PROXY_GROUP = 30
# Wilson cases checked beside the demo figures: (successes, trials).
WILSON_CASES = [(0, 1), (1, 1), (0, 10), (10, 10), (1, 10), (5, 10), (3, 7), (12, 500), (250, 500), (1, 1_000_000), (999_999, 1_000_000)]

_spec = importlib.util.spec_from_file_location("write_demo_metrics", ROOT / "models" / "oracles_demo" / "write_demo_metrics.py")
_demo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_demo)
MODEL, DEMO = _demo.MODEL, _demo.DEMO
enc, count_for_share, stable_rank = _demo.enc, _demo.count_for_share, _demo.stable_rank


def wilson(count: int, trials: int) -> list[float]:
    if trials == 0:
        return [float("nan"), float("nan")]
    ci = binomtest(int(count), int(trials)).proportion_ci(confidence_level=0.95, method="wilson")
    return [float(ci.low), float(ci.high)]


def mover_r(x1: int, n1: int, x2: int, n2: int) -> list[float]:
    """Donner & Zou (2012) eq. 5: the ratio p1/p2 from the two Wilson intervals (l, u)."""
    p1, p2 = x1 / n1, x2 / n2
    (l1, u1), (l2, u2) = wilson(x1, n1), wilson(x2, n2)
    lower = (p1 * p2 - np.sqrt(max(0.0, (p1 * p2) ** 2 - l1 * u2 * (2 * p1 - l1) * (2 * p2 - u2)))) / (u2 * (2 * p2 - u2))
    upper = (p1 * p2 + np.sqrt(max(0.0, (p1 * p2) ** 2 - u1 * l2 * (2 * p1 - u1) * (2 * p2 - l2)))) / (l2 * (2 * p2 - l2))
    return [max(0.0, float(lower)), float(upper)]


def groups_largest_first(values: np.ndarray) -> list[str]:
    names, first, counts = np.unique(values, return_index=True, return_counts=True)
    return [str(names[i]) for i in sorted(range(len(names)), key=lambda i: (-counts[i], first[i]))]


def group_table(values: np.ndarray, selected: np.ndarray, y: np.ndarray) -> list[dict]:
    names = groups_largest_first(values)
    ref = values == names[0]
    out = []
    for name in names:
        inside = values == name
        rows, chosen = int(inside.sum()), int(selected[inside].sum())
        positives = int(y[inside].sum())
        hits = int((selected & (y == 1))[inside].sum())
        out.append({
            "group": name,
            "rows": rows,
            "selected": chosen,
            "selection_rate": chosen / rows,
            "selection_ci95": wilson(chosen, rows),
            "ratio": (chosen / rows) / (selected[ref].sum() / ref.sum()),
            "ratio_ci95": mover_r(chosen, rows, int(selected[ref].sum()), int(ref.sum())) if name != names[0] else [None, None],
            "positives": positives,
            "hit_rate": hits / chosen if chosen else float("nan"),
            "hit_rate_ci95": wilson(hits, chosen),
            "recall": hits / positives if positives else float("nan"),
            "recall_ci95": wilson(hits, positives),
        })
    return out


def deciles(column: np.ndarray) -> np.ndarray:
    present = np.sort(column[~np.isnan(column)])
    m = len(present)
    edges = np.unique([present[(i * (m - 1)) // 10] for i in range(1, 10)]) if m else np.array([])
    bins = np.searchsorted(edges, column, side="left") + 1
    return np.where(np.isnan(column), 0, bins)


def distinct_values(column: np.ndarray) -> np.ndarray:
    codes = np.unique(column[~np.isnan(column)], return_inverse=True)[1] + 1
    out = np.zeros(len(column), dtype=int)
    out[~np.isnan(column)] = codes
    return out


def proxies(columns: dict[str, tuple[np.ndarray, str]], values: np.ndarray) -> dict:
    names = groups_largest_first(values)
    out = {}
    for name, (column, binning) in columns.items():
        below = np.nanmin(column) - 1 if np.any(~np.isnan(column)) else 0.0
        filled = np.where(np.isnan(column), below, column)
        auc = {}
        for g in names:
            member = (values == g).astype(int)
            if member.sum() >= MIN_PROXY_GROUP and len(member) - member.sum() >= MIN_PROXY_GROUP:
                auc[g] = float(roc_auc_score(member, filled))
        bins = deciles(column) if binning == "deciles" else distinct_values(column)
        out[name] = {"auc": auc, "nmi": float(normalized_mutual_info_score(values, bins, average_method="geometric"))}
    return out


def build() -> dict:
    card = _demo.load_card(MODEL)
    frame, x = _demo.read_extract(DEMO, card)
    p32 = _demo.score(MODEL, card, x)
    p = p32.astype(np.float64)
    y = frame[card["label"]["name"]].astype(int).to_numpy()
    k = count_for_share(SHARE, len(p))
    selected = np.zeros(len(p), dtype=bool)
    selected[stable_rank(p)[:k]] = True
    features = sorted(card["features"], key=lambda f: f["index"])
    columns = {
        f["name"]: (x[:, f["index"]].astype(np.float64), "deciles" if f["kind"] in ("continuous", "integer") else "values") for f in features
    }
    columns["__score__"] = (p32.astype(np.float64), "deciles")
    return {
        "model_sha256": hashlib.sha256(MODEL.read_bytes()).hexdigest(),
        "demo_sha256": hashlib.sha256(DEMO.read_bytes()).hexdigest(),
        "share": SHARE,
        "k": k,
        "columns": {
            name: {"groups": group_table(frame[name].to_numpy(), selected, y), "proxies": proxies(columns, frame[name].to_numpy())}
            for name in COLUMNS
        },
        "wilson": [{"count": c, "trials": n, "ci95": wilson(c, n)} for c, n in WILSON_CASES],
    }


def write(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(enc(build()), allow_nan=False, indent=1) + "\n")
    return out


if __name__ == "__main__":
    path = write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
