"""The card's rule facts are the rule module's figures, and the reason fixtures are what the rules say.

The app picks a reason's rule sentence from the card (src/lib/core/explain/rule-sentence.ts) and
is tested against test/fixtures/reasons/records.json; this side checks that the card carries
rules_2024.py's own figures, that the fixture is what write_reason_fixtures.py writes now, and
that no legitimate look-alike of the generator gets a sentence saying it breaks a rule.
"""

import json
import math

import numpy as np
import onnx
import pytest

import rules_2024 as R
from export import read_card
from feature_catalogue import FEATURE_NAMES
from generate import generate
from mechanisms import MECHANISMS
from model_spec import DEDUCTION
from prefiling import PREFILING
from reason_rules import RULES, breaks, rule_sentence
from write_reason_fixtures import N, OUT, SEED, fixtures


def committed_card(spec):
    return read_card(onnx.load_from_string(spec.onnx_path.read_bytes()))


def test_the_bundled_card_carries_the_rule_modules_figures():
    rules = {f["name"]: f["rule"] for f in committed_card(DEDUCTION)["features"] if "rule" in f}
    assert rules == RULES
    assert rules["fagforening_krevd"]["cap"] == R.UNION_CAP == 8_000
    assert rules["gaver_krevd"]["cap"] == R.GIFTS_CAP == 25_000
    assert rules["foreldrefradrag_krevd"]["cap"] == R.CHILDCARE_CAP_PER_CHILD
    assert rules["foreldrefradrag_krevd"]["age"] == R.CHILDCARE_AGE_LIMIT
    assert rules["reise_dager_oppgitt"]["full_year"] == R.FULL_YEAR_DAYS
    assert rules["reise_dager_oppgitt"]["absence"]["allowance"] == R.ABSENCE_ALLOWANCE_DAYS
    assert rules["pendler_kost_losji"]["years"]["limit"] == R.BOARD_LODGING_YEARS
    assert rules["reisefradrag"]["formula"] == {
        "rate": R.TRAVEL_RATE_PER_KM, "threshold": R.TRAVEL_THRESHOLD, "cost_cap": R.TRAVEL_COST_CAP,
        "km": "reise_km_oppgitt", "days": "reise_dager_oppgitt",
    }
    names = {f["name"] for f in committed_card(DEDUCTION)["features"]}
    for rule in rules.values():
        for partner in (rule.get("prefilled"), rule.get("cap_per"), rule.get("part_time")):
            assert partner is None or partner in names


def test_every_template_is_in_three_languages_and_uses_only_known_parameters():
    known = {"value", "cap", "limit", "prefilled", "other", "count", "age", "km", "days", "threshold", "allowance"}
    for rule in RULES.values():
        for localized in rule["templates"].values():
            assert set(localized) == {"nb", "nn", "en"}
            for sentence in localized.values():
                import re
                assert set(re.findall(r"\{(\w+)\}", sentence)) <= known, sentence


def test_the_pre_filing_card_has_no_rules_as_it_reads_no_claims():
    assert not any("rule" in f for f in committed_card(PREFILING)["features"])


@pytest.fixture(scope="module")
def generated():
    return generate(N, SEED)


def test_the_reason_fixture_is_what_the_rules_say_now():
    assert json.loads(OUT.read_text(encoding="utf-8")) == json.loads(json.dumps(fixtures(), ensure_ascii=False, allow_nan=False))


def test_no_look_alike_gets_a_sentence_saying_it_breaks_a_rule_and_the_mechanisms_do(generated):
    frame = generated.frame
    values = frame[list(FEATURE_NAMES)].astype(float).to_numpy()
    lookalike = np.asarray(generated.lookalike, dtype=object)
    label = frame["feil_fradrag"].to_numpy()
    truth = frame["feil_type"].astype(str).to_numpy()
    broken: dict[str, set[str]] = {m: set() for m in MECHANISMS}
    for i in range(len(frame)):
        is_lookalike = lookalike[i] != "" and label[i] == 0
        if not is_lookalike and truth[i] not in broken:
            continue
        record = dict(zip(FEATURE_NAMES, values[i]))
        for name, rule in RULES.items():
            template, _ = rule_sentence(rule, record[name], record)
            if not breaks(rule, template):
                continue
            assert not is_lookalike, f"look-alike {lookalike[i]} row {i}: {name} {template}"
            broken[truth[i]].add(f"{name}:{template}")
    # The mechanisms that break a figure of the return itself get the sentence.
    assert "reisefradrag:threshold_not_subtracted" in broken["M3"]
    assert "fagforening_krevd:above_cap" in broken["M5"]
    assert "gaver_krevd:above_cap" in broken["M7"]
    assert all(not math.isnan(x) for x in [R.TRAVEL_THRESHOLD])
