"""A deep LightGBM model for `npm run bench:deep`: 500 trees of up to 255 leaves.

The issue "Any model" asks that such a model (what an analyst may bring) explains at no less
than a third of the bundled model's rows per second per leaf visited. This trains it on the
product's synthetic returns (fixed seed), sends it through the analysts' kit (models/kit.py:
no ZipMap, float32-exact thresholds, training counts as covers), and writes rows both models
explain. Cached in test/bench/out/; prints one JSON object.

    python3 test/bench/deep_model.py --rows 20000 --out test/bench/out
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys

import lightgbm as lgb
import numpy as np

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "models"))

from feature_catalogue import FEATURE_NAMES  # noqa: E402
from generate import generate  # noqa: E402
from train import feature_matrix  # noqa: E402

TRAIN_ROWS = 60_000
TRAIN_SEED = 20241212
ROWS_SEED = 20241111
TREES = 500
LEAVES = 255


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    onnx_path = args.out / f"deep-{TREES}x{LEAVES}.onnx"
    if not onnx_path.exists():
        frame = generate(TRAIN_ROWS, TRAIN_SEED).frame
        x = feature_matrix(frame)
        y = frame["feil_fradrag"].to_numpy()
        params = {"objective": "binary", "num_leaves": LEAVES, "max_depth": -1, "min_data_in_leaf": 5, "learning_rate": 0.05,
                  "verbose": -1, "seed": 1, "num_threads": 2, "feature_pre_filter": False}
        booster = lgb.train(params, lgb.Dataset(x, y, feature_name=list(FEATURE_NAMES)), num_boost_round=TREES)
        model_path = args.out / "deep.txt"
        booster.save_model(str(model_path))
        train_csv = args.out / "deep-train.csv"
        frame.loc[:, list(FEATURE_NAMES) + ["feil_fradrag"]].to_csv(train_csv, index=False)
        card = args.out / "deep-card.json"
        card.write_text(json.dumps({"features": [{"name": n} for n in FEATURE_NAMES], "label": {"name": "feil_fradrag"}}))
        subprocess.run([sys.executable, str(REPO / "models" / "kit.py"), "--model", str(model_path), "--flavour", "lightgbm",
                        "--train", str(train_csv), "--card", str(card), "--output", str(onnx_path)], check=True, stdout=subprocess.DEVNULL)
    rows_path = args.out / f"deep-rows-{args.rows}.f32"
    if not rows_path.exists():
        x = feature_matrix(generate(args.rows, ROWS_SEED).frame)
        rows_path.write_bytes(np.ascontiguousarray(x, dtype="<f4").tobytes())
    print(json.dumps({"model": str(onnx_path), "rows_file": str(rows_path), "rows": args.rows, "features": len(FEATURE_NAMES)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
