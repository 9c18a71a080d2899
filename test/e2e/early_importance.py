"""Oracle for the early picture (test/e2e/early-picture.spec.ts): mean |SHAP| per feature by
LightGBM's own pred_contrib over the rows the app says it sampled — sampleRows(read, sampled)
of src/lib/core/explain/sample-rows.ts, floor(i * read / sampled) — in the model card's order.

    python test/e2e/early_importance.py FILE.csv READ SAMPLED  ->  JSON {feature: mean |phi|}
"""
from __future__ import annotations

import json
import pathlib
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "models"))
from feature_catalogue import FEATURE_NAMES  # noqa: E402
from train import feature_matrix, load_booster  # noqa: E402


def main() -> int:
    csv, read, sampled = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rows = [(i * read) // sampled for i in range(sampled)]
    frame = pd.read_csv(csv, nrows=read, usecols=list(FEATURE_NAMES)).iloc[rows]
    contrib = load_booster().predict(feature_matrix(frame), pred_contrib=True)
    mean = np.abs(contrib[:, :-1]).mean(axis=0)
    print(json.dumps(dict(zip(FEATURE_NAMES, mean.tolist()))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
