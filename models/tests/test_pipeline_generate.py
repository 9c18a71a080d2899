"""The synthetic returns: reproducible, rare errors from every mechanism, correct look-alikes, a clean CSV."""

import re

import numpy as np
import pandas as pd
import pytest

import rules_2024 as R
from feature_catalogue import ALL_COLUMNS, FEATURE_BY_NAME, FEATURE_NAMES, GROUND_TRUTH_COLUMNS, PASSTHROUGH_COLUMNS
from generate import MECHANISMS, TARGET_SHARE, generate, main, write_csv

SMALL = 20_000


@pytest.fixture(scope="module")
def small():
    return generate(SMALL, 11)


@pytest.fixture(scope="module")
def large(training):
    """The 200,000 training rows, with look-alikes: generate() is deterministic, so this is the same world."""
    return generate(len(training[0]), 20240101)


def truth(frame):
    return frame["feil_belop"].to_numpy() > 0


def test_the_same_seed_gives_the_same_rows_and_another_seed_other_rows(small):
    pd.testing.assert_frame_equal(generate(SMALL, 11).frame, small.frame)
    assert not generate(SMALL, 12).frame["lonnsinntekt"].equals(small.frame["lonnsinntekt"])


def test_one_row_and_no_rows_can_be_generated():
    assert len(generate(1, 5).frame) == 1
    empty = generate(0, 5).frame
    assert len(empty) == 0 and tuple(empty.columns) == ALL_COLUMNS


def test_the_base_rate_of_incorrect_deductions_is_between_3_and_5_percent(large):
    assert 0.03 <= large.frame["feil_fradrag"].mean() <= 0.05


def test_every_mechanism_occurs_near_its_share_of_rows(large):
    shares = large.frame["feil_type"].value_counts(normalize=True)
    for m in MECHANISMS:
        # The NOK 1,000 rule removes some attempts, so shares sit a little below the targets.
        assert 0.5 * TARGET_SHARE[m] <= shares.get(m, 0) <= 1.3 * TARGET_SHARE[m], m


def test_every_mechanism_has_correct_look_alikes(large):
    counts = pd.Series(large.lookalike).value_counts()
    frame = large.frame
    for m in MECHANISMS:
        assert counts.get(m, 0) >= 20, m
    # A look-alike is correct: no ground-truth error and no mechanism.
    look = large.lookalike != ""
    assert (frame.loc[look, "feil_type"] == "").all()
    assert (frame.loc[look, "feil_belop"] == 0).all()


def test_an_error_counts_only_from_1000_nok(large):
    frame = large.frame
    typed = frame["feil_type"] != ""
    assert (frame.loc[typed, "feil_belop"] >= R.MATERIALITY).all()
    assert (frame.loc[truth(frame), "feil_belop"] >= R.MATERIALITY).all()


def test_about_5_percent_of_labels_disagree_with_the_truth_in_each_direction(large):
    frame = large.frame
    t = truth(frame)
    label = frame["feil_fradrag"].to_numpy() == 1
    missed = (t & ~label).sum() / t.sum()
    assert 0.04 <= missed <= 0.06
    assert (~t & label).sum() == (t & ~label).sum()


def test_some_incorrect_deductions_have_no_mechanism(large):
    frame = large.frame
    unexplained = truth(frame) & (frame["feil_type"] == "").to_numpy()
    assert 0.003 <= unexplained.mean() <= 0.012


def test_correct_travel_deductions_follow_the_2024_formula_or_add_toll_costs(large):
    frame = large.frame
    claimed = (frame["reisefradrag"] > 0).to_numpy() & ~truth(frame)
    rows = frame[claimed]
    formula = R.travel_deduction(rows["reise_km_oppgitt"].to_numpy(float), rows["reise_dager_oppgitt"].to_numpy(float))
    amount = rows["reisefradrag"].to_numpy(float)
    assert (amount >= formula).all()
    assert np.mean(amount == formula) > 0.9
    assert (rows["reise_dager_oppgitt"] <= R.FULL_YEAR_DAYS).all()


def test_a_forgotten_threshold_shows_as_a_deduction_above_the_formula(large):
    rows = large.frame[large.frame["feil_type"] == "M3"]
    formula = R.travel_deduction(rows["reise_km_oppgitt"].to_numpy(float), rows["reise_dager_oppgitt"].to_numpy(float))
    assert (rows["reisefradrag"].to_numpy(float) - formula >= R.MATERIALITY).all()


def test_full_year_claims_despite_part_time_or_sick_leave_claim_230_days(large):
    rows = large.frame[large.frame["feil_type"] == "M2"]
    assert (rows["reise_dager_oppgitt"] == R.FULL_YEAR_DAYS).all()
    part_time_or_sick = (rows["stillingsprosent"].fillna(0) < 100) | (rows["sykefravaer_dager"].fillna(0) > R.ABSENCE_ALLOWANCE_DAYS)
    assert part_time_or_sick.mean() > 0.95  # the rest have a missing register value


def test_correct_returns_stay_within_the_caps(large):
    correct = large.frame[~truth(large.frame)]
    assert (correct["fagforening_krevd"] <= R.UNION_CAP).all()
    assert (correct["gaver_krevd"] <= R.GIFTS_CAP).all()
    # Board and lodging beyond 24 months is correct only for a new workplace and commuter home.
    late = correct[(correct["pendler_kost_losji"] > 0) & (correct["pendler_ar_siden_forste_krav"] >= R.BOARD_LODGING_YEARS)]
    assert len(late) > 0
    assert (large.lookalike[late.index] == "M4").all()


def test_childcare_claims_without_a_registered_child_are_mostly_errors_but_not_all(large):
    frame = large.frame
    rows = frame[(frame["foreldrefradrag_krevd"] > 0) & (frame["antall_barn_under_12"] == 0)]
    errors = truth(rows)
    assert 0.5 < errors.mean() < 1.0


def test_ground_truth_and_passthrough_columns_are_not_features():
    assert not set(GROUND_TRUTH_COLUMNS) & set(FEATURE_NAMES)
    assert not set(PASSTHROUGH_COLUMNS) & set(FEATURE_NAMES)
    assert "feil_fradrag" not in FEATURE_NAMES


def test_no_column_names_a_protected_characteristic():
    protected = re.compile(r"kjonn|kjønn|sex|gender|fodeland|fødeland|origin|statsborger|nationality|landbakgrunn|religion|etnisitet")
    assert not [c for c in ALL_COLUMNS if protected.search(c)]


def test_identifiers_are_unique_and_never_shaped_like_a_national_id(small):
    ids = small.frame["skattyter_id"]
    assert ids.is_unique
    assert ids.str.fullmatch(r"S\d{7}").all()
    assert not ids.str.fullmatch(r"\d{11}").any()


def test_municipality_numbers_keep_their_leading_zero(small):
    kommunenr = small.frame["kommunenr"]
    assert kommunenr.str.fullmatch(r"\d{4}").all()
    assert (kommunenr == "0301").any()
    assert kommunenr.nunique() > 20


def test_missing_values_appear_only_in_nullable_features(large):
    frame = large.frame
    for name in FEATURE_NAMES:
        has_missing = bool(frame[name].isna().any())
        assert has_missing == FEATURE_BY_NAME[name].nullable, name


def test_the_csv_is_plain_utf8_with_lf_empty_missing_cells_and_whole_numbers_without_decimals(small, tmp_path):
    path = tmp_path / "rows.csv"
    write_csv(small.frame.head(3_000), path)
    raw = path.read_bytes()
    assert b"\r" not in raw
    raw.decode("utf-8")
    text = raw.decode("utf-8")
    lines = text.split("\n")
    assert lines[0] == ",".join(ALL_COLUMNS) and lines[-1] == ""
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)
    for name in FEATURE_NAMES:
        values = cells[name]
        assert not values.str.contains(r"\.0$").any(), name
        if not FEATURE_BY_NAME[name].decimals:
            assert values.str.fullmatch(r"-?\d*").all(), name
    assert (cells["avstand_reg_km"].str.fullmatch(r"(\d+(\.\d)?)?")).all()
    back = pd.read_csv(path, dtype={"skattyter_id": str, "kommunenr": str, "feil_type": str}, keep_default_na=False, na_values={n: [""] for n in FEATURE_NAMES})
    for name in FEATURE_NAMES:
        np.testing.assert_array_equal(back[name].to_numpy(float), small.frame[name].head(3_000).to_numpy(float, na_value=np.nan), err_msg=name)
    assert back["skattyter_id"].tolist() == small.frame["skattyter_id"].head(3_000).tolist()


def test_the_commute_shift_doubles_distances_of_the_same_taxpayers():
    base = generate(5_000, 3).frame
    shifted = generate(5_000, 3, shift="commute_double").frame
    assert shifted["skattyter_id"].equals(base["skattyter_id"])
    assert shifted["alder"].equals(base["alder"])
    both = base["avstand_reg_km"].notna() & shifted["avstand_reg_km"].notna()
    ratio = shifted.loc[both, "avstand_reg_km"] / base.loc[both, "avstand_reg_km"]
    assert ratio.median() == pytest.approx(2.0, abs=0.02)


def test_an_unknown_shift_is_refused():
    with pytest.raises(ValueError):
        generate(10, 1, shift="commute_triple")


def test_the_command_line_writes_the_rows_asked_for(tmp_path):
    out = tmp_path / "extract.csv"
    assert main(["--rows", "250", "--seed", "9", "--out", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 251
