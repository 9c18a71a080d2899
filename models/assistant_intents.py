"""The assistant's intent classifier: hand-written paraphrases → folded text → char_wb TF-IDF →
multinomial logistic regression → ONNX (skl2onnx LinearClassifier, one float input, no ZipMap).

Run: python3 models/assistant_intents.py. Writes
- public/assistant/intents.onnx: input `tfidf` float32 [N, width], outputs `label` and
  `probabilities` float32 [N, intents];
- public/assistant/intents.json: the vectorizer spec (src/lib/core/text/char-tfidf.ts
  CharTfidfSpec), the intents in output order, the confidence threshold and the fold's version;
- test/fixtures/assistant/heldout-oracle.json: each held-out question's folded text and the
  probabilities onnxruntime (Python) gives, for the TypeScript side to match;
- models/assistant/heldout-metrics.json: held-out accuracy overall, per language, and the
  out_of_scope recall (README "The assistant").

The held-out set (models/assistant/heldout.jsonl) is never read here except to report on it
after everything (fit and threshold) is fixed.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as rt
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "models" / "assistant"
OUT = ROOT / "public" / "assistant"
ORACLE = ROOT / "test" / "fixtures" / "assistant" / "heldout-oracle.json"

INTENTS = [
    "why_flagged", "explain_feature", "deduction_rule", "how_many_to_check", "expected_finds",
    "random_control", "export_list", "model_quality", "drift", "privacy", "rejected_rows",
    "load_file", "case_sheet", "explanation_method", "fairness", "compare_models", "out_of_scope",
]
LANGS = ["nb", "nn", "en"]
OUT_OF_SCOPE = "out_of_scope"
FOLD_VERSION = 1
SEED = 20240
# Issue 21's targets on the held-out set.
TARGET_OVERALL, TARGET_PER_LANG, TARGET_OOS = 0.90, 0.85, 0.85

_LETTERS = {"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u"}


def fold(text: str) -> str:
    """Lower case; æ→ae, ø→o, å→a (and a few Latin accents) so "maa", "ma" and "må" meet;
    "aa"→"a"; "%" → " prosent "; a run of digits → "0" (ids and figures are entities, not
    intent words); anything else outside a–z, 0–9 → one space. Mirrored by
    src/lib/core/assistant/fold.ts (version FOLD_VERSION), held equal by the oracle fixture."""
    s = text.lower()
    s = "".join(_LETTERS.get(c, c) for c in s)
    s = s.replace("%", " prosent ")
    s = re.sub(r"[0-9]+", "0", s)
    s = s.replace("aa", "a")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("lang") not in LANGS or row.get("intent") not in INTENTS or not row.get("text"):
            raise ValueError(f"{path.name} line {n}: needs lang in {LANGS}, a known intent and a text")
        rows.append(row)
    return rows


def typo(text: str, rng: random.Random) -> str:
    """One keyboard slip in a word of 5+ letters: a letter dropped, doubled or swapped with the next."""
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:j] + w[j + 1:]
    elif kind == 1:
        w = w[:j] + w[j] + w[j:]
    else:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    words[i] = w
    return " ".join(words)


def augment(rows: list[dict], seed: int = SEED) -> list[dict]:
    """Each hand-written training question plus two seeded slips of it (group = its source), so
    the classifier meets misspellings it was not shown; the held-out set is never augmented."""
    rng = random.Random(seed)
    out = []
    for g, row in enumerate(rows):
        out.append({**row, "group": g})
        for _ in range(2):
            out.append({**row, "text": typo(row["text"], rng), "group": g})
    return out


def vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=True, sublinear_tf=True, min_df=2, norm="l2")


def classifier() -> LogisticRegression:
    return LogisticRegression(C=20.0, max_iter=5000)


def fit(rows: list[dict]):
    vec = vectorizer()
    x = vec.fit_transform([fold(r["text"]) for r in rows])
    y = np.array([INTENTS.index(r["intent"]) for r in rows])
    clf = classifier().fit(x, y)
    return vec, clf


def route(proba: np.ndarray, threshold: float) -> np.ndarray:
    """Argmax, or out_of_scope when the top probability is below the threshold."""
    pred = proba.argmax(axis=1)
    pred[proba.max(axis=1) < threshold] = INTENTS.index(OUT_OF_SCOPE)
    return pred


def tune_threshold(rows: list[dict], seed: int = SEED) -> tuple[float, dict]:
    """The threshold with the best accuracy on a validation split of the TRAINING set: a fifth of
    the hand-written sources (with their slips) per intent and language, fit on the rest."""
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        groups.setdefault((r["lang"], r["intent"]), [])
        if r["group"] not in groups[(r["lang"], r["intent"])]:
            groups[(r["lang"], r["intent"])].append(r["group"])
    held = set()
    for gs in groups.values():
        gs = sorted(gs)
        rng.shuffle(gs)
        held.update(gs[: max(2, len(gs) // 5)])
    fit_rows = [r for r in rows if r["group"] not in held]
    val_rows = [r for r in rows if r["group"] in held]
    vec, clf = fit(fit_rows)
    proba = clf.predict_proba(vec.transform([fold(r["text"]) for r in val_rows]))
    y = np.array([INTENTS.index(r["intent"]) for r in val_rows])
    grid = np.round(np.arange(0.0, 0.61, 0.02), 2)
    scores = [(float((route(proba, t) == y).mean()), -t, t) for t in grid]
    best = max(scores)
    return float(best[2]), {"validation_rows": len(val_rows), "validation_accuracy": best[0],
                            "grid": [[float(t), a] for a, _, t in scores]}


def to_onnx(clf: LogisticRegression, width: int) -> bytes:
    model = convert_sklearn(clf, initial_types=[("tfidf", FloatTensorType([None, width]))],
                            options={id(clf): {"zipmap": False}}, target_opset={"": 17, "ai.onnx.ml": 3})
    model.doc_string = "Fradragsrisiko assistant: intent classifier over folded char_wb TF-IDF (models/assistant_intents.py)"
    return model.SerializeToString()


def spec(vec: TfidfVectorizer) -> dict:
    return {
        "analyzer": "char_wb", "ngram_range": list(vec.ngram_range), "lowercase": vec.lowercase,
        "vocabulary": [str(v) for v in vec.get_feature_names_out()],
        "idf": [float(v) for v in vec.idf_], "sublinear_tf": vec.sublinear_tf, "norm": vec.norm,
    }


def onnx_proba(model_bytes: bytes, x: np.ndarray) -> np.ndarray:
    sess = rt.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    return sess.run(["probabilities"], {"tfidf": x.astype(np.float32)})[0]


def scores(rows: list[dict], pred: np.ndarray) -> dict:
    y = np.array([INTENTS.index(r["intent"]) for r in rows])
    lang = np.array([r["lang"] for r in rows])
    ok = pred == y
    oos = y == INTENTS.index(OUT_OF_SCOPE)
    return {
        "n": len(rows), "overall": float(ok.mean()),
        **{l: float(ok[lang == l].mean()) for l in LANGS},
        "out_of_scope_recall": float(ok[oos].mean()),
        "per_intent": {i: float(ok[y == k].mean()) for k, i in enumerate(INTENTS)},
    }


def build() -> dict:
    train = augment(read_jsonl(DATA / "train.jsonl"))
    threshold, tuning = tune_threshold(train)
    vec, clf = fit(train)
    width = len(vec.vocabulary_)
    model_bytes = to_onnx(clf, width)
    onnx.checker.check_model(onnx.load_from_string(model_bytes))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "intents.onnx").write_bytes(model_bytes)
    (OUT / "intents.json").write_text(json.dumps({
        "intents": INTENTS, "out_of_scope": OUT_OF_SCOPE, "threshold": threshold,
        "fold_version": FOLD_VERSION, "input": "tfidf", "probabilities": "probabilities",
        "vectorizer": spec(vec),
    }, ensure_ascii=False), encoding="utf-8")

    heldout = read_jsonl(DATA / "heldout.jsonl")
    folded = [fold(r["text"]) for r in heldout]
    proba = onnx_proba(model_bytes, vec.transform(folded).toarray())
    pred = route(proba, threshold)
    metrics = {"threshold": threshold, "tuning": tuning, "train_rows": len(train),
               "train_hand_written": len({r["group"] for r in train}), "heldout": scores(heldout, pred)}
    (DATA / "heldout-metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    ORACLE.parent.mkdir(parents=True, exist_ok=True)
    ORACLE.write_text(json.dumps({
        "threshold": threshold,
        "fold_cases": [[t, fold(t)] for t in FOLD_CASES],
        "rows": [{"lang": r["lang"], "text": r["text"], "intent": r["intent"], "folded": f,
                  "proba": [round(float(p), 7) for p in pr], "predicted": INTENTS[k]}
                 for r, f, pr, k in zip(heldout, folded, proba, pred)],
    }, ensure_ascii=False), encoding="utf-8")
    return metrics


# Awkward inputs for the fold's TypeScript twin.
FOLD_CASES = [
    "Hvor mange MÅ jeg sjekke for å finne 80 %?", "hvor mange maa jeg sjekke", "forklaring på",
    "Kvifor vart S1589458 plukka ut?", "ÆØÅ æøå Ää Öö é ü", "  tabs\tand\nnewlines  ", "1,76 kr/km — 14 950",
    "naeringsinntekt_krevd", "ﬁ ligature", "İstanbul", "ß straße", "aaa baaad", "",
]


def main() -> int:
    """Builds and reports; 1 when the held-out figures miss issue 21's targets."""
    m = build()
    h = m["heldout"]
    print(f"assistant intents: held-out {h['n']} questions, accuracy {h['overall']:.3f} "
          f"(nb {h['nb']:.3f}, nn {h['nn']:.3f}, en {h['en']:.3f}), out_of_scope recall "
          f"{h['out_of_scope_recall']:.3f}, threshold {m['threshold']}")
    met = h["overall"] >= TARGET_OVERALL and min(h[l] for l in LANGS) >= TARGET_PER_LANG and h["out_of_scope_recall"] >= TARGET_OOS
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
