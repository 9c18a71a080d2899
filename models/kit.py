"""Bring your own model: turns an analyst's trained binary classifier into the ONNX file the app loads.

    python3 models/kit.py --model model.txt --flavour lightgbm --train train.csv \\
        --card card.json --output model.onnx [--test test.csv] [--label COLUMN] [--require-full-card]

--model is the library's own saved format: LightGBM's text model (also gzipped, .gz),
XGBoost's JSON or UBJ (Booster.save_model), a scikit-learn estimator saved with joblib or
pickle (DecisionTree-, RandomForest-, ExtraTrees-, GradientBoosting- and
HistGradientBoostingClassifier, or LogisticRegression), or CatBoost's .cbm. A pickle runs
code when it loads: only load your own.

What the file gets, as the bundled model's export does (export.py), sharing its code:
1. converted without a ZipMap (onnxmltools / skl2onnx with zipmap off; CatBoost's own ONNX
   export with its ZipMap cut off), input "input" float32 [N, F] in the card's feature order,
   output "probabilities" float32 [N, 2] (column 1 = the positive class) and "label" [N];
2. every threshold moved to the float32 that branches exactly as the library does
   (library_trees.float32_threshold), and scikit-learn's missing-value directions, which
   skl2onnx 1.20 drops, written into nodes_missing_value_tracks_true;
3. nodes_hitrates: how many training rows pass through each node, every row routed through
   every tree in float32 (onnx_trees.count_covers);
4. the model card in metadata_props["model_card"] (card.kit_card): the card file's fields,
   training summaries per feature, test metrics and gains when --test and a label are given;
5. a check: onnxruntime on the finished file against the library's own predict_proba, on the
   training rows and the test rows, within 1e-5; the command fails otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import onnx
import pandas as pd
from onnx import TensorProto, helper

from card import card_problems, kit_card
from export import TARGET_OPSET, name_dims, predict_onnx, session, set_attribute, set_card
from export_with_card import build_date
from library_trees import align, exact_thresholds, lightgbm_trees, missing_tracks, sklearn_trees, xgboost_trees
from onnx_trees import explained_depth, read_ensemble, tree_node, count_covers
from ranking_metrics import evaluate, gains

FLAVOURS = ("lightgbm", "xgboost", "sklearn", "catboost")
PARITY_TOLERANCE = 1e-5
INPUT = "input"
PROBABILITIES = "probabilities"
SKLEARN_TREES = (
    "DecisionTreeClassifier",
    "RandomForestClassifier",
    "ExtraTreesClassifier",
    "GradientBoostingClassifier",
    "HistGradientBoostingClassifier",
)
SKLEARN_LINEAR = ("LogisticRegression",)
# scikit-learn estimators whose predict refuses NaN: a missing value goes where ONNX sends it.
SKLEARN_NO_NAN = ("GradientBoostingClassifier", "LogisticRegression")


class KitError(Exception):
    """What the analyst must change (the message says what); the command exits with status 2."""


# --- loading ---------------------------------------------------------------------------------


def load_model(flavour: str, path: Path):
    if flavour == "lightgbm":
        import lightgbm as lgb

        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as f:
                booster = lgb.Booster(model_str=f.read())
        else:
            booster = lgb.Booster(model_file=str(path))
        objective = booster.dump_model().get("objective", "")
        if not str(objective).startswith(("binary", "cross_entropy")):
            raise KitError(f"LightGBM objective {objective!r}: the kit takes binary classifiers")
        return booster
    if flavour == "xgboost":
        import xgboost as xgb

        booster = xgb.Booster()
        booster.load_model(str(path))
        objective = json.loads(booster.save_config())["learner"]["objective"]["name"]
        if objective not in ("binary:logistic", "reg:logistic"):
            raise KitError(f"XGBoost objective {objective!r}: the kit takes binary:logistic")
        return booster
    if flavour == "sklearn":
        import joblib

        model = joblib.load(path)
        name = type(model).__name__
        if name not in SKLEARN_TREES + SKLEARN_LINEAR:
            raise KitError(f"scikit-learn {name}: the kit takes {', '.join(SKLEARN_TREES + SKLEARN_LINEAR)}")
        if len(model.classes_) != 2:
            raise KitError(f"{name} has {len(model.classes_)} classes: the kit takes binary classifiers")
        return model
    if flavour == "catboost":
        from catboost import CatBoostClassifier

        model = CatBoostClassifier()
        model.load_model(str(path))
        if len(model.classes_) != 2:
            raise KitError(f"CatBoost model with {len(model.classes_)} classes: the kit takes binary classifiers")
        if model.get_cat_feature_indices():
            raise KitError("CatBoost categorical features (one-hot or CTR) are computed outside the trees: not supported")
        return model
    raise KitError(f"unknown flavour {flavour!r}: one of {', '.join(FLAVOURS)}")


def n_features_of(flavour: str, model) -> int:
    if flavour == "lightgbm":
        return model.num_feature()
    if flavour == "xgboost":
        return model.num_features()
    if flavour == "sklearn":
        return int(model.n_features_in_)
    return len(model.feature_names_)


def library_probability(flavour: str, model, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(P(positive) from the library itself, mask of the rows it could score)."""
    x = np.asarray(x, np.float32)
    ok = np.ones(len(x), bool)
    if flavour == "lightgbm":
        return model.predict(x), ok
    if flavour == "xgboost":
        import xgboost as xgb

        types = model.feature_types if model.feature_types and "c" in model.feature_types else None
        matrix = xgb.DMatrix(x, missing=np.nan, feature_names=model.feature_names, feature_types=types, enable_categorical=types is not None)
        return model.predict(matrix), ok
    if flavour == "sklearn" and type(model).__name__ in SKLEARN_NO_NAN:
        ok = ~np.isnan(x).any(1)
    p = np.full(len(x), np.nan)
    if ok.any():
        p[ok] = model.predict_proba(x[ok])[:, 1]
    return p, ok


# --- converting ------------------------------------------------------------------------------


@contextmanager
def sklearn_attribute_fix():
    """skl2onnx 1.20 hands numpy bools to onnx.helper.make_attribute for HistGradientBoosting's
    missing-value tracks, which it rejects; for the conversion only, bools become ints."""
    original = helper.make_attribute

    def make_attribute(key, value, *args, **kwargs):
        if isinstance(value, (list, tuple)) and any(isinstance(v, (bool, np.bool_)) for v in value):
            value = [int(v) for v in value]
        return original(key, value, *args, **kwargs)

    helper.make_attribute = make_attribute
    try:
        yield
    finally:
        helper.make_attribute = original


def convert(flavour: str, model, n_features: int, *, zipmap: bool = False) -> onnx.ModelProto:
    """The converter's own output (zipmap=True: as each converter writes it by default)."""
    from onnxmltools.convert.common.data_types import FloatTensorType

    types = [(INPUT, FloatTensorType([None, n_features]))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if flavour == "lightgbm":
            from onnxmltools import convert_lightgbm

            # A fixed graph name: onnxmltools otherwise draws a random one, and rebuilds differ.
            return convert_lightgbm(model, name="model", initial_types=types, zipmap=zipmap, target_opset=TARGET_OPSET)
        if flavour == "xgboost":
            from onnxmltools import convert_xgboost

            # onnxmltools reads features as f0, f1, …; a booster trained on named columns keeps the names.
            booster = model.copy()
            kinds = booster.feature_types
            booster.feature_names = [f"f{i}" for i in range(n_features)]
            booster.feature_types = kinds
            return convert_xgboost(booster, name="model", initial_types=types, target_opset=TARGET_OPSET)
        if flavour == "sklearn":
            from skl2onnx import to_onnx
            from skl2onnx.common.data_types import FloatTensorType as SklFloat

            options = {id(model): {"zipmap": False}} if not zipmap else None
            with sklearn_attribute_fix():
                return to_onnx(model, initial_types=[(INPUT, SklFloat([None, n_features]))], options=options, target_opset={"": TARGET_OPSET, "ai.onnx.ml": 3})
        if flavour == "catboost":
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "model.onnx"
                model.save_model(str(path), format="onnx")
                return onnx.load(str(path))
    raise KitError(f"unknown flavour {flavour!r}")


def rename_value(model: onnx.ModelProto, old: str, new: str) -> None:
    if old == new:
        return
    for node in model.graph.node:
        node.input[:] = [new if n == old else n for n in node.input]
        node.output[:] = [new if n == old else n for n in node.output]
    for value in [*model.graph.input, *model.graph.output, *model.graph.value_info]:
        if value.name == old:
            value.name = new


def drop_zipmap(model: onnx.ModelProto) -> bool:
    """Cuts every ZipMap off the graph: the probability tensor it read becomes the output in its place."""
    zipmaps = [n for n in model.graph.node if n.op_type == "ZipMap"]
    for z in zipmaps:
        (tensor,), (out,) = z.input, z.output
        model.graph.node.remove(z)
        for value in model.graph.output:
            if value.name == out:
                value.type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, ["N", 2]))
        rename_value(model, tensor, out)
    return bool(zipmaps)


def normalise_io(model: onnx.ModelProto, n_features: int) -> None:
    """Input "input" [N, F]; outputs "label" [N] and "probabilities" [N, 2], as the app reads them."""
    drop_zipmap(model)
    (inp,) = model.graph.input
    rename_value(model, inp.name, INPUT)
    name_dims(model.graph.input[0], ["N", n_features])
    outputs = list(model.graph.output)
    if len(outputs) != 2:
        raise KitError(f"the converted graph has {len(outputs)} outputs, not a label and probabilities")
    label = next(o for o in outputs if o.type.tensor_type.elem_type != TensorProto.FLOAT)
    probabilities = next(o for o in outputs if o is not label)
    rename_value(model, probabilities.name, PROBABILITIES)
    rename_value(model, label.name, "label")
    for value in model.graph.output:
        name_dims(value, ["N", 2] if value.name == PROBABILITIES else ["N"])


def library_trees_of(flavour: str, model):
    """The library's own trees, to match ONNX nodes against (CatBoost: none, its thresholds are float32 already)."""
    if flavour == "lightgbm":
        return lightgbm_trees(model)
    if flavour == "xgboost":
        return xgboost_trees(model)
    if flavour == "sklearn":
        return sklearn_trees(model)
    return None


@dataclass
class TreeFix:
    thresholds_moved: int = 0
    missing_tracks_changed: int = 0
    notes: list[str] = field(default_factory=list)


def fix_trees(flavour: str, model, onx: onnx.ModelProto, x_train: np.ndarray) -> TreeFix:
    """float32-exact thresholds, the library's missing-value directions, and training counts as covers."""
    node = tree_node(onx)
    ensemble = read_ensemble(onx)
    fix = TreeFix()
    trees = library_trees_of(flavour, model)
    branch = ~ensemble.is_leaf()
    if trees is not None:
        alignment = align(ensemble, trees)
        thresholds = exact_thresholds(ensemble, alignment, trees)
        fix.thresholds_moved = int((thresholds[branch] != ensemble.threshold[branch]).sum())
        tracks = ensemble.tracks
        if flavour == "sklearn" and type(model).__name__ not in SKLEARN_NO_NAN:
            tracks = missing_tracks(ensemble, alignment, trees)
            fix.missing_tracks_changed = int((tracks != ensemble.tracks).sum())
        if ensemble.op == "TreeEnsemble":
            raise KitError("the kit writes ai.onnx.ml 3 tree ensembles; this converter wrote opset 5")
        for name in ("nodes_values_as_tensor", "nodes_hitrates_as_tensor"):
            kept = [a for a in node.attribute if a.name != name]
            del node.attribute[:]
            node.attribute.extend(kept)
        set_attribute(node, helper.make_attribute("nodes_values", [float(t) for t in thresholds]))
        set_attribute(node, helper.make_attribute("nodes_missing_value_tracks_true", [int(t) for t in tracks]))
        ensemble = read_ensemble(onx)
    covers = count_covers(ensemble, x_train)
    set_attribute(node, helper.make_attribute("nodes_hitrates", [float(c) for c in covers]))
    if (covers[ensemble.is_leaf()] == 0).any():
        fix.notes.append(f"{int((covers[ensemble.is_leaf()] == 0).sum())} leaves no training row reaches (cover 0)")
    return fix


def depth_and_trees(onx: onnx.ModelProto) -> tuple[int, int]:
    ensemble = read_ensemble(onx)
    return ensemble.n_trees, max(explained_depth(ensemble, int(r)) for r in ensemble.roots)


def algorithm(flavour: str, model) -> str:
    import onnxmltools
    import skl2onnx

    if flavour == "lightgbm":
        import lightgbm as lgb

        return f"LightGBM {lgb.__version__} gradient-boosted trees, converted by onnxmltools {onnxmltools.__version__}"
    if flavour == "xgboost":
        import xgboost as xgb

        return f"XGBoost {xgb.__version__} gradient-boosted trees (binary:logistic), converted by onnxmltools {onnxmltools.__version__}"
    if flavour == "sklearn":
        import sklearn

        return f"scikit-learn {sklearn.__version__} {type(model).__name__}, converted by skl2onnx {skl2onnx.__version__}"
    import catboost

    return f"CatBoost {catboost.__version__} gradient-boosted oblivious trees, exported by CatBoost's own ONNX writer"


# --- data ------------------------------------------------------------------------------------


def read_table(path: Path, names: list[str], label: str | None) -> tuple[np.ndarray, np.ndarray | None]:
    """float32 [rows, features] in the card's order (NaN = empty cell) and the label column when present."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise KitError(f"{path.name} lacks the card's feature column(s) {', '.join(missing)}")
    columns = []
    for n in names:
        cells = frame[n].str.strip()
        values = pd.to_numeric(cells.where(cells != "", None), errors="coerce")
        bad = values.isna() & (cells != "")
        if bad.any():
            raise KitError(f"{path.name}, column {n}: {cells[bad].iloc[0]!r} on data line {int(np.flatnonzero(bad)[0]) + 1} is not a number")
        columns.append(values.to_numpy(np.float64))
    x = np.column_stack(columns).astype(np.float32) if columns else np.zeros((len(frame), 0), np.float32)
    y = None
    if label and label in frame.columns:
        y = pd.to_numeric(frame[label]).to_numpy()
        if not np.isin(y, (0, 1)).all():
            raise KitError(f"{path.name}, label {label}: values must be 0 or 1")
        y = y.astype(int)
    return x, y


# --- the command -----------------------------------------------------------------------------


@dataclass
class KitResult:
    model: onnx.ModelProto
    card: dict
    problems: list[str]
    gap_train: float
    gap_test: float | None
    fix: TreeFix | None
    unscored_by_library: int


def check_parity(flavour: str, model, sess, x: np.ndarray) -> tuple[float, int]:
    expected, ok = library_probability(flavour, model, x)
    got = predict_onnx(sess, x)
    gap = float(np.max(np.abs(got[ok] - expected[ok]))) if ok.any() else 0.0
    return gap, int((~ok).sum())


def build(
    *,
    model_path: Path,
    flavour: str,
    train: Path,
    card_path: Path,
    test: Path | None = None,
    label: str | None = None,
    model_id: str | None = None,
) -> KitResult:
    analyst = json.loads(Path(card_path).read_text(encoding="utf-8"))
    if not isinstance(analyst, dict) or not analyst.get("features"):
        raise KitError('the card file needs "features": [{"name": ...}, ...] in the model\'s input order')
    names = [f["name"] for f in analyst["features"]]
    given_label = analyst.get("label") or {}
    label = label or (given_label if isinstance(given_label, str) else given_label.get("name"))
    model = load_model(flavour, Path(model_path))
    n_features = n_features_of(flavour, model)
    if n_features != len(names):
        raise KitError(f"the model takes {n_features} features, the card file lists {len(names)}")
    x_train, y_train = read_table(Path(train), names, label)
    onx = convert(flavour, model, n_features)
    normalise_io(onx, n_features)
    is_trees = any(n.op_type.startswith("TreeEnsemble") for n in onx.graph.node)
    fix = fix_trees(flavour, model, onx, x_train) if is_trees else None
    if is_trees:
        n_trees, max_depth = depth_and_trees(onx)
        raw_space = read_ensemble(onx).output_space
    else:
        n_trees, max_depth, raw_space = 0, 0, "log-odds"
    sess = session(onx)
    gap_train, unscored = check_parity(flavour, model, sess, x_train)
    metrics = gain_table = None
    gap_test, n_test = None, 0
    if test is not None:
        x_test, y_test = read_table(Path(test), names, label)
        gap_test, skipped = check_parity(flavour, model, sess, x_test)
        unscored += skipped
        n_test = len(x_test)
        if y_test is None:
            raise KitError(f"--test needs the label column {label!r} in {Path(test).name}")
        prob = predict_onnx(sess, x_test)
        metrics, gain_table = evaluate(y_test, prob), gains(y_test, prob)
    worst = max(gap_train, gap_test or 0.0)
    if worst > PARITY_TOLERANCE:
        raise KitError(f"onnxruntime and the library differ by {worst:.3g} > {PARITY_TOLERANCE} in P(positive)")
    card = kit_card(
        analyst,
        x_train=x_train,
        y_train=y_train,
        label_name=label,
        model_id=model_id or Path(model_path).stem.split(".")[0],
        algorithm=algorithm(flavour, model),
        n_trees=n_trees,
        max_depth=max_depth,
        raw_score=raw_space,
        io={"input": INPUT, "probabilities": PROBABILITIES},
        trained=build_date(),
        train_name=Path(train).name,
        metrics=metrics,
        gains=gain_table,
        n_test=n_test,
        trees=is_trees,
    )
    onx.doc_string = f"{card['model']['id']}: a binary classifier brought with models/kit.py ({flavour})."
    set_card(onx, card)
    onnx.checker.check_model(onx)
    return KitResult(onx, card, card_problems(card), gap_train, gap_test, fix, unscored)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, type=Path, help="the trained model in its library's own format")
    parser.add_argument("--flavour", required=True, choices=FLAVOURS)
    parser.add_argument("--train", required=True, type=Path, help="CSV of the training rows: the features by name (and the label)")
    parser.add_argument("--card", required=True, type=Path, help='JSON card file: at least {"features": [{"name": ...}, ...]}')
    parser.add_argument("--output", required=True, type=Path, help="the .onnx file to write")
    parser.add_argument("--test", type=Path, help="CSV of held-out rows with the label: test metrics and gains for the card")
    parser.add_argument("--label", help="the label column (default: the card file's label.name)")
    parser.add_argument("--id", dest="model_id", help="model id (default: the card file's model.id, else the model file's name)")
    parser.add_argument("--require-full-card", action="store_true", help="fail unless the card meets models/model_card.schema.json")
    args = parser.parse_args(argv)
    try:
        result = build(
            model_path=args.model,
            flavour=args.flavour,
            train=args.train,
            card_path=args.card,
            test=args.test,
            label=args.label,
            model_id=args.model_id,
        )
    except (KitError, ValueError, OSError, json.JSONDecodeError) as error:
        print(f"kit: {error}", file=sys.stderr)
        return 2
    if args.require_full_card and result.problems:
        print("kit: the card is partial:\n  " + "\n  ".join(result.problems), file=sys.stderr)
        return 2
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(result.model.SerializeToString())
    card = result.card
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e3:.0f} kB): {card['model']['n_trees']} trees, depth ≤ {card['model']['max_depth']}, "
          f"{len(card['features'])} features, raw score in {card['io']['raw_score']}")
    test = "" if result.gap_test is None else f", test rows {result.gap_test:.1e}"
    print(f"onnxruntime vs the library: max |Δp| training rows {result.gap_train:.1e}{test}")
    if result.unscored_by_library:
        print(f"  ({result.unscored_by_library} rows with missing values not compared: the library refuses them)")
    if result.fix is not None:
        print(f"thresholds moved to float32: {result.fix.thresholds_moved}; missing-value directions restored: {result.fix.missing_tracks_changed}")
        for note in result.fix.notes:
            print(f"note: {note}")
    if result.problems:
        print("the card is partial (the app's current schema wants more):\n  " + "\n  ".join(result.problems))
    else:
        print("the card is complete (models/model_card.schema.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
