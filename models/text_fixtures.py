"""Writes test/fixtures/text/char-tfidf.json: scikit-learn's char_wb TF-IDF on awkward texts, the oracle of src/lib/core/text/char-tfidf.ts.

The app computes the remark and question features in TypeScript from a vocabulary carried in a
model card; this fixture holds it to scikit-learn 1.9's TfidfVectorizer(analyzer="char_wb") on
texts chosen to hit its corners: runs of whitespace, tabs and non-breaking spaces, words shorter
than n, æøå and other non-ASCII letters, astral-plane characters (one code point, two UTF-16
units), upper case, empty text, n-grams outside the vocabulary.

    python3 models/text_fixtures.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

OUT = Path(__file__).resolve().parents[1] / "test" / "fixtures" / "text" / "char-tfidf.json"

FIT = [
    "Privat kjøp av PC, feilført i forrige termin",
    "kreditnota mottatt, se vedlegg",
    "Investering i maskin (ny gravemaskin)",
    "sesong: høy omsetning i juli",
    "private purchase corrected",
    "Forskuddsbetaling til leverandør",
    "feilført  mva\tpå   privat bil",
    "ok",
    "Æ Ø Å æøå – ØL og Åsgård",
    "emoji 🚗 bil 🚗🚗",
]
PROBE = FIT + [
    "",
    "   ",
    "a",
    "I",
    "PRIVAT",
    "privat\u00a0kjøp",
    "ukjent ord helt utenfor",
    "x 🚗 y",
    "Kreditnota  kreditnota KREDITNOTA",
]

CONFIGS = [
    {"ngram_range": (2, 4), "lowercase": True, "sublinear_tf": True, "norm": "l2", "use_idf": True, "max_features": 300},
    {"ngram_range": (3, 5), "lowercase": True, "sublinear_tf": False, "norm": "l2", "use_idf": True, "max_features": None},
    {"ngram_range": (1, 3), "lowercase": False, "sublinear_tf": False, "norm": "l1", "use_idf": False, "max_features": None},
    {"ngram_range": (2, 2), "lowercase": True, "sublinear_tf": True, "norm": None, "use_idf": True, "max_features": 50},
]


def case(cfg: dict) -> dict:
    v = TfidfVectorizer(analyzer="char_wb", ngram_range=cfg["ngram_range"], lowercase=cfg["lowercase"],
                        sublinear_tf=cfg["sublinear_tf"], norm=cfg["norm"], use_idf=cfg["use_idf"],
                        max_features=cfg["max_features"])
    v.fit(FIT)
    names = v.get_feature_names_out().tolist()
    x = v.transform(PROBE).toarray()
    analyse = v.build_analyzer()
    return {
        "spec": {
            "analyzer": "char_wb",
            "ngram_range": list(cfg["ngram_range"]),
            "lowercase": cfg["lowercase"],
            "vocabulary": names,
            "idf": v.idf_.tolist() if cfg["use_idf"] else None,
            "sublinear_tf": cfg["sublinear_tf"],
            "norm": cfg["norm"],
        },
        "texts": PROBE,
        "ngrams": [analyse(t) for t in PROBE],
        "rows": [[[int(j), float(row[j])] for j in np.flatnonzero(row)] for row in x],
    }


def fixtures() -> dict:
    import sklearn

    return {
        "source": f"models/text_fixtures.py: scikit-learn {sklearn.__version__} TfidfVectorizer(analyzer='char_wb')",
        "cases": [case(c) for c in CONFIGS],
    }


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixtures(), ensure_ascii=False, indent=1, allow_nan=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
