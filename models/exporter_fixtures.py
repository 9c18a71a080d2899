"""Writes test/fixtures/exporters/: one small model per exporter of the field, and what it must give.

    python3 models/exporter_fixtures.py        (also the last step of models/build.py)

Each case trains a small binary classifier on a few hundred synthetic returns
(models/generate.py, eight features, three with missing values), saves it in its library's
own format, and writes into test/fixtures/exporters/<case>/:

    model.onnx       as the converter writes it, defaults and all (ZipMap, covers 1.0 or none)
    kit.onnx         the same model through models/kit.py (no ZipMap, covers, card)
    train.csv        the training rows (features, label)
    score.csv        other rows to score, some cells empty, some values exactly on thresholds
    card-file.json   the analyst's card file the kit read
    expected.json    what onnxruntime, shap and the library say (README.md there lists every key)

and bad/ (files the app must refuse) and index.json (what each converter writes). Every
number in expected.json is checked here before it is written: onnxruntime against this
module's own ONNX reader (onnx_trees.py), base + Σ contributions against the raw score, the
kit's file against the library's predict_proba, and shap on the ONNX trees against shap on
the library's own model with the library's own covers. Nothing comes from the app's code.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import onnx
import pandas as pd
from onnx import TensorProto, helper, numpy_helper

import pipeline_config as C
from feature_catalogue import FEATURE_BY_NAME, ID_COLUMN, LABEL_COLUMN, LABEL_TEXT
from generate import generate
from kit import build as kit_build
from kit import convert, library_probability, library_trees_of, session, sklearn_attribute_fix
from library_trees import align, library_covers
from onnx_trees import (
    V5_MODES,
    Ensemble,
    attributes,
    count_covers,
    explained_depth,
    explained_split,
    probability,
    raw_score,
    read_ensemble,
    read_linear,
    shap_values,
    text,
    tree_node,
)

OUT = C.REPO / "test/fixtures/exporters"
SEED = 20241515
FEATURES = (
    "alder",
    "sentralitet",
    "hovedinntektskilde",
    "avstand_reg_km",
    "reise_km_oppgitt",
    "fagforening_forhandsutfylt",
    "fagforening_krevd",
    "fjorarets_sum_fradrag",
)
CATEGORICAL = ("sentralitet", "hovedinntektskilde")
N_TRAIN_POS, N_TRAIN_NEG = 100, 300
N_SCORE_POS, N_SCORE_NEG = 30, 90
BLANK_SHARE = 0.06
THRESHOLD_ROWS = 8
# GradientBoosting and LogisticRegression refuse NaN: their rows carry -1 for "no value".
NO_VALUE = -1.0
TOLERANCE = 1e-5
# The card's training date, fixed so that rebuilding gives the same bytes.
FIXTURE_DATE = "2024-12-31"

warnings.filterwarnings("ignore")
# onnxruntime warns that converters declare the label output as [1]; the shape is what it is.
__import__("onnxruntime").set_default_logger_severity(3)


# --- data ------------------------------------------------------------------------------------


def fixture_rows() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x_train, y_train, x_score, y_score), float32 with NaN, from a fixed seed; positives over-sampled."""
    frame = generate(6000, SEED).frame
    rng = np.random.default_rng(SEED)
    x = frame.loc[:, list(FEATURES)].astype("float64").to_numpy(np.float64, na_value=np.nan).astype(np.float32)
    y = frame[LABEL_COLUMN].to_numpy().astype(int)

    def pick(rows: np.ndarray, pos: int, neg: int) -> np.ndarray:
        p = rng.choice(rows[y[rows] == 1], pos, replace=False)
        n = rng.choice(rows[y[rows] == 0], neg, replace=False)
        return np.sort(np.concatenate([p, n]))

    train = pick(np.arange(4000), N_TRAIN_POS, N_TRAIN_NEG)
    score = pick(np.arange(4000, 6000), N_SCORE_POS, N_SCORE_NEG)
    x_score = x[score].copy()
    x_score[rng.random(x_score.shape) < BLANK_SHARE] = np.nan
    return x[train], y[train], x_score, y[score]


def filled(x: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(x), np.float32(NO_VALUE), x).astype(np.float32)


def cell(v: float) -> str:
    """A float32 as the shortest decimal that reads back as the same float32, also via a double."""
    if np.isnan(v):
        return ""
    f = np.float32(v)
    s = np.format_float_positional(f, unique=True, trim="-")
    return s if np.float32(float(s)) == f else repr(float(f))


def write_rows(path: Path, x: np.ndarray, y: np.ndarray) -> None:
    lines = [",".join([*FEATURES, LABEL_COLUMN])]
    lines += [",".join([*(cell(v) for v in row), str(int(label))]) for row, label in zip(x, y)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def json_rows(x: np.ndarray) -> list[list[float | None]]:
    return [[None if np.isnan(v) else float(v) for v in row] for row in np.asarray(x, np.float32)]


def floats(values) -> list[float | None]:
    return [None if np.isnan(v) else float(v) for v in np.asarray(values, np.float64).ravel()]


def matrix(values) -> list[list[float]]:
    return [[float(v) for v in row] for row in np.asarray(values, np.float64)]


def analyst_card(case: str) -> dict:
    """The analyst's card file for a fixture: the catalogue's descriptions of the eight features."""
    features = []
    for name in FEATURES:
        f = FEATURE_BY_NAME[name]
        spec = {
            "name": name,
            "label": f.label,
            "description": f.description,
            "unit": f.unit,
            "kind": f.kind,
            "nonnegative": f.nonnegative,
            "aliases": list(f.aliases),
            "source": f.source,
        }
        if f.categories:
            spec["categories"] = [{"code": code, "label": label} for code, label in f.categories]
        features.append(spec)
    return {
        "model": {"id": f"exporter-{case}", "version": "1.0.0", "trained": FIXTURE_DATE, "income_year": 2024, "synthetic": True},
        "id_column": ID_COLUMN,
        "label": {"name": LABEL_COLUMN, "text": LABEL_TEXT},
        "data": {"generator": "models/generate.py via models/exporter_fixtures.py", "seed": SEED},
        "features": features,
    }


# --- the cases -------------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    flavour: str
    suffix: str  # the library's own file format
    train: Callable  # (x, y) -> library model
    save: Callable  # (model, path) -> None
    converter: str
    nan_free: bool = False  # trained on NaN → -1 (GradientBoosting, LogisticRegression)
    score_nan_free: bool = False


def _lgb(categorical: bool):
    def train(x, y):
        import lightgbm as lgb

        params = {"objective": "binary", "num_leaves": 12, "max_depth": 4, "learning_rate": 0.15, "min_data_in_leaf": 8,
                  "num_threads": 1, "deterministic": True, "seed": SEED, "verbosity": -1}
        cats = "auto"
        if categorical:
            params.update(max_cat_to_onehot=2, min_data_per_group=5, cat_smooth=1.0, cat_l2=1.0)
            cats = [FEATURES.index(c) for c in CATEGORICAL]
        data = lgb.Dataset(x, y, feature_name=list(FEATURES), categorical_feature=cats)
        return lgb.train(params, data, num_boost_round=30)

    return train


def _xgb(categorical: bool):
    def train(x, y):
        import xgboost as xgb

        params = dict(n_estimators=30, max_depth=4, learning_rate=0.2, tree_method="hist", n_jobs=1, random_state=SEED)
        if not categorical:
            return xgb.XGBClassifier(**params).fit(x, y).get_booster()
        frame = pd.DataFrame(x, columns=list(FEATURES))
        for c in CATEGORICAL:
            frame[c] = pd.Categorical(frame[c].astype("Int64"), categories=sorted({int(v) for v in x[:, FEATURES.index(c)] if not np.isnan(v)}))
        return xgb.XGBClassifier(**params, enable_categorical=True, max_cat_to_onehot=1).fit(frame, y).get_booster()

    return train


def _sk(factory):
    def train(x, y):
        return factory().fit(x, y)

    return train


def _catboost(x, y):
    from catboost import CatBoostClassifier

    return CatBoostClassifier(iterations=30, depth=4, learning_rate=0.2, random_seed=SEED, thread_count=1,
                              allow_writing_files=False, verbose=0).fit(x, y)


def _save_joblib(model, path):
    import joblib

    joblib.dump(model, path)


def cases() -> list[Case]:
    from sklearn.ensemble import ExtraTreesClassifier, GradientBoostingClassifier, HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.tree import DecisionTreeClassifier

    lgb_call = ("onnxmltools 1.16.0 convert_lightgbm(booster, name='model', initial_types=[('input', FloatTensorType([None, 8]))], "
                "target_opset=15), zipmap left at its default True")
    xgb_call = ("onnxmltools 1.16.0 convert_xgboost(booster, name='model', initial_types=[('input', FloatTensorType([None, 8]))], "
                "target_opset=15); a Booster gets no ZipMap")
    skl = "skl2onnx 1.20.0 to_onnx(model, X[:1]) with its defaults (ZipMap, input 'X')"
    return [
        Case("lightgbm", "lightgbm", ".txt", _lgb(False), lambda m, p: m.save_model(str(p)), lgb_call),
        Case("lightgbm-categorical", "lightgbm", ".txt", _lgb(True), lambda m, p: m.save_model(str(p)), lgb_call),
        Case("xgboost", "xgboost", ".json", _xgb(False), lambda m, p: m.save_model(str(p)), xgb_call),
        Case("xgboost-categorical", "xgboost", ".ubj", _xgb(True), lambda m, p: m.save_model(str(p)), xgb_call),
        Case("sklearn-hgb", "sklearn", ".joblib",
             _sk(lambda: HistGradientBoostingClassifier(max_iter=30, max_depth=4, learning_rate=0.2, random_state=SEED)), _save_joblib, skl),
        Case("sklearn-gbc", "sklearn", ".joblib",
             _sk(lambda: GradientBoostingClassifier(n_estimators=30, max_depth=3, learning_rate=0.2, random_state=SEED)), _save_joblib, skl,
             nan_free=True),
        Case("sklearn-rf", "sklearn", ".joblib",
             _sk(lambda: RandomForestClassifier(n_estimators=20, max_depth=5, random_state=SEED, n_jobs=1)), _save_joblib, skl),
        Case("sklearn-et", "sklearn", ".joblib",
             _sk(lambda: ExtraTreesClassifier(n_estimators=20, max_depth=5, random_state=SEED, n_jobs=1)), _save_joblib, skl),
        Case("sklearn-dt", "sklearn", ".joblib",
             _sk(lambda: DecisionTreeClassifier(max_depth=5, min_samples_leaf=5, random_state=SEED)), _save_joblib, skl),
        Case("catboost", "catboost", ".cbm", _catboost, lambda m, p: m.save_model(str(p)),
             "CatBoost 1.2.8 save_model(format='onnx')"),
        Case("linear", "sklearn", ".joblib", _sk(lambda: LogisticRegression(max_iter=5000)), _save_joblib, skl,
             nan_free=True, score_nan_free=True),
    ]


def raw_export(case: Case, model, x: np.ndarray) -> onnx.ModelProto:
    """What the converter writes when called the usual way (ZipMap included where it adds one)."""
    if case.flavour == "sklearn":
        from skl2onnx import to_onnx

        with sklearn_attribute_fix():
            return to_onnx(model, x[:1])
    return pin_catboost_metadata(convert(case.flavour, model, x.shape[1], zipmap=True))


def pin_catboost_metadata(model: onnx.ModelProto) -> onnx.ModelProto:
    """CatBoost writes its training time and a fresh GUID into metadata_props; fixed values keep rebuilds byte-identical."""
    for p in model.metadata_props:
        if p.key == "train_finish_time":
            p.value = "2024-01-01T00:00:00Z"
        elif p.key == "model_guid":
            p.value = "00000000-00000000-00000000-00000000"
    return model


# --- what a file says ------------------------------------------------------------------------


def ort_positive(model: onnx.ModelProto, x: np.ndarray) -> np.ndarray:
    """onnxruntime's P(positive), float32 as returned (from a ZipMap's dicts or the [N, 2] tensor)."""
    sess = session(model)
    outputs = sess.run(None, {sess.get_inputs()[0].name: np.asarray(x, np.float32)})
    for o in outputs:
        if isinstance(o, list):
            return np.array([d[1] for d in o], np.float32)
    (tensor,) = [o for o in outputs if isinstance(o, np.ndarray) and o.ndim == 2 and o.dtype == np.float32]
    return tensor[:, 1]


def graph_facts(model: onnx.ModelProto) -> dict:
    """What the converter wrote: operators, opsets, names, post_transform, split modes, covers."""
    inputs = [{"name": i.name, "type": TensorProto.DataType.Name(i.type.tensor_type.elem_type)} for i in model.graph.input]
    outputs = []
    for o in model.graph.output:
        kind = o.type.WhichOneof("value")
        outputs.append({"name": o.name, "type": "sequence(map)" if kind == "sequence_type" else TensorProto.DataType.Name(o.type.tensor_type.elem_type)})
    facts = {
        "producer": f"{model.producer_name} {model.producer_version}".strip(),
        "opsets": {o.domain or "ai.onnx": o.version for o in model.opset_import},
        "ops": [n.op_type for n in model.graph.node],
        "zipmap": any(n.op_type == "ZipMap" for n in model.graph.node),
        "inputs": inputs,
        "outputs": outputs,
    }
    tree_ops = [n for n in model.graph.node if n.op_type.startswith("TreeEnsemble")]
    if not tree_ops:
        (node,) = [n for n in model.graph.node if n.op_type == "LinearClassifier"]
        a = attributes(node)
        facts.update(op="LinearClassifier", post_transform=text(a.get("post_transform", "NONE")),
                     coefficients=len(a["coefficients"]), intercepts=len(a["intercepts"]))
        return facts
    node = tree_node(model)
    a = attributes(node)
    e = read_ensemble(model)
    branch = ~e.is_leaf()
    modes = sorted({m for m, b in zip(e.mode, branch) if b})
    covers = "absent"
    if "nodes_hitrates" in a or "nodes_hitrates_as_tensor" in a:
        values = np.asarray(e.file_covers)[: int(branch.sum()) if e.op == "TreeEnsemble" else None]
        values = values[~np.isnan(values)]
        covers = "placeholder: every node 1.0" if np.all(values == 1.0) else "counts"
    shared = 0
    if e.op != "TreeEnsemble":
        children = np.concatenate([e.true[branch], e.false[branch]])
        shared = int(len(children) - len(set(children)))
    facts.update(
        op=node.op_type,
        post_transform=e.post_transform,
        aggregate=e.aggregate if node.op_type != "TreeEnsembleClassifier" else "none (a classifier sums its weights)",
        base_values=list(a.get("base_values", []) or []),
        class_ids_used=sorted(set(a.get("class_ids", []))) if "class_ids" in a else None,
        modes=modes,
        missing_tracks={"attribute": "nodes_missing_value_tracks_true" in a, "nodes_tracking": int(e.tracks.sum())},
        covers=covers,
        trees=e.n_trees,
        nodes=len(e.mode),
        max_depth=max(explained_depth(e, int(r)) for r in e.roots),
        nodes_with_two_parents=shared,
        notes=e.notes,
    )
    return facts


def output_space_rule(e: Ensemble) -> str:
    if e.op == "TreeEnsembleClassifier":
        if e.post_transform == "LOGISTIC":
            return "TreeEnsembleClassifier with post_transform LOGISTIC: the trees add up log-odds; P = 1/(1+exp(-raw))"
        return "TreeEnsembleClassifier with post_transform NONE: the weights are class shares already divided by the number of trees, so their sum is the averaged probability"
    return f"{e.op} with post_transform {e.post_transform} and aggregate_function {e.aggregate}"


def threshold_rows(e: Ensemble, kit: Ensemble, x: np.ndarray, rng) -> np.ndarray:
    """Score rows with one value set exactly on a split threshold of model.onnx: first where the
    converter rounded the threshold to the float32 on the other side of the library's, then any."""
    numeric = [k for k in range(len(e.mode)) if e.mode[k] in ("LEQ", "LT", "GT", "GTE")]
    if not numeric:
        return np.zeros((0, x.shape[1]), np.float32)
    comparable = kit is not None and np.array_equal(kit.node_id, e.node_id) and np.array_equal(kit.feature, e.feature)
    moved = [k for k in numeric if comparable and kit.threshold[k] != e.threshold[k]]
    chosen = list(rng.permutation(moved)[: THRESHOLD_ROWS // 2]) if moved else []
    rest = [k for k in numeric if k not in chosen]
    chosen += list(rng.choice(rest, THRESHOLD_ROWS - len(chosen), replace=len(rest) < THRESHOLD_ROWS - len(chosen)))
    rows = x[rng.choice(len(x), len(chosen), replace=False)].copy()
    for row, k in zip(rows, chosen):
        row[e.feature[k]] = e.threshold[k]
    return rows


def library_shap(case: Case, model, x: np.ndarray) -> np.ndarray:
    """The library's own path-dependent TreeSHAP through shap.TreeExplainer: [rows, F + 1], base last."""
    import shap

    if case.flavour == "xgboost" and case.name.endswith("categorical"):
        import xgboost as xgb

        # shap's C++ TreeSHAP has no XGBoost categorical splits; XGBoost's own pred_contribs is the same algorithm.
        matrix = xgb.DMatrix(x, missing=np.nan, feature_names=model.feature_names, feature_types=model.feature_types, enable_categorical=True)
        return model.predict(matrix, pred_contribs=True).astype(np.float64)
    explainer = shap.TreeExplainer(model, feature_perturbation="tree_path_dependent")
    phi = np.asarray(explainer.shap_values(x, check_additivity=False), np.float64)
    expected = np.atleast_1d(np.asarray(explainer.expected_value, np.float64))
    if phi.ndim == 3:
        phi, expected = phi[:, :, 1], expected[1:2]
    return np.hstack([phi, np.full((len(x), 1), expected[-1])])


def additivity(contrib: np.ndarray, raw: np.ndarray, what: str) -> float:
    gap = float(np.max(np.abs(contrib.sum(1) - raw)))
    if not gap <= TOLERANCE:
        raise AssertionError(f"{what}: base + Σ contributions misses the raw score by {gap}")
    return gap


def check(gap: float, what: str) -> float:
    if not gap <= TOLERANCE:
        raise AssertionError(f"{what}: {gap} > {TOLERANCE}")
    return gap


# --- one case --------------------------------------------------------------------------------


def write_case(case: Case, rows, folder: Path, rng) -> dict:
    x_train, y_train, x_score, y_score = rows
    if case.nan_free:
        x_train = filled(x_train)
    if case.score_nan_free:
        x_score = filled(x_score)
    folder.mkdir(parents=True, exist_ok=True)
    model = case.train(x_train, y_train)
    raw_onnx = raw_export(case, model, x_train)
    (folder / "model.onnx").write_bytes(raw_onnx.SerializeToString())
    write_rows(folder / "train.csv", x_train, y_train)
    card_file = analyst_card(case.name)
    (folder / "card-file.json").write_text(json.dumps(card_file, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        library_file = Path(tmp) / f"model{case.suffix}"
        case.save(model, library_file)
        # A first pass gives the kit's thresholds, so rows on the thresholds the converter moved can join score.csv.
        write_rows(Path(tmp) / "score.csv", x_score, y_score)
        first = kit_build(model_path=library_file, flavour=case.flavour, train=folder / "train.csv", card_path=folder / "card-file.json")
        is_trees = any(n.op_type.startswith("TreeEnsemble") for n in raw_onnx.graph.node)
        if is_trees:
            extra = threshold_rows(read_ensemble(raw_onnx), read_ensemble(first.model), x_score, rng)
            x_score = np.vstack([x_score, extra]).astype(np.float32)
            y_score = np.concatenate([y_score, y_score[: len(extra)]])
        write_rows(folder / "score.csv", x_score, y_score)
        result = kit_build(model_path=library_file, flavour=case.flavour, train=folder / "train.csv",
                           card_path=folder / "card-file.json", test=folder / "score.csv")
    kit_onnx = pin_catboost_metadata(result.model)
    (folder / "kit.onnx").write_bytes(kit_onnx.SerializeToString())

    p_model = ort_positive(raw_onnx, x_score)
    p_kit = ort_positive(kit_onnx, x_score)
    p_library, scored = library_probability(case.flavour, model, x_score)
    check(float(np.max(np.abs(p_kit[scored] - p_library[scored]))), f"{case.name}: kit.onnx against the library")
    differs = np.flatnonzero(scored & (np.abs(p_model - p_library) > TOLERANCE))

    expected: dict = {
        "case": case.name,
        "library": result.card["model"]["algorithm"].split(", ")[0],
        "converter": case.converter,
        "features": list(FEATURES),
        "label": LABEL_COLUMN,
        "train_rows": int(len(x_train)),
        "score_rows": json_rows(x_score),
        "threshold_rows": list(range(N_SCORE_POS + N_SCORE_NEG, len(x_score))),
        "onnx": graph_facts(raw_onnx),
        "kit_onnx": graph_facts(kit_onnx),
    }
    checks: dict = {}
    if not is_trees:
        linear = read_linear(raw_onnx)
        raw = x_score.astype(np.float64) @ linear.coefficients + linear.intercept
        checks["ort_vs_reader"] = check(float(np.max(np.abs(1 / (1 + np.exp(-raw)) - p_model))), f"{case.name}: reader")
        contrib = linear_shap(linear, x_train, x_score)
        checks["additivity"] = additivity(contrib, raw, case.name)
        kit_linear = read_linear(kit_onnx)
        kit_raw = x_score.astype(np.float64) @ kit_linear.coefficients + kit_linear.intercept
        expected.update(output_space=linear.output_space,
                        output_space_rule="LinearClassifier with post_transform LOGISTIC: x·w + b is the log-odds",
                        probability=floats(p_model), raw_score=floats(raw),
                        linear={"coefficients": floats(linear.coefficients), "intercept": linear.intercept,
                                "background_mean": floats(x_train.astype(np.float64).mean(0))},
                        contrib_linear=matrix(contrib),
                        kit={"probability": floats(p_kit), "raw_score": floats(kit_raw), "contrib_linear": matrix(linear_shap(kit_linear, x_train, x_score))})
    else:
        e = read_ensemble(raw_onnx)
        raw = raw_score(e, x_score)
        checks["ort_vs_reader"] = check(float(np.max(np.abs(probability(e, raw) - p_model))), f"{case.name}: reader against onnxruntime")
        covers_train, covers_score = count_covers(e, x_train), count_covers(e, x_score)
        contrib_train = shap_values(e, covers_train, x_score)
        contrib_score = shap_values(e, covers_score, x_score)
        checks["additivity_train_covers"] = additivity(contrib_train, raw, f"{case.name} train covers")
        checks["additivity_score_covers"] = additivity(contrib_score, raw, f"{case.name} score covers")

        k = read_ensemble(kit_onnx)
        kit_covers = k.file_covers
        if not np.array_equal(kit_covers, count_covers(k, x_train)):
            raise AssertionError(f"{case.name}: kit.onnx covers are not the training counts")
        kit_raw = raw_score(k, x_score)
        checks["kit_ort_vs_reader"] = check(float(np.max(np.abs(probability(k, kit_raw) - p_kit))), f"{case.name}: kit reader")
        kit_contrib = shap_values(k, kit_covers, x_score)
        checks["kit_additivity"] = additivity(kit_contrib, kit_raw, f"{case.name} kit")
        checks.update(library_proof(case, model, k, x_train, x_score))
        expected.update(
            output_space=e.output_space,
            output_space_rule=output_space_rule(e),
            probability=floats(p_model),
            raw_score=floats(raw),
            contrib_train_covers=matrix(contrib_train),
            contrib_score_covers=matrix(contrib_score),
            covers_train=floats(covers_train),
            covers_score=floats(covers_score),
            kit={
                "probability": floats(p_kit),
                "raw_score": floats(kit_raw),
                "contrib": matrix(kit_contrib),
                "covers": floats(kit_covers),
                "thresholds_moved": result.fix.thresholds_moved,
                "missing_tracks_changed": result.fix.missing_tracks_changed,
            },
        )
    expected["library_probability"] = floats(np.where(scored, p_library, np.nan))
    expected["rows_where_model_onnx_differs_from_library"] = [int(i) for i in differs]
    expected["card_problems"] = result.problems
    expected["checks"] = checks
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n", encoding="utf-8")
    return expected


def linear_shap(linear, x_train: np.ndarray, x: np.ndarray) -> np.ndarray:
    """shap.LinearExplainer with the training mean as background: φ_j = w_j (x_j − mean_j), base = w·mean + b."""
    import shap

    mean = x_train.astype(np.float64).mean(0, keepdims=True)
    explainer = shap.LinearExplainer((linear.coefficients, linear.intercept), mean)
    phi = np.asarray(explainer.shap_values(x.astype(np.float64)), np.float64)
    base = float(np.atleast_1d(explainer.expected_value)[0])
    by_hand = linear.coefficients * (x.astype(np.float64) - mean)
    check(float(np.max(np.abs(phi - by_hand))), "LinearExplainer against w (x − mean)")
    return np.hstack([phi, np.full((len(x), 1), base)])


def library_proof(case: Case, model, k: Ensemble, x_train: np.ndarray, x_score: np.ndarray) -> dict:
    """shap on the kit's ONNX trees with the library's own covers equals shap on the library's model."""
    rows = x_score
    if case.nan_free:
        rows = x_score[~np.isnan(x_score).any(1)]
    trees = library_trees_of(case.flavour, model)
    if trees is None:  # CatBoost: its leaf weights are the training counts the kit wrote
        covers = k.file_covers
        same = True
    else:
        alignment = align(k, trees)
        covers = library_covers(alignment, trees)
        counted = count_covers(k, x_train)
        usable = ~np.isnan(covers)
        same = bool(np.allclose(covers[usable], counted[usable]))
    ours = shap_values(k, covers, rows)
    theirs = library_shap(case, model, rows)
    gap = check(float(np.max(np.abs(ours - theirs))), f"{case.name}: shap on the ONNX trees against shap on the library")
    return {"shap_onnx_trees_vs_library": gap, "library_covers_are_training_counts": same, "rows_compared_with_library_shap": int(len(rows))}


# --- ai.onnx.ml 5 ----------------------------------------------------------------------------


def as_tree_ensemble_v5(e: Ensemble, covers: np.ndarray | None, n_features: int, card: str | None) -> onnx.ModelProto:
    """The same trees as one TreeEnsemble (ai.onnx.ml 5), BRANCH_EQ chains as BRANCH_MEMBER sets.

    No converter in the pinned set writes this operator, so the v5 case is this rewrite. The
    ensemble's post_transform is NONE and a Sigmoid follows it: onnxruntime ignores LOGISTIC on
    a single-target TreeEnsemble (models/oracles/ort_cases.py pins that). The graph ends in
    "probabilities" [N, 2] = [1 − p, p].
    """
    modes, splits, features, tracks, hit = [], [], [], [], []
    true_ids, true_leaf, false_ids, false_leaf, members = [], [], [], [], []
    leaf_weights, roots = [], []

    def add(k: int) -> tuple[int, int]:
        if e.true[k] < 0:
            leaf_weights.append(e.value[k])
            return len(leaf_weights) - 1, 1
        split, _ = explained_split(e, k)
        i = len(modes)
        for column in (modes, splits, features, tracks, hit, true_ids, true_leaf, false_ids, false_leaf):
            column.append(0)
        features[i] = split.feature
        hit[i] = float(covers[k]) if covers is not None else 0.0
        if split.members is not None:
            modes[i], tracks[i] = V5_MODES.index("MEMBER"), int(split.default_left)
            members.append(sorted(split.members))
            true_ids[i], true_leaf[i] = add(split.left)
            false_ids[i], false_leaf[i] = add(split.right)
        else:
            modes[i], splits[i], tracks[i] = V5_MODES.index(e.mode[k]), float(e.threshold[k]), int(e.tracks[k])
            true_ids[i], true_leaf[i] = add(int(e.true[k]))
            false_ids[i], false_leaf[i] = add(int(e.false[k]))
        return i, 0

    for r in e.roots:
        index, is_leaf = add(int(r))
        if is_leaf:
            raise ValueError("a tree that is one leaf has no root branch in this rewrite")
        roots.append(index)
    membership = []
    for m in members:
        membership += m + [np.nan]
    attrs = dict(
        n_targets=1,
        aggregate_function=1,
        post_transform=0,
        tree_roots=roots,
        nodes_modes=numpy_helper.from_array(np.asarray(modes, np.uint8), "nodes_modes"),
        nodes_splits=numpy_helper.from_array(np.asarray(splits, np.float32), "nodes_splits"),
        nodes_featureids=features,
        nodes_missing_value_tracks_true=tracks,
        nodes_truenodeids=true_ids,
        nodes_trueleafs=true_leaf,
        nodes_falsenodeids=false_ids,
        nodes_falseleafs=false_leaf,
        leaf_targetids=[0] * len(leaf_weights),
        leaf_weights=numpy_helper.from_array(np.asarray(leaf_weights, np.float32), "leaf_weights"),
    )
    if membership:
        attrs["membership_values"] = numpy_helper.from_array(np.asarray(membership[:-1], np.float32), "membership_values")
    if covers is not None:
        attrs["nodes_hitrates"] = numpy_helper.from_array(np.asarray(hit, np.float32), "nodes_hitrates")
    nodes = [
        helper.make_node("TreeEnsemble", ["input"], ["raw"], domain="ai.onnx.ml", **attrs),
        helper.make_node("Sigmoid", ["raw"], ["p"]),
        helper.make_node("Sub", ["one", "p"], ["q"]),
        helper.make_node("Concat", ["q", "p"], ["probabilities"], axis=1),
    ]
    graph = helper.make_graph(
        nodes,
        "tree-ensemble-v5",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", n_features])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])],
        [numpy_helper.from_array(np.ones((1, 1), np.float32), "one")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid("ai.onnx.ml", 5)],
                              producer_name="models/exporter_fixtures.py")
    model.ir_version = 10
    if card is not None:
        entry = model.metadata_props.add()
        entry.key, entry.value = "model_card", card
    onnx.checker.check_model(model)
    return model


def write_v5_case(source: Path, rows, folder: Path) -> dict:
    """lightgbm-categorical's kit trees (float32-exact thresholds) as TreeEnsemble, without covers.

    No kit.onnx here: ai.onnx.ml 5 keeps nodes_hitrates for branch nodes only, so a leaf whose
    sibling is a leaf has no place for its count, and the kit writes ai.onnx.ml 3 instead.
    """
    x_train, _, _, _ = rows
    folder.mkdir(parents=True, exist_ok=True)
    kit_source = onnx.load(str(source / "kit.onnx"))
    raw_v5 = as_tree_ensemble_v5(read_ensemble(kit_source), None, len(FEATURES), None)
    (folder / "model.onnx").write_bytes(raw_v5.SerializeToString())
    for name in ("train.csv", "score.csv"):
        shutil.copyfile(source / name, folder / name)
    before = json.loads((source / "expected.json").read_text(encoding="utf-8"))
    x_score = np.array([[np.nan if v is None else v for v in row] for row in before["score_rows"]], np.float32)
    v5 = read_ensemble(raw_v5)
    raw = raw_score(v5, x_score)
    p_model = ort_positive(raw_v5, x_score)
    checks = {"ort_vs_reader": check(float(np.max(np.abs(1 / (1 + np.exp(-raw)) - p_model))), "v5 reader against onnxruntime")}
    checks["same_raw_as_source_kit"] = check(float(np.max(np.abs(raw - np.asarray(before["kit"]["raw_score"])))), "v5 against its source")
    covers_train, covers_score = count_covers(v5, x_train), count_covers(v5, x_score)
    contrib_train = shap_values(v5, covers_train, x_score)
    contrib_score = shap_values(v5, covers_score, x_score)
    checks["additivity_train_covers"] = additivity(contrib_train, raw, "v5 train covers")
    checks["additivity_score_covers"] = additivity(contrib_score, raw, "v5 score covers")
    checks["train_covers_contrib_equal_source_kit"] = check(
        float(np.max(np.abs(contrib_train - np.asarray(before["kit"]["contrib"])))), "v5 against the categorical kit")
    p_library = np.array([np.nan if v is None else v for v in before["library_probability"]])
    expected = {
        "case": "tree-ensemble-v5",
        "library": before["library"],
        "converter": ("none: no converter in models/requirements.txt writes ai.onnx.ml 5 TreeEnsemble; models/exporter_fixtures.py "
                      "rewrote lightgbm-categorical/kit.onnx (float32-exact thresholds, BRANCH_EQ chains as BRANCH_MEMBER sets)"),
        "features": list(FEATURES),
        "label": LABEL_COLUMN,
        "train_rows": before["train_rows"],
        "score_rows": before["score_rows"],
        "threshold_rows": before["threshold_rows"],
        "onnx": graph_facts(raw_v5),
        "output_space": "log-odds",
        "output_space_rule": ("TreeEnsemble with post_transform NONE (0) and aggregate_function SUM (1), then a Sigmoid node: "
                              "the trees add up log-odds (onnxruntime ignores LOGISTIC on a single-target TreeEnsemble)"),
        "probability": floats(p_model),
        "raw_score": floats(raw),
        "contrib_train_covers": matrix(contrib_train),
        "contrib_score_covers": matrix(contrib_score),
        "covers_train": floats(covers_train),
        "covers_score": floats(covers_score),
        "library_probability": before["library_probability"],
        "rows_where_model_onnx_differs_from_library": [int(i) for i in np.flatnonzero(np.abs(p_model - p_library) > TOLERANCE)],
        "checks": checks,
    }
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n", encoding="utf-8")
    return expected


# --- files the app must refuse ---------------------------------------------------------------


def write_bad(folder: Path, good: Path, rows) -> dict:
    """Each file and why the app must refuse it (bad/README.md says the same)."""
    folder.mkdir(parents=True, exist_ok=True)
    x_train, y_train, _, _ = rows
    notes = {}
    data = (good / "model.onnx").read_bytes()
    (folder / "truncated.onnx").write_bytes(data[: len(data) // 2])
    notes["truncated.onnx"] = f"the first {len(data) // 2} of lightgbm/model.onnx's {len(data)} bytes: not a whole protobuf"
    (folder / "not-onnx.onnx").write_bytes(b"skattyter_id,alder\n1,45\n")
    notes["not-onnx.onnx"] = "a CSV file named .onnx"

    import lightgbm as lgb
    from onnxmltools import convert_lightgbm
    from onnxmltools.convert.common.data_types import FloatTensorType
    from skl2onnx.common.data_types import Int64TensorType

    y3 = np.where(y_train == 1, 2, np.asarray(x_train[:, 0] > 45, int))
    booster = lgb.train({"objective": "multiclass", "num_class": 3, "num_leaves": 4, "num_threads": 1, "deterministic": True,
                         "seed": SEED, "verbosity": -1}, lgb.Dataset(x_train, y3), num_boost_round=3)
    multi = convert_lightgbm(booster, name="model", initial_types=[("input", FloatTensorType([None, len(FEATURES)]))], zipmap=False, target_opset=15)
    (folder / "multiclass.onnx").write_bytes(multi.SerializeToString())
    notes["multiclass.onnx"] = "LightGBM with 3 classes (onnxmltools, no ZipMap): probabilities [N, 3], post_transform SOFTMAX"

    from sklearn.tree import DecisionTreeClassifier
    from skl2onnx import to_onnx

    tree = DecisionTreeClassifier(max_depth=3, random_state=SEED).fit(filled(x_train).astype(np.int64), y_train)
    with sklearn_attribute_fix():
        int_input = to_onnx(tree, initial_types=[("input", Int64TensorType([None, len(FEATURES)]))], options={id(tree): {"zipmap": False}},
                            target_opset={"": 15, "ai.onnx.ml": 3})
    (folder / "int64-input.onnx").write_bytes(int_input.SerializeToString())
    notes["int64-input.onnx"] = "skl2onnx DecisionTreeClassifier with an int64 input [N, 8] (the converter casts it to float inside): the app feeds float32"

    kit = onnx.load(str(good / "kit.onnx"))
    broken = onnx.ModelProto()
    broken.CopyFrom(kit)
    for p in broken.metadata_props:
        if p.key == "model_card":
            p.value = "{not json"
    (folder / "card-not-json.onnx").write_bytes(broken.SerializeToString())
    notes["card-not-json.onnx"] = 'lightgbm/kit.onnx with metadata_props["model_card"] = "{not json"'

    wide = onnx.ModelProto()
    wide.CopyFrom(kit)
    for p in wide.metadata_props:
        if p.key == "model_card":
            card = json.loads(p.value)
            extra = json.loads(json.dumps(card["features"][-1]))
            extra.update(name="ekstra_kolonne", index=len(card["features"]))
            card["features"].append(extra)
            p.value = json.dumps(card, ensure_ascii=False, separators=(",", ":"))
    (folder / "card-more-features-than-input.onnx").write_bytes(wide.SerializeToString())
    notes["card-more-features-than-input.onnx"] = f"lightgbm/kit.onnx whose card lists {len(FEATURES) + 1} features for an input of width {len(FEATURES)}"

    huge_v5, declared_v5 = huge_shared_v5(trees=10_000, depth=20)
    (folder / "huge-declared-v5.onnx").write_bytes(huge_v5.SerializeToString())
    notes["huge-declared-v5.onnx"] = (f"TreeEnsemble (ai.onnx.ml 5): 10,000 tree_roots all pointing at one depth-20 chain whose both branches "
                                      f"lead to the next node: {len(huge_v5.SerializeToString())} bytes that unfold into {declared_v5:,} nodes "
                                      "(10,000 complete trees of depth 20). Never give it to onnxruntime: it unfolds it too.")
    huge_v3, declared_v3 = huge_dag_v3(depth=30)
    (folder / "huge-dag-v3.onnx").write_bytes(huge_v3.SerializeToString())
    notes["huge-dag-v3.onnx"] = (f"TreeEnsembleClassifier (ai.onnx.ml 3): one tree of 31 nodes, each branch's two children the same next node, "
                                 f"so laid out per path it is a complete tree of depth 30 ({declared_v3:,} nodes). Never give it to onnxruntime.")
    for name in ("truncated.onnx", "not-onnx.onnx"):
        try:
            onnx.load_from_string((folder / name).read_bytes())
        except Exception:  # noqa: BLE001 - any parse failure is the point
            continue
        raise AssertionError(f"{name} parses as ONNX")
    for name in ("multiclass.onnx", "int64-input.onnx", "card-not-json.onnx", "card-more-features-than-input.onnx"):
        session(onnx.load(str(folder / name)))  # valid files onnxruntime runs: the app must refuse them itself
    onnx.checker.check_model(huge_v5)
    onnx.checker.check_model(huge_v3)
    (folder / "README.md").write_text(bad_readme(notes), encoding="utf-8")
    return notes


def huge_shared_v5(trees: int, depth: int) -> tuple[onnx.ModelProto, int]:
    n = depth
    attrs = dict(
        n_targets=1, aggregate_function=1, post_transform=2, tree_roots=[0] * trees,
        nodes_modes=numpy_helper.from_array(np.zeros(n, np.uint8), "nodes_modes"),
        nodes_splits=numpy_helper.from_array(np.arange(n, dtype=np.float32), "nodes_splits"),
        nodes_featureids=[i % len(FEATURES) for i in range(n)],
        nodes_truenodeids=[i + 1 if i + 1 < n else 0 for i in range(n)],
        nodes_trueleafs=[0 if i + 1 < n else 1 for i in range(n)],
        nodes_falsenodeids=[i + 1 if i + 1 < n else 0 for i in range(n)],
        nodes_falseleafs=[0 if i + 1 < n else 1 for i in range(n)],
        leaf_targetids=[0], leaf_weights=numpy_helper.from_array(np.array([0.01], np.float32), "leaf_weights"),
    )
    graph = helper.make_graph([helper.make_node("TreeEnsemble", ["input"], ["p"], domain="ai.onnx.ml", **attrs)], "huge",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", len(FEATURES)])],
                              [helper.make_tensor_value_info("p", TensorProto.FLOAT, ["N", 1])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid("ai.onnx.ml", 5)],
                              producer_name="models/exporter_fixtures.py")
    model.ir_version = 10
    return model, trees * (2 ** (depth + 1) - 1)


def huge_dag_v3(depth: int) -> tuple[onnx.ModelProto, int]:
    n = depth + 1
    modes = ["BRANCH_LEQ"] * depth + ["LEAF"]
    node = helper.make_node(
        "TreeEnsembleClassifier", ["input"], ["label", "probabilities"], domain="ai.onnx.ml",
        classlabels_int64s=[0, 1], post_transform="LOGISTIC",
        nodes_treeids=[0] * n, nodes_nodeids=list(range(n)), nodes_featureids=[i % len(FEATURES) for i in range(n)],
        nodes_modes=modes, nodes_values=[float(i) for i in range(n)],
        nodes_truenodeids=[min(i + 1, depth) if i < depth else 0 for i in range(n)],
        nodes_falsenodeids=[min(i + 1, depth) if i < depth else 0 for i in range(n)],
        class_treeids=[0], class_nodeids=[depth], class_ids=[0], class_weights=[0.01],
    )
    graph = helper.make_graph([node], "huge-dag",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", len(FEATURES)])],
                              [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
                               helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15), helper.make_opsetid("ai.onnx.ml", 3)],
                              producer_name="models/exporter_fixtures.py")
    model.ir_version = 8
    return model, 2 ** (depth + 1) - 1


def bad_readme(notes: dict) -> str:
    lines = ["# Files the app must refuse", "", "Written by `models/exporter_fixtures.py`; each with what is wrong with it.", ""]
    lines += [f"- `{name}`: {why.rstrip('.')}." for name, why in notes.items()]
    return "\n".join(lines) + "\n"


# --- everything ------------------------------------------------------------------------------


def main(only: list[str] | None = None) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # skl2onnx lists opsets in set order, which string hashing shuffles between runs.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        return subprocess.run([sys.executable, str(Path(__file__).resolve()), *(only or [])], env=env).returncode
    rows = fixture_rows()
    rng = np.random.default_rng(SEED + 1)
    index = {}
    for case in cases():
        if only and case.name not in only:
            continue
        expected = write_case(case, rows, OUT / case.name, rng)
        index[case.name] = summary(expected)
        print(f"{case.name}: {index[case.name]['onnx']['ops']} output space {expected['output_space']}, "
              f"checks {json.dumps(expected['checks'])}")
    if not only or "tree-ensemble-v5" in only:
        expected = write_v5_case(OUT / "lightgbm-categorical", rows, OUT / "tree-ensemble-v5")
        index["tree-ensemble-v5"] = summary(expected)
        print(f"tree-ensemble-v5: checks {json.dumps(expected['checks'])}")
    if not only or "bad" in only:
        write_bad(OUT / "bad", OUT / "lightgbm", rows)
    if not only:
        (OUT / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {OUT.relative_to(C.REPO)} ({size / 1e6:.2f} MB)")
    return 0


def summary(expected: dict) -> dict:
    return {
        "library": expected["library"],
        "converter": expected["converter"],
        "output_space": expected["output_space"],
        "onnx": expected["onnx"],
        "kit_onnx": {k: expected["kit_onnx"][k] for k in ("ops", "zipmap", "covers") if k in expected.get("kit_onnx", {})},
        "rows_where_model_onnx_differs_from_library": len(expected["rows_where_model_onnx_differs_from_library"]),
        "card_problems": expected.get("card_problems"),
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or None))
