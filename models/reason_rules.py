"""The rule facts a reason may cite, per feature: the card's `rule` objects (MODEL_CARD.md, "Rules").

Every figure comes from rules_2024.py, never typed again here; the sentences are the card's
templates, in nb/nn/en, since they speak of deductions (the app's catalogue may not).
rule_sentence() is the same choice the app makes (src/lib/core/explain/rule-sentence.ts),
written in Python so the reason fixtures (write_reason_fixtures.py) say which sentence each
record must get, from the rule module's own figures.

Checks, in the order they are tried (the first that holds gives the sentence):
  cap        value above cap (× the value of `cap_per` when given: childcare per child);
             with cap_per 0 and a value above 0: `none_qualifying`
  absence    more days than the full year less the absence beyond the allowance (graded sick
             leave takes no days off, which the register does not show)
  years      claimed after `years` years since the first claim (board and lodging)
  formula    the claim exceeds the travel formula on the claimed km and days by the whole
             threshold: the threshold was not subtracted (toll and ferry costs above NOK
             3,300 may come on top, but never as much as the threshold)
  part_time  a full year's days with a part-time position (nears the rule: a short-day
             worker may claim them)
  near       value at or above near × cap, not above it (and above the pre-filled partner, if any)
  prefilled  value above its pre-filled partner (a comparison, breaks no rule)
"""

from __future__ import annotations

import math

import rules_2024 as R
from feature_catalogue import text

# Sentences that say a rule is broken on the return's own figures (a cap, the travel formula):
# no correct return gets them. none_qualifying and above_cap with cap_per (childcare) say it as
# the register counts the children (a partner's child is not counted); after_years and
# absence_over_allowance state the register's figure and name the exception (a restart in a
# new municipality, graded sick leave), so a correct return may get them: they ask for a check.
BREAKS = ("above_cap", "threshold_not_subtracted")
AS_REGISTERED = ("none_qualifying", "after_years", "absence_over_allowance")


def breaks(rule: dict, template: str | None) -> bool:
    """True when the sentence says the return breaks the rule on its own figures; a cap per
    child (cap_per) counts the register's children, so its above_cap is as registered."""
    return template in BREAKS and not (template == "above_cap" and "cap_per" in rule)
NEARS = ("near_cap", "full_year_part_time")

# Share of a cap from which "near the cap" is said: within 5 % of it (union dues 7,600–8,000).
NEAR_CAP = 0.95

RULES: dict[str, dict] = {
    "reise_km_oppgitt": {
        "prefilled": "avstand_reg_km",
        "templates": {
            "differs_from_prefilled": text(
                "Oppgitt reiseavstand {value} mot {prefilled} i registeret",
                "Oppgitt reiseavstand {value} mot {prefilled} i registeret",
                "Stated commuting distance {value} against {prefilled} in the register",
            ),
        },
    },
    "reise_dager_oppgitt": {
        "full_year": R.FULL_YEAR_DAYS,
        "absence": {"feature": "sykefravaer_dager", "allowance": R.ABSENCE_ALLOWANCE_DAYS},
        "part_time": "stillingsprosent",
        "templates": {
            "absence_over_allowance": text(
                "Krever {value} arbeidsdager med {other} dager sykefravær; fravær over {allowance} dager skal trekkes fra (høyst {limit} dager), med mindre sykmeldingen var gradert",
                "Krev {value} arbeidsdagar med {other} dagar sjukefråvær; fråvær over {allowance} dagar skal trekkjast frå (høgst {limit} dagar), med mindre sjukmeldinga var gradert",
                "Claims {value} working days with {other} days of sick leave; absence beyond {allowance} days must come off ({limit} days at most) unless the sick leave was graded",
            ),
            "full_year_part_time": text(
                "Krever {value} arbeidsdager med {other} stilling",
                "Krev {value} arbeidsdagar med {other} stilling",
                "Claims {value} working days with a {other} position",
            ),
        },
    },
    "reisefradrag": {
        "formula": {
            "rate": R.TRAVEL_RATE_PER_KM,
            "threshold": R.TRAVEL_THRESHOLD,
            "cost_cap": R.TRAVEL_COST_CAP,
            "km": "reise_km_oppgitt",
            "days": "reise_dager_oppgitt",
        },
        "templates": {
            "threshold_not_subtracted": text(
                "Reisefradrag {value}, mens {km} og {days} dager gir {limit}: bunnbeløpet på {threshold} ser ikke ut til å være trukket fra",
                "Reisefrådrag {value}, medan {km} og {days} dagar gjev {limit}: botnbeløpet på {threshold} ser ikkje ut til å vere trekt frå",
                "Travel deduction {value}, while {km} and {days} days give {limit}: the threshold of {threshold} seems not to have been subtracted",
            ),
        },
    },
    "pendler_kost_losji": {
        "years": {"feature": "pendler_ar_siden_forste_krav", "limit": R.BOARD_LODGING_YEARS},
        "templates": {
            "after_years": text(
                "Kost og losji {value} krevd {other} etter første krav; fradraget gjelder {limit} år, med mindre både arbeidssted og pendlerbolig er flyttet til en ny kommune",
                "Kost og losji {value} kravd {other} etter første krav; frådraget gjeld {limit} år, med mindre både arbeidsstad og pendlarbustad er flytta til ein ny kommune",
                "Board and lodging {value} claimed {other} after the first claim; the deduction lasts {limit} years unless both workplace and commuter home moved to a new municipality",
            ),
        },
    },
    "fagforening_krevd": {
        "cap": R.UNION_CAP,
        "near": NEAR_CAP,
        "prefilled": "fagforening_forhandsutfylt",
        "templates": {
            "above_cap": text(
                "Krevd fagforeningsfradrag {value} er over taket på {cap}",
                "Kravd fagforeiningsfrådrag {value} er over taket på {cap}",
                "Union dues claimed {value} are above the cap of {cap}",
            ),
            "near_cap": text(
                "Krevd fagforeningsfradrag {value}, nær taket på {cap}",
                "Kravd fagforeiningsfrådrag {value}, nær taket på {cap}",
                "Union dues claimed {value}, close to the cap of {cap}",
            ),
            "differs_from_prefilled": text(
                "Krevd fagforeningsfradrag {value} mot {prefilled} forhåndsutfylt",
                "Kravd fagforeiningsfrådrag {value} mot {prefilled} førehandsutfylt",
                "Union dues claimed {value} against {prefilled} pre-filled",
            ),
        },
    },
    "gaver_krevd": {
        "cap": R.GIFTS_CAP,
        "near": NEAR_CAP,
        "prefilled": "gaver_forhandsutfylt",
        "templates": {
            "above_cap": text(
                "Gaver {value}, over grensen på {cap}",
                "Gåver {value}, over grensa på {cap}",
                "Gifts {value}, above the limit of {cap}",
            ),
            "near_cap": text(
                "Gaver {value}, nær grensen på {cap}",
                "Gåver {value}, nær grensa på {cap}",
                "Gifts {value}, close to the limit of {cap}",
            ),
            "differs_from_prefilled": text(
                "Gaver {value} mot {prefilled} forhåndsutfylt; bare godkjente utenlandske organisasjoner føres av giveren selv",
                "Gåver {value} mot {prefilled} førehandsutfylt; berre godkjende utanlandske organisasjonar førast av givaren sjølv",
                "Gifts {value} against {prefilled} pre-filled; only gifts to approved foreign organisations are entered by the giver",
            ),
        },
    },
    "foreldrefradrag_krevd": {
        "cap": R.CHILDCARE_CAP_PER_CHILD,
        "cap_per": "antall_barn_under_12",
        "age": R.CHILDCARE_AGE_LIMIT,
        "prefilled": "foreldrefradrag_forhandsutfylt",
        "templates": {
            "above_cap": text(
                "Foreldrefradrag {value} er over grensen på {limit} for {count} barn under {age} år i registeret ({cap} per barn)",
                "Foreldrefrådrag {value} er over grensa på {limit} for {count} born under {age} år i registeret ({cap} per barn)",
                "Childcare deduction {value} is above the limit of {limit} for {count} children under {age} in the register ({cap} per child)",
            ),
            "none_qualifying": text(
                "Foreldrefradrag {value} uten barn under {age} år i registeret",
                "Foreldrefrådrag {value} utan born under {age} år i registeret",
                "Childcare deduction {value} with no child under {age} in the register",
            ),
            "differs_from_prefilled": text(
                "Foreldrefradrag {value} mot {prefilled} forhåndsutfylt",
                "Foreldrefrådrag {value} mot {prefilled} førehandsutfylt",
                "Childcare deduction {value} against {prefilled} pre-filled",
            ),
        },
    },
    "renter_krevd": {
        "prefilled": "renter_forhandsutfylt",
        "templates": {
            "differs_from_prefilled": text(
                "Gjeldsrenter {value} mot {prefilled} forhåndsutfylt fra norske långivere",
                "Gjeldsrenter {value} mot {prefilled} førehandsutfylt frå norske långjevarar",
                "Interest {value} against {prefilled} pre-filled by Norwegian lenders",
            ),
        },
    },
}


def rules_for(names) -> dict[str, dict]:
    """The rule objects of the features a model has (a rule whose partner it lacks is left out)."""
    present = set(names)

    def needs(rule: dict) -> set[str]:
        out = {rule[k] for k in ("prefilled", "cap_per", "part_time") if k in rule}
        out |= {rule[k]["feature"] for k in ("absence", "years") if k in rule}
        if "formula" in rule:
            out |= {rule["formula"]["km"], rule["formula"]["days"]}
        return out

    return {name: rule for name, rule in RULES.items() if name in present and needs(rule) <= present}


def _num(x) -> float:
    return float("nan") if x is None else float(x)


def rule_sentence(rule: dict, value: float, record: dict) -> tuple[str | None, dict]:
    """Which of the rule's templates a value gets (None: none applies; the percentile sentence then)
    and the raw numbers its parameters are made from. `record` maps feature names to values (NaN = missing)."""
    value = _num(value)
    if math.isnan(value):
        return None, {}
    of = lambda name: _num(record.get(name))  # noqa: E731
    if "cap" in rule:
        per = of(rule["cap_per"]) if "cap_per" in rule else 1.0
        if not math.isnan(per):
            limit = rule["cap"] * per
            if "cap_per" in rule and per == 0 and value > 0:
                return "none_qualifying", {"limit": 0, "count": 0}
            if value > limit:
                return "above_cap", {"limit": limit, "count": per}
    if "absence" in rule:
        absent = of(rule["absence"]["feature"])
        over = absent - rule["absence"]["allowance"]
        if over > 0 and value > rule["full_year"] - over:
            return "absence_over_allowance", {"limit": rule["full_year"] - over, "other": absent}
    if "years" in rule:
        years = of(rule["years"]["feature"])
        if value > 0 and years >= rule["years"]["limit"]:
            return "after_years", {"other": years}
    if "formula" in rule:
        fm = rule["formula"]
        km, days = of(fm["km"]), of(fm["days"])
        if not (math.isnan(km) or math.isnan(days)):
            formula = float(R.travel_deduction(km, days))
            if value - formula >= fm["threshold"]:
                return "threshold_not_subtracted", {"limit": formula, "km": km, "days": days}
    if "part_time" in rule:
        position = of(rule["part_time"])
        if value >= rule["full_year"] and position < 100:
            return "full_year_part_time", {"other": position}
    partner = of(rule["prefilled"]) if "prefilled" in rule else float("nan")
    # Only a value above its partner is a reason to look: the risk is claiming more than reported.
    above_partner = not math.isnan(partner) and value > partner
    if "cap" in rule and "near" in rule and "cap_per" not in rule:
        if value >= rule["near"] * rule["cap"] and ("prefilled" not in rule or above_partner):
            return "near_cap", {}
    if above_partner:
        return "differs_from_prefilled", {"prefilled": partner}
    return None, {}
