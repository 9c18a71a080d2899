"""Builds the third bundled model, incorrect input VAT deductions read from a VAT return's figures and its remark:

1. generate 60,000 synthetic VAT returns and split them 60/20/20 (vat_generate.py, train.split_indices);
2. fit the remark's character n-gram TF-IDF and a logistic regression on the training split (vat_model.py);
3. export one ONNX LinearClassifier with the scaling folded in, no ZipMap, and the card with the
   vectorizer, training summaries, and test metrics and gains scored by onnxruntime;
4. check onnxruntime against scikit-learn's own probabilities on the test split (|Δp| ≤ 1e-5);
5. write the demo sample: 3,000 returns from their own seed, with the label, without the ground truth;
6. write the fixtures the TypeScript side is held to (test/fixtures/vat/): scikit-learn's TF-IDF
   rows of the demo remarks, and onnxruntime's probabilities, the float64 log-odds and the
   per-feature and per-word contributions (numpy) of the demo sample;
7. print the test metrics and the "check 25 %, find M %" figure.

    python3 models/build_vat.py        (also a step of npm run model, after build_enk)
"""

from __future__ import annotations

import json
import sys

import numpy as np
import pandas as pd

import pipeline_config as C
from build_enk import recall_at
from export import predict_onnx, save, session
from export_with_card import build_date
from generate import write_csv
from ranking_metrics import format_metrics
from train import split_indices
from vat_catalogue import EXTRACT_COLUMNS, ID_COLUMN, LABEL_COLUMN, NUMERIC_NAMES, TEXT_COLUMN
from vat_generate import generate
from vat_model import Fitted, fit, model_and_card, model_input, remarks

PARITY_TOLERANCE = 1e-5
MIN_ROC_AUC = 0.85
# Rows of the demo sample whose contributions the fixture carries in full (the highest scores first).
EXPLAINED_ROWS = 40


def training_data(rows: int = C.VAT_ROWS, seed: int = C.VAT_SEED):
    return generate(rows, seed), split_indices(rows, seed + 1)


def demo_frame() -> pd.DataFrame:
    return generate(C.VAT_DEMO_ROWS, C.VAT_DEMO_SEED)


def word_contributions(fitted: Fitted, text: str, x_text: np.ndarray, phi_text: np.ndarray) -> list[dict]:
    """The remark's present n-grams' contributions per whitespace word: each n-gram's φ split
    evenly over its occurrences (char_wb n-grams never cross a word). Words as str.split() of
    the lowercased text, in order; the TypeScript side reports the same words."""
    analyzer = fitted.vectorizer.build_analyzer()
    vocab = fitted.vectorizer.vocabulary_
    words = text.lower().split() if fitted.vectorizer.lowercase else text.split()
    grams = [[vocab[g] for g in analyzer(w) if g in vocab] for w in words]
    counts: dict[int, int] = {}
    for gs in grams:
        for j in gs:
            counts[j] = counts.get(j, 0) + 1
    return [{"word": i, "contribution": float(sum(phi_text[j] / counts[j] for j in gs))} for i, gs in enumerate(grams)]


def fixtures(fitted: Fitted, demo: pd.DataFrame, prob: np.ndarray, x: np.ndarray, weights32: np.ndarray, intercept32: float) -> tuple[dict, dict]:
    k = len(NUMERIC_NAMES)
    tfidf = fitted.vectorizer.transform(remarks(demo)).tocsr()
    rows = [
        {"id": demo[ID_COLUMN].iloc[i], "remark": remarks(demo).iloc[i],
         "slots": [[int(j), float(v)] for j, v in zip(tfidf[i].indices, tfidf[i].data)]}
        for i in range(len(demo))
        if remarks(demo).iloc[i]
    ]
    tfidf_fixture = {
        "source": "models/build_vat.py: scikit-learn TfidfVectorizer.transform of the demo sample's non-empty remarks (an empty one is all zeros), float64, sparse [slot, value]",
        "rows": rows,
    }
    # The explanation the app gives, in float64 from the float32 input and the float32 weights
    # the file holds; means over the demo sample's rows (what the app explains against).
    x64 = x.astype(np.float64)
    mean = x64.mean(axis=0)
    raw = x64 @ weights32 + intercept32
    base = float(intercept32 + mean @ weights32)
    phi = weights32 * (x64 - mean)
    order = np.argsort(-prob, kind="stable")[:EXPLAINED_ROWS]
    explained = []
    for i in order:
        text = remarks(demo).iloc[i]
        phi_text = phi[i, k:]
        present = x64[i, k:] != 0
        explained.append({
            "id": demo[ID_COLUMN].iloc[i],
            "numeric": [float(v) for v in phi[i, :k]],
            "remark": float(phi_text.sum()),
            "remark_absent": float(phi_text[~present].sum()),
            "words": word_contributions(fitted, text, x64[i, k:], phi_text),
        })
    oracle = {
        "source": "models/build_vat.py: onnxruntime (Python) on public/demo/vat-remarks-sample.csv with scikit-learn's TF-IDF; log-odds and contributions in float64 (numpy) from the file's float32 weights, means over the sample",
        "ids": [str(v) for v in demo[ID_COLUMN]],
        "probabilities": [float(p) for p in prob],
        "raw": [float(r) for r in raw],
        "base": base,
        "features": [*NUMERIC_NAMES, TEXT_COLUMN],
        "explained": explained,
    }
    return tfidf_fixture, oracle


def write_json(path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def file_weights(model) -> tuple[np.ndarray, float]:
    (node,) = [n for n in model.graph.node if n.op_type == "LinearClassifier"]
    attrs = {a.name: a for a in node.attribute}
    coefficients = np.asarray(attrs["coefficients"].floats, np.float32).astype(np.float64)
    intercepts = np.asarray(attrs["intercepts"].floats, np.float32).astype(np.float64)
    rows = len(intercepts)
    width = len(coefficients) // rows
    return coefficients[(rows - 1) * width:], float(intercepts[rows - 1])


def main() -> int:
    frame, splits = training_data()
    print(f"generated {len(frame):,} VAT returns (seed {C.VAT_SEED}): train {len(splits.train):,}, "
          f"validation {len(splits.valid):,}, test {len(splits.test):,}, base rate {frame[LABEL_COLUMN].mean():.1%}")
    fitted = fit(frame, splits)
    print(f"fitted {len(fitted.vectorizer.vocabulary_)} n-grams + {len(NUMERIC_NAMES)} figures")
    model, card, prob_onnx = model_and_card(fitted, frame, splits, build_date())
    save(model, C.VAT_ONNX_PATH)
    print(f"wrote {C.VAT_ONNX_PATH.relative_to(C.REPO)} ({C.VAT_ONNX_PATH.stat().st_size / 1e3:.0f} kB)")

    test = frame.iloc[splits.test]
    x_test = model_input(fitted, test).astype(np.float64)
    prob_numpy = 1 / (1 + np.exp(-(x_test @ fitted.weights + fitted.intercept)))
    gap = float(np.max(np.abs(prob_numpy - prob_onnx)))
    print(f"onnxruntime vs scikit-learn's weights on {len(test):,} test rows: max |Δp| = {gap:.2e}")
    if gap > PARITY_TOLERANCE:
        raise SystemExit(f"parity broken: {gap} > {PARITY_TOLERANCE}")

    demo = demo_frame()
    write_csv(demo, C.VAT_DEMO_PATH, EXTRACT_COLUMNS)
    print(f"wrote {C.VAT_DEMO_PATH.relative_to(C.REPO)}")
    # The fixtures read the sample back as the app does, so they describe the committed file.
    demo = pd.read_csv(C.VAT_DEMO_PATH, keep_default_na=False, na_values=[""], dtype={TEXT_COLUMN: str})
    x_demo = model_input(fitted, demo)
    prob_demo = predict_onnx(session(model), x_demo)
    w32, b32 = file_weights(model)
    tfidf_fixture, oracle = fixtures(fitted, demo, prob_demo, x_demo, w32, b32)
    write_json(C.VAT_TFIDF_FIXTURE, tfidf_fixture)
    write_json(C.VAT_ORACLE_FIXTURE, oracle)
    print(f"wrote {C.VAT_TFIDF_FIXTURE.relative_to(C.REPO)} and {C.VAT_ORACLE_FIXTURE.relative_to(C.REPO)}")
    print(format_metrics(card["metrics"], card["gains"]))
    print(f"check 25 % and find {recall_at(card, 0.25):.0%} of the incorrect input VAT deductions")
    if card["metrics"]["roc_auc"] < MIN_ROC_AUC:
        raise SystemExit(f"test ROC AUC {card['metrics']['roc_auc']:.3f} is below {MIN_ROC_AUC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
