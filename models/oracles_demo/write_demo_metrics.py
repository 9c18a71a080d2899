"""Oracle for the analyst view (issue 6): what scikit-learn says about the shipped model on the
demo sample, and what numpy says about drift in the demo sample and the commute-doubled file.

The browser scores public/demo/demo-sample.csv with onnxruntime-web; here the same file is
scored by onnxruntime in Python with the same public/model/deduction-risk.onnx, and every
figure the evaluation view shows is computed by scikit-learn (roc_auc_score,
average_precision_score, brier_score_loss, calibration_curve, confusion_matrix,
precision_score, recall_score) or by a few lines of numpy written from the definitions, never
by the TypeScript under test. The vitest (src/lib/ui/evaluation/*.test.ts) matches these to
1e-9 from the probabilities recorded here; the Playwright test (test/e2e/evaluation.spec.ts)
matches the numbers the page shows.

Run: python models/oracles_demo/write_demo_metrics.py [output.json]

JSON has no NaN: NaN is written as null (see enc in models/oracles_metrics/write_fixtures.py).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import warnings
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pandas as pd
from scipy.stats import chi2
from sklearn.calibration import calibration_curve
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    confusion_matrix,
    precision_score,
    recall_score,
    roc_auc_score,
)

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "public" / "model" / "deduction-risk.onnx"
DEMO = ROOT / "public" / "demo" / "demo-sample.csv"
DRIFTED = ROOT / "test" / "fixtures" / "drift" / "commute-doubled.csv"
DEFAULT_OUT = ROOT / "test" / "fixtures" / "demo-metrics.json"
# The share the product opens with (the student-loan agency's "check 25 %", DOMAIN.md).
SHARE = 0.25
# Columns the segment table is checked on: a passthrough text column and a coded feature.
SEGMENT_COLUMNS = ("sivilstand", "hovedinntektskilde")
# PSI floor for an empty bin, as documented in src/lib/core/metrics/population-stability.ts.
PSI_EMPTY_SHARE = 1e-4
# A PSI above the 95th percentile of its no-change distribution counts as a shift.
NOISE_LEVEL = 0.95

_spec = importlib.util.spec_from_file_location(
    "metrics_oracles", ROOT / "models" / "oracles_metrics" / "write_fixtures.py"
)
_metrics = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_metrics)
enc, count_for_share, stable_rank = _metrics.enc, _metrics.count_for_share, _metrics.stable_rank


def load_card(model_path: Path) -> dict:
    model = onnx.load(str(model_path))
    meta = {p.key: p.value for p in model.metadata_props}
    return json.loads(meta["model_card"])


def read_extract(path: Path, card: dict) -> tuple[pd.DataFrame, np.ndarray]:
    """All columns as text (leading zeros kept), and the model input: float32 [N, F] in card
    order with NaN for an empty cell, the same values the app's intake produces."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    names = [f["name"] for f in sorted(card["features"], key=lambda f: f["index"])]
    x = np.column_stack([pd.to_numeric(frame[name].replace("", np.nan)).to_numpy(np.float64) for name in names])
    return frame, x.astype(np.float32)


def score(model_path: Path, card: dict, x: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    (probabilities,) = session.run([card["io"]["probabilities"]], {card["io"]["input"]: x})
    return probabilities[:, card["io"]["positive_class"]]


def calibration_bins(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> dict:
    """scikit-learn's reliability curve (empty bins dropped, as it returns them) and the bin
    of every row by its own rule (searchsorted on the inner edges), for the counts."""
    prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy="uniform")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    count = np.bincount(np.searchsorted(edges[1:-1], p), minlength=n_bins)
    return {"edges": edges, "count": count, "prob_true": prob_true, "prob_pred": prob_pred}


def at_capacity(y: np.ndarray, selected: np.ndarray) -> dict:
    tn, fp, fn, tp = confusion_matrix(y, selected, labels=[0, 1]).ravel()
    precision = float(precision_score(y, selected))
    return {
        "k": int(selected.sum()),
        "tp": int(tp),
        "fp": int(fp),
        "fn": int(fn),
        "tn": int(tn),
        "precision": precision,
        "recall": float(recall_score(y, selected)),
        "lift": precision / float(y.mean()),
    }


def segments(values: np.ndarray, y: np.ndarray, p: np.ndarray, selected: np.ndarray) -> list[dict]:
    """Per segment, in order of first appearance: the file-wide selection judged inside it."""
    out = []
    _, first = np.unique(values, return_index=True)
    for name in values[np.sort(first)]:
        inside = values == name
        ys, ps = y[inside], p[inside]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UndefinedMetricWarning)
            auc = float(roc_auc_score(ys, ps)) if len(np.unique(ys)) == 2 else float("nan")
        positives = int(ys.sum())
        out.append({
            "segment": str(name),
            "rows": int(inside.sum()),
            "labelled": int(inside.sum()),
            "positives": positives,
            "base_rate": positives / int(inside.sum()),
            "auc": auc,
            "selected": int(selected[inside].sum()),
            "recall_at_capacity": float((selected[inside] & (ys == 1)).sum() / positives) if positives else float("nan"),
        })
    return out


def drift(x: np.ndarray, card: dict) -> list[dict]:
    """Population stability index of each feature against its card reference, from the
    definition: bin i is (cuts[i-1], cuts[i]] (numpy searchsorted 'left'), an empty side
    floored at PSI_EMPTY_SHARE, bins empty on both sides skipped; and the PSI that sampling
    noise alone would exceed 5 % of the time."""
    out = []
    for f in sorted(card["features"], key=lambda f: f["index"]):
        column = x[:, f["index"]].astype(np.float64)
        values = column[~np.isnan(column)]
        t = f["training"]
        cuts = np.asarray(t["drift_reference"]["cuts"], dtype=np.float64)
        expected = np.asarray(t["drift_reference"]["shares"], dtype=np.float64)
        actual = np.bincount(np.searchsorted(cuts, values, side="left"), minlength=len(expected)) / len(values)
        both_empty = (actual == 0) & (expected == 0)
        a = np.where(actual == 0, PSI_EMPTY_SHARE, actual)
        e = np.where(expected == 0, PSI_EMPTY_SHARE, expected)
        # Yurdakul & Naranjo (2020): (1/n + 1/N)^-1 * PSI is asymptotically chi-square with
        # B - 1 degrees of freedom when nothing has changed, B the bins in use.
        bins = int((~both_empty).sum())
        n_training = t["n"] * (1 - t["missing_share"])
        out.append({
            "feature": f["name"],
            "psi": float(np.sum(np.where(both_empty, 0.0, (a - e) * np.log(a / e)))),
            "noise_threshold": float(chi2.ppf(NOISE_LEVEL, bins - 1) * (1 / len(values) + 1 / n_training)) if bins > 1 and len(values) else float("nan"),
            "outside_share": float(((values < t["min"]) | (values > t["max"])).mean()),
            "missing_share": float(np.isnan(column).mean()),
        })
    return out


def build() -> dict:
    card = load_card(MODEL)
    frame, x = read_extract(DEMO, card)
    p32 = score(MODEL, card, x)
    p = p32.astype(np.float64)
    y = frame[card["label"]["name"]].astype(int).to_numpy()
    order = stable_rank(p)
    k = count_for_share(SHARE, len(p))
    selected = np.zeros(len(p), dtype=int)
    selected[order[:k]] = 1

    _, x_drifted = read_extract(DRIFTED, card)
    segment_values = {
        "sivilstand": frame["sivilstand"].to_numpy(),
        "hovedinntektskilde": frame["hovedinntektskilde"].to_numpy(),
    }
    return {
        "model": {
            "sha256": hashlib.sha256(MODEL.read_bytes()).hexdigest(),
            "id": card["model"]["id"],
            "version": card["model"]["version"],
        },
        "demo": {
            "file": str(DEMO.relative_to(ROOT)),
            "sha256": hashlib.sha256(DEMO.read_bytes()).hexdigest(),
            "n": len(p),
            "positives": int(y.sum()),
            "base_rate": float(y.mean()),
            "roc_auc": float(roc_auc_score(y, p)),
            "average_precision": float(average_precision_score(y, p)),
            "brier": float(brier_score_loss(y, p)),
            "calibration_uniform": calibration_bins(y, p),
            "share": SHARE,
            "at_share": at_capacity(y, selected),
            "segments": {name: segments(segment_values[name], y, p, selected.astype(bool)) for name in SEGMENT_COLUMNS},
            "drift": drift(x, card),
            # onnxruntime's float32 probabilities, exactly, so the TypeScript assembly can be
            # checked against scikit-learn without a browser.
            "probability": p32.astype(np.float64),
            "label": y,
            "ids": frame[card["id_column"]].tolist(),
        },
        # scipy's chi-square quantiles, for the PSI noise threshold (src/lib/core/evaluate/chi-square.ts).
        "chi2_ppf": [
            {"p": q, "df": df, "x": float(chi2.ppf(q, df))} for q in (0.5, 0.95, 0.99) for df in (1, 2, 3, 5, 9, 10, 19, 40)
        ],
        "commute_doubled": {
            "file": str(DRIFTED.relative_to(ROOT)),
            "sha256": hashlib.sha256(DRIFTED.read_bytes()).hexdigest(),
            "drift": drift(x_drifted, card),
        },
    }


def write(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(enc(build()), allow_nan=False, separators=(",", ":")) + "\n")
    return out


if __name__ == "__main__":
    path = write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
