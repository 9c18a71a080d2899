"""The analysts' kit (kit.py): a tiny model per flavour goes in, a file the app loads comes out."""

from __future__ import annotations

import json
from collections import Counter

import joblib
import numpy as np
import onnx
import pytest

import kit
from card import card_problems, validate_card
from export import predict_onnx, read_card, session
from exporter_fixtures import analyst_card, write_rows
from library_trees import align, float32_at_least, float32_at_most, float32_threshold, library_covers, lightgbm_trees, sklearn_trees
from onnx_trees import read_ensemble

FEATURES = ("alder", "sentralitet", "hovedinntektskilde", "avstand_reg_km", "reise_km_oppgitt",
            "fagforening_forhandsutfylt", "fagforening_krevd", "fjorarets_sum_fradrag")


@pytest.fixture(scope="module")
def data():
    """300 training and 100 test rows of synthetic returns, float32 with NaN."""
    from generate import generate

    frame = generate(3000, 4242).frame
    x = frame.loc[:, list(FEATURES)].astype("float64").to_numpy(np.float64, na_value=np.nan).astype(np.float32)
    y = frame["feil_fradrag"].to_numpy().astype(int)
    order = np.argsort(-y, kind="stable")  # over-sample positives: every one first, then the rest
    rows = np.sort(np.concatenate([order[:90], order[500:710]]))
    test = np.arange(2800, 2900)
    return x[rows], y[rows], x[test], y[test]


def full_card(path):
    card = analyst_card("kit-test")
    card["features"] = [f for f in card["features"] if f["name"] in FEATURES]
    path.write_text(json.dumps(card), encoding="utf-8")
    return path


def minimal_card(path):
    path.write_text(json.dumps({"features": [{"name": n} for n in FEATURES]}), encoding="utf-8")
    return path


def train_model(flavour: str, kind: str, x, y):
    if flavour == "lightgbm":
        import lightgbm as lgb

        params = {"objective": "binary", "num_leaves": 8, "max_depth": 3, "min_data_in_leaf": 5, "num_threads": 1,
                  "deterministic": True, "verbosity": -1}
        return lgb.train(params, lgb.Dataset(x, y), num_boost_round=8)
    if flavour == "xgboost":
        import xgboost as xgb

        return xgb.XGBClassifier(n_estimators=8, max_depth=3, n_jobs=1, random_state=1).fit(x, y).get_booster()
    if flavour == "catboost":
        from catboost import CatBoostClassifier

        return CatBoostClassifier(iterations=8, depth=3, random_seed=1, thread_count=1, allow_writing_files=False, verbose=0).fit(x, y)
    from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.tree import DecisionTreeClassifier

    model = {
        "hgb": lambda: HistGradientBoostingClassifier(max_iter=8, max_depth=3, random_state=1),
        "rf": lambda: RandomForestClassifier(n_estimators=5, max_depth=4, bootstrap=False, max_features=0.7, random_state=1),
        "dt": lambda: DecisionTreeClassifier(max_depth=4, random_state=1),
        "gbc": lambda: GradientBoostingClassifier(n_estimators=8, max_depth=3, random_state=1),
        "lr": lambda: LogisticRegression(max_iter=5000),
    }[kind]()
    return model.fit(np.where(np.isnan(x), -1, x) if kind in ("gbc", "lr") else x, y)


def save(flavour: str, model, path):
    if flavour == "sklearn":
        joblib.dump(model, path)
    else:
        model.save_model(str(path))


CASES = [
    ("lightgbm", "lgb", "model.txt"),
    ("xgboost", "xgb", "model.json"),
    ("xgboost", "xgb-ubj", "model.ubj"),
    ("sklearn", "hgb", "model.joblib"),
    ("sklearn", "rf", "model.joblib"),
    ("sklearn", "dt", "model.pkl"),
    ("sklearn", "gbc", "model.joblib"),
    ("sklearn", "lr", "model.joblib"),
    ("catboost", "cb", "model.cbm"),
]


@pytest.fixture(scope="module", params=CASES, ids=[c[1] for c in CASES])
def brought(request, data, tmp_path_factory):
    """(flavour, kind, library model, kit.onnx, command output, x_train) after one run of the command."""
    flavour, kind, file_name = request.param
    x, y, x_test, y_test = data
    if kind in ("gbc", "lr"):
        x, x_test = np.where(np.isnan(x), -1, x).astype(np.float32), np.where(np.isnan(x_test), -1, x_test).astype(np.float32)
    tmp = tmp_path_factory.mktemp(kind)
    model = train_model(flavour, kind, x, y)
    save(flavour, model, tmp / file_name)
    write_rows(tmp / "train.csv", x, y)
    write_rows(tmp / "test.csv", x_test, y_test)
    code = kit.main(["--model", str(tmp / file_name), "--flavour", flavour, "--train", str(tmp / "train.csv"),
                     "--card", str(full_card(tmp / "card.json")), "--output", str(tmp / "kit.onnx"), "--test", str(tmp / "test.csv")])
    assert code == 0
    return flavour, kind, model, onnx.load(str(tmp / "kit.onnx")), x, x_test


def test_the_file_has_no_zipmap_and_the_names_and_shapes_the_app_reads(brought):
    *_, onx, x, _ = brought
    assert "ZipMap" not in {n.op_type for n in onx.graph.node}
    (inp,) = onx.graph.input
    assert inp.name == "input" and inp.type.tensor_type.elem_type == onnx.TensorProto.FLOAT
    assert [d.dim_param or d.dim_value for d in inp.type.tensor_type.shape.dim] == ["N", len(FEATURES)]
    outputs = {o.name: [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim] for o in onx.graph.output}
    assert outputs == {"label": ["N"], "probabilities": ["N", 2]}
    onnx.checker.check_model(onx)


def test_onnxruntime_scores_the_file_as_the_library_does(brought):
    flavour, _, model, onx, x, x_test = brought
    sess = session(onx)
    for rows in (x, x_test):
        expected, ok = kit.library_probability(flavour, model, rows)
        assert np.max(np.abs(predict_onnx(sess, rows)[ok] - expected[ok])) <= 1e-5


def test_covers_are_the_training_rows_counted_by_the_library_itself(brought):
    flavour, kind, model, onx, x, _ = brought
    if kind == "lr":
        assert not any(n.op_type.startswith("TreeEnsemble") for n in onx.graph.node)
        return
    e = read_ensemble(onx)
    covers = e.file_covers
    leaves = e.is_leaf()
    branch = ~leaves
    # Every branch's rows go to exactly one of its two children.
    assert np.array_equal(covers[branch], covers[e.true[branch]] + covers[e.false[branch]])
    assert np.all(covers[e.roots] == len(x))
    if flavour == "lightgbm":  # no bagging: LightGBM's internal_count and leaf_count are training counts
        trees = lightgbm_trees(model)
        assert np.array_equal(covers, library_covers(align(e, trees), trees))
    elif flavour == "sklearn":  # node sample counts (no bootstrap; HistGradientBoosting's 'count')
        trees = sklearn_trees(model)
        assert np.array_equal(covers, library_covers(align(e, trees), trees))
    elif flavour == "xgboost":  # XGBoost's covers are hessians: count its own leaf assignments instead
        import xgboost as xgb

        from library_trees import xgboost_trees

        alignment = align(e, xgboost_trees(model))
        leaf_ids = model.predict(xgb.DMatrix(x, missing=np.nan), pred_leaf=True).astype(int)
        counts = [Counter(leaf_ids[:, t]) for t in range(leaf_ids.shape[1])]
        for k in np.flatnonzero(leaves):
            assert covers[k] == counts[alignment.tree[k]].get(int(alignment.node[k]), 0)
    else:  # CatBoost lists each symmetric tree's leaves in its own leaf-index order
        from catboost import Pool

        leaf_index = model.calc_leaf_indexes(Pool(x))
        for t in range(e.n_trees):
            ours = covers[(e.tree == t) & leaves]
            assert np.array_equal(ours, np.bincount(leaf_index[:, t], minlength=len(ours)))


def test_the_card_is_full_and_true_to_the_file_when_the_card_file_says_enough(brought):
    _, kind, _, onx, x, x_test = brought
    card = read_card(onx)
    assert [f["name"] for f in card["features"]] == list(FEATURES)
    assert card["data"]["n_train"] == len(x) and card["metrics"]["n"] == len(x_test)
    assert card["model"]["n_trees"] == read_ensemble(onx).n_trees if kind != "lr" else card["model"]["n_trees"] == 0
    if kind in ("rf", "dt"):
        # The schema takes the probability output space since the app reads any model.
        assert card["io"]["raw_score"] == "probability"
        validate_card(card)
    elif kind == "lr":
        assert card_problems(card) == ["(card): 'covers' is a required property"]
    else:
        validate_card(card)


def test_a_card_file_with_names_only_gives_a_partial_card_that_says_what_is_missing(data, tmp_path):
    x, y, _, _ = data
    model = train_model("lightgbm", "lgb", x, y)
    save("lightgbm", model, tmp_path / "m.txt")
    write_rows(tmp_path / "train.csv", x, y)
    result = kit.build(model_path=tmp_path / "m.txt", flavour="lightgbm", train=tmp_path / "train.csv",
                       card_path=minimal_card(tmp_path / "card.json"), label="feil_fradrag")
    card = result.card
    assert card["features"][0]["label"] == {"nb": "alder", "nn": "alder", "en": "alder"}
    assert card["features"][0]["kind"] == "integer" and card["features"][3]["nullable"] is True
    assert "unit" not in card["features"][0] and "source" not in card["features"][0]
    assert "metrics" not in card and card["data"]["base_rate_train"] == pytest.approx(y.mean())
    missing = {p.split(": ")[1] for p in result.problems}
    assert missing == {"'id_column' is a required property", "'seed' is a required property", "'source' is a required property",
                       "'unit' is a required property", "'income_year' is a required property", "'notice' is a required property",
                       "'synthetic' is a required property", "'metrics' is a required property", "'gains' is a required property"}
    assert kit.main(["--model", str(tmp_path / "m.txt"), "--flavour", "lightgbm", "--train", str(tmp_path / "train.csv"),
                     "--card", str(tmp_path / "card.json"), "--output", str(tmp_path / "x.onnx"), "--require-full-card"]) == 2
    assert not (tmp_path / "x.onnx").exists()


def test_the_command_refuses_a_card_file_that_does_not_fit_the_model_or_the_data(data, tmp_path, capsys):
    x, y, _, _ = data
    model = train_model("lightgbm", "lgb", x, y)
    save("lightgbm", model, tmp_path / "m.txt")
    write_rows(tmp_path / "train.csv", x, y)
    args = ["--model", str(tmp_path / "m.txt"), "--flavour", "lightgbm", "--train", str(tmp_path / "train.csv"),
            "--output", str(tmp_path / "x.onnx")]
    (tmp_path / "short.json").write_text(json.dumps({"features": [{"name": "alder"}]}))
    assert kit.main([*args, "--card", str(tmp_path / "short.json")]) == 2
    assert "the model takes 8 features, the card file lists 1" in capsys.readouterr().err
    (tmp_path / "other.json").write_text(json.dumps({"features": [{"name": n} for n in FEATURES[:-1]] + [{"name": "ukjent"}]}))
    assert kit.main([*args, "--card", str(tmp_path / "other.json")]) == 2
    assert "lacks the card's feature column(s) ukjent" in capsys.readouterr().err
    assert kit.main([*args, "--card", str(tmp_path / "short.json"), "--flavour", "xgboost"]) == 2


@pytest.mark.parametrize("t", [0.5, 12.35, 8_898_849.5, -0.1, 1e-40, 3.4e38])
def test_float32_thresholds_branch_like_the_double_for_every_mode(t):
    low, high = float32_at_most(t), float32_at_least(t)
    assert float(low) <= t <= float(high) and np.nextafter(low, np.float32(np.inf)) >= high
    for x in (low, high, np.nextafter(low, np.float32(-np.inf)), np.nextafter(high, np.float32(np.inf))):
        assert (x <= float32_threshold("LEQ", t)) == (float(x) <= t)
        assert (x < float32_threshold("LT", t)) == (float(x) < t)
        assert (x > float32_threshold("GT", t)) == (float(x) > t)
        assert (x >= float32_threshold("GTE", t)) == (float(x) >= t)
