"""Oracle for the record view's what-if (test/e2e/what-if.spec.ts): onnxruntime's probability
for one row of a CSV, found by its id, with some features set to other values — read with
pandas and scored by Python's onnxruntime, nothing of the app's code.

    python test/e2e/what_if_score.py MODEL.onnx FILE.csv ID '{"feature": value, ...}'  ->  probability

A value "=other" sets the feature to the row's own value of `other`.
"""
from __future__ import annotations

import json
import sys

import numpy as np
import onnxruntime as ort
import pandas as pd


def main() -> int:
    model, csv, row_id, edits = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    card = json.loads(session.get_modelmeta().custom_metadata_map["model_card"])
    names = [f["name"] for f in sorted(card["features"], key=lambda f: f["index"])]
    frame = pd.read_csv(csv, dtype={card["id_column"]: str})
    row = frame.loc[frame[card["id_column"]] == row_id, names]
    if len(row) != 1:
        raise SystemExit(f"{len(row)} rows with id {row_id}")
    x = row.to_numpy(dtype=np.float32)
    # A value "=other" takes the row's own value of feature `other` (the pre-filled amounts).
    source = x.copy()
    for name, value in edits.items():
        x[0, names.index(name)] = source[0, names.index(value[1:])] if isinstance(value, str) else np.float32(value)
    probabilities = session.run([card["io"]["probabilities"]], {card["io"]["input"]: x})[0]
    print(float(probabilities[0, card["io"]["positive_class"]]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
