"""LightGBM's native TreeSHAP per core, on rows both sides can explain (reference.py reuses it).

Generates the rows both sides explain (the product's synthetic generator, a fixed seed,
float32 in the model card's feature order, NaN for missing), writes them for the
TypeScript side, and times LightGBM's own TreeSHAP (pred_contrib) on the product model
with num_threads=1, so the figure is per core. Prints one JSON object.

    python test/bench/explain_native.py --rows 20000 --out /tmp/rows.f32
"""

from __future__ import annotations

import argparse
import json
import pathlib
import platform
import sys
import time

import lightgbm as lgb
import numpy as np

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "models"))  # the pipeline's modules import each other by name

from generate import generate  # noqa: E402
from train import feature_matrix, load_booster  # noqa: E402

SEED = 20241111


def best_rate(run, rows: int, repeats: int) -> float:
    """Rows per second of the fastest of `repeats` runs (the least disturbed by the machine)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return rows / best


def best_cpu_rate(run, rows: int, repeats: int) -> float:
    """Rows per CPU-second of this process (fastest of `repeats`): steadier than wall time on a shared machine."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return rows / best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    x = feature_matrix(generate(args.rows, SEED).frame)
    args.out.write_bytes(np.ascontiguousarray(x, dtype="<f4").tobytes())

    booster = load_booster()
    contrib = booster.predict(x[:100], pred_contrib=True, num_threads=1)
    rate = best_rate(lambda: booster.predict(x, pred_contrib=True, num_threads=1), len(x), args.repeats)
    cpu_rate = best_cpu_rate(lambda: booster.predict(x, pred_contrib=True, num_threads=1), len(x), args.repeats)
    raw_rate = best_rate(lambda: booster.predict(x, raw_score=True, num_threads=1), len(x), args.repeats)
    print(json.dumps({
        "rows": int(x.shape[0]),
        "features": int(x.shape[1]),
        "trees": int(booster.num_trees()),
        "native_contrib_rows_per_s": rate,
        "native_raw_rows_per_s": raw_rate,
        "native_contrib_rows_per_cpu_s": cpu_rate,
        "contrib_columns": int(contrib.shape[1]),
        "lightgbm": lgb.__version__,
        "cpu": platform.processor() or platform.machine(),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
