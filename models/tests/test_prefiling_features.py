"""The pre-filing model reads only what exists before filing, and every input is a column of the demo sample."""

import csv

import pipeline_config as C
from feature_catalogue import FEATURE_BY_NAME, FEATURE_NAMES
from prefiling import DERIVED_FROM_REGISTERS, EXCLUDED, PREFILING


def test_no_input_is_entered_by_the_taxpayer_according_to_the_catalogue(prefiling_card, prefiling_booster):
    names = [f["name"] for f in prefiling_card["features"]]
    assert names == prefiling_booster.feature_name() == list(PREFILING.names)
    sources = {n: FEATURE_BY_NAME[n].source for n in names}
    assert "taxpayer" not in sources.values(), sources
    # A derived feature is only allowed when it is computed from register data alone.
    assert {n for n, s in sources.items() if s == "derived"} <= DERIVED_FROM_REGISTERS
    # The card repeats the catalogue's source, so the app shows the same provenance.
    assert all(f["source"] == sources[f["name"]] for f in prefiling_card["features"])


def test_the_taxpayers_own_edits_and_this_years_business_result_are_left_out(prefiling_card):
    names = {f["name"] for f in prefiling_card["features"]}
    for left_out in ("naeringsinntekt", "enk_underskudd_ar_pa_rad", "antall_poster_endret", "endring_fra_forhandsutfylt",
                     "reisefradrag", "reise_km_oppgitt", "fagforening_krevd", "pendler_ar_siden_forste_krav"):
        assert left_out not in names, left_out


def test_every_catalogue_feature_is_either_used_or_has_a_reason_to_be_left_out():
    for name in FEATURE_NAMES:
        f = FEATURE_BY_NAME[name]
        used = name in PREFILING.names
        assert used != (f.source == "taxpayer" or name in EXCLUDED), name
    assert set(EXCLUDED) <= set(FEATURE_NAMES)


def test_the_inputs_are_a_subset_of_the_deduction_models_in_its_order(card):
    deduction = [f["name"] for f in card["features"]]
    assert set(PREFILING.names) < set(deduction)
    assert sorted(PREFILING.names, key=deduction.index) == list(PREFILING.names)


def test_every_input_is_a_column_of_the_demo_sample():
    with open(C.DEMO_PATH, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    missing = [n for n in PREFILING.names if n not in header]
    assert missing == []
