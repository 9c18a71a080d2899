"""The VAT-remarks model: character n-gram TF-IDF of the remark and the numeric fields, then a logistic regression, as ONE ONNX LinearClassifier.

- The remark: scikit-learn TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4),
  lowercase=True, sublinear_tf=True, min_df=5, max_features=1000), fitted on the training
  split's remarks (empty remark: all zeros). The fitted vocabulary and idf go into the card
  (features[-1].text, a CharTfidfSpec) and the app computes the same row in TypeScript
  (src/lib/core/text/char-tfidf.ts), held to this side by test/fixtures/vat/tfidf-rows.json.
- The numeric fields are standardised for training (StandardScaler on the training split),
  and the scaling is folded into the weights afterwards (w_raw = w/sd, b_raw = b − Σ w·mean/sd),
  so the ONNX graph is one LinearClassifier on the raw figures and the TF-IDF slots:
  input "input" float32 [N, 7 + V] (numeric first, in catalogue order, then the V slots),
  output "probabilities" [N, 2], no ZipMap (onnxruntime-web cannot run it). The app reads
  the coefficients (core/model/linear-model.ts) and explains exactly: φ_j = w_j (x_j − mean_j).
- C = 3 chosen on the validation split (VAT_DATA.md, "Model").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import onnx
import pandas as pd
import scipy.sparse as sp
import sklearn
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from card import assemble_card, feature_cards, feature_entry, training_summary, validate_card
from export import finish, predict_onnx, session
from export_with_card import data_section
from ranking_metrics import evaluate, gains
from train import Splits
from vat_catalogue import NUMERIC_FEATURES, NUMERIC_NAMES, TEXT_COLUMN, TEXT_FEATURE, VAT_REMARKS

NGRAM_RANGE = (2, 4)
MIN_DF = 5
MAX_FEATURES = 1000
C_REGULARISATION = 3.0
TARGET_OPSET = 15


@dataclass
class Fitted:
    vectorizer: TfidfVectorizer
    weights: np.ndarray     # float64 [7 + V], on the raw figures and the TF-IDF slots
    intercept: float


def remarks(frame: pd.DataFrame) -> pd.Series:
    return frame[TEXT_COLUMN].fillna("").astype(str)


def numeric(frame: pd.DataFrame) -> np.ndarray:
    return frame.loc[:, list(NUMERIC_NAMES)].astype("float64").to_numpy(dtype=np.float64)


def vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=NGRAM_RANGE, lowercase=True, sublinear_tf=True,
        min_df=MIN_DF, max_features=MAX_FEATURES, norm="l2", use_idf=True, smooth_idf=True,
    )


def fit(frame: pd.DataFrame, splits: Splits) -> Fitted:
    train = frame.iloc[splits.train]
    scaler = StandardScaler().fit(numeric(train))
    vec = vectorizer().fit(remarks(train))
    x = sp.hstack([sp.csr_matrix(scaler.transform(numeric(train))), vec.transform(remarks(train))]).tocsr()
    lr = LogisticRegression(C=C_REGULARISATION, max_iter=5000).fit(x, train[VAT_REMARKS.label_column].to_numpy())
    w = lr.coef_[0].astype(np.float64)
    k = len(NUMERIC_NAMES)
    w_raw = w.copy()
    w_raw[:k] = w[:k] / scaler.scale_
    b_raw = float(lr.intercept_[0] - np.sum(w[:k] * scaler.mean_ / scaler.scale_))
    return Fitted(vec, w_raw, b_raw)


def model_input(fitted: Fitted, frame: pd.DataFrame) -> np.ndarray:
    """float32 [rows, 7 + V]: the raw figures, then the remark's TF-IDF row (scikit-learn's)."""
    tfidf = fitted.vectorizer.transform(remarks(frame)).toarray()
    return np.hstack([numeric(frame), tfidf]).astype(np.float32)


def text_spec(vec: TfidfVectorizer) -> dict:
    """The fitted vectorizer as the card carries it (CharTfidfSpec, src/lib/core/text/char-tfidf.ts)."""
    return {
        "analyzer": "char_wb",
        "ngram_range": list(vec.ngram_range),
        "lowercase": bool(vec.lowercase),
        "vocabulary": [str(t) for t in vec.get_feature_names_out()],
        "idf": [float(v) for v in vec.idf_],
        "sublinear_tf": bool(vec.sublinear_tf),
        "norm": vec.norm,
    }


def remark_scores(fitted: Fitted, frame: pd.DataFrame) -> np.ndarray:
    """Each remark's own part of the log-odds, Σ_j w_j·tfidf_j over its slots, with the weights
    as the file holds them (float32): the one number per row the app holds for the remark."""
    slots = np.float32(fitted.weights[len(NUMERIC_NAMES):]).astype(np.float64)
    return fitted.vectorizer.transform(remarks(frame)) @ slots


def feature_card_list(fitted: Fitted, train: pd.DataFrame) -> list[dict]:
    """The numeric features as every pipeline card has them, then the remark: its index is its
    first slot, width its slot count, text the vectorizer; its training summary is of the
    remark's score (remark_scores), the value the app keeps per row for drift and ranges."""
    cards = feature_cards(numeric(train).astype(np.float32), NUMERIC_FEATURES)
    summary = training_summary(remark_scores(fitted, train).astype(np.float32).astype(np.float64))
    cards.append({
        **feature_entry(TEXT_FEATURE, len(NUMERIC_NAMES), summary),
        "width": len(fitted.vectorizer.vocabulary_),
        "text": text_spec(fitted.vectorizer),
    })
    return cards


def to_onnx(fitted: Fitted, card: dict | None = None) -> onnx.ModelProto:
    """One LinearClassifier on the raw inputs: a LogisticRegression carrying the folded weights, converted by skl2onnx without a ZipMap."""
    width = len(fitted.weights)
    lr = LogisticRegression()
    lr.classes_ = np.array([0, 1])
    lr.coef_ = fitted.weights[None, :]
    lr.intercept_ = np.array([fitted.intercept])
    lr.n_features_in_ = width
    model = convert_sklearn(
        lr, name=VAT_REMARKS.id, initial_types=[("input", FloatTensorType([None, width]))],
        options={id(lr): {"zipmap": False}}, target_opset={"": TARGET_OPSET, "ai.onnx.ml": 1},
    )
    return finish(model, VAT_REMARKS, width, card)


def model_and_card(fitted: Fitted, frame: pd.DataFrame, splits: Splits, trained) -> tuple[onnx.ModelProto, dict, np.ndarray]:
    """The ONNX model with its card, whose test metrics are onnxruntime's own scores."""
    test = frame.iloc[splits.test]
    y_test = test[VAT_REMARKS.label_column].to_numpy()
    prob = predict_onnx(session(to_onnx(fitted)), model_input(fitted, test))
    card = assemble_card(
        spec=VAT_REMARKS,
        algorithm=(
            f"scikit-learn {sklearn.__version__} LogisticRegression (C={C_REGULARISATION:g}) on the standardised figures "
            f"and the remark's character n-gram TF-IDF (char_wb {NGRAM_RANGE[0]}–{NGRAM_RANGE[1]}, sublinear tf, l2), "
            "the scaling folded into the weights"
        ),
        trained=trained,
        n_trees=0,
        max_depth=0,
        features=feature_card_list(fitted, frame.iloc[splits.train]),
        metrics=evaluate(y_test, prob),
        gains=gains(y_test, prob),
        data=data_section(VAT_REMARKS, frame, splits),
        covers="none",
    )
    validate_card(card)
    return to_onnx(fitted, card), card, prob
