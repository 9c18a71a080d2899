"""The reference stack an analyst would use instead of the browser, timed on the same CSV.

Scores: pandas `read_csv` of the file, the feature matrix in the model card's order (float32,
NaN for missing), and onnxruntime's CPU session on the very ONNX file the app loads, with
as many intra-op threads as the machine has cores. Timed end to end from the file, model
loading excluded (the app loads its model before a file is dropped, too).

Explanations: LightGBM's own TreeSHAP (`pred_contrib`) on the same model
(models/artifacts/deduction-risk.lgbm.txt.gz), with num_threads equal to the cores and, for
a per-core figure, num_threads=1. pred_contrib manages only ~10^3 rows/s, so it is timed on
the first --contrib-rows rows of the file (rows/s does not depend on how many rows there are).

Prints one JSON object.   python3 test/bench/reference.py --csv test/bench/out/rows-100000.csv
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import sys
import time

import lightgbm as lgb
import numpy as np
import onnxruntime as ort
import pandas as pd

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from explain_native import REPO, best_rate  # noqa: E402  (also puts models/ on sys.path)
from train import feature_matrix, load_booster  # noqa: E402

ONNX = REPO / "public/model/deduction-risk.onnx"


def score_file(csv: pathlib.Path, session: ort.InferenceSession) -> dict[str, float]:
    """Seconds for each step of one end-to-end run."""
    t0 = time.perf_counter()
    frame = pd.read_csv(csv)
    t1 = time.perf_counter()
    x = feature_matrix(frame)
    t2 = time.perf_counter()
    probability = session.run(["probabilities"], {"input": x})[0][:, 1]
    t3 = time.perf_counter()
    assert len(probability) == len(frame)
    return {"read_csv_s": t1 - t0, "matrix_s": t2 - t1, "onnxruntime_s": t3 - t2, "total_s": t3 - t0, "rows": len(frame)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", type=pathlib.Path, required=True)
    parser.add_argument("--contrib-rows", type=int, default=5_000, help="0 skips the explanation timing")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    cores = os.cpu_count() or 1

    options = ort.SessionOptions()
    options.intra_op_num_threads = cores
    session = ort.InferenceSession(str(ONNX), options, providers=["CPUExecutionProvider"])
    runs = [score_file(args.csv, session) for _ in range(args.repeats)]
    best = min(runs, key=lambda r: r["total_s"])

    explained = None
    if args.contrib_rows > 0:
        x = feature_matrix(pd.read_csv(args.csv, nrows=args.contrib_rows))
        booster = load_booster()
        rate = {t: best_rate(lambda t=t: booster.predict(x, pred_contrib=True, num_threads=t), len(x), args.repeats) for t in sorted({cores, 1})}
        explained = {"rows_timed": int(x.shape[0]), "rows_per_s": rate[cores], "rows_per_s_one_thread": rate[1], "threads": cores, "trees": int(booster.num_trees())}

    print(json.dumps({
        "csv": str(args.csv),
        "bytes": args.csv.stat().st_size,
        "scores": {**best, "rows_per_s": best["rows"] / best["total_s"], "threads": cores},
        "contrib": explained,
        "versions": {"pandas": pd.__version__, "onnxruntime": ort.__version__, "lightgbm": lgb.__version__, "python": platform.python_version()},
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
