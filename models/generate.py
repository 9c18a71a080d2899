"""Synthetic personal tax returns for income year 2024 with incorrect deductions M1–M9.

One row is one personal taxpayer's return plus what registers already hold about them
(schema and mechanisms: /work/shared/DOMAIN.md). The world is built in three passes:
1. a population and its correct return (rules in rules_2024.py);
2. errors M1–M9 drawn with probabilities that behaviour modifiers scale, each mechanism
   with legitimate look-alikes that share its visible pattern but are correct (label 0);
3. what a control would record: an error counts only when the overclaim is at least
   NOK 1,000; 5 % of incorrect returns are recorded as correct and as many correct ones as
   incorrect; a little error that no feature explains.
Register values go missing (NaN) at the very end, after the truth is fixed.

Vectorised numpy: a million rows take a few seconds. Everything follows from the seed.

    python3 models/generate.py --rows N --seed S --out file.csv [--shift commute_double]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

import rules_2024 as R
from feature_catalogue import (
    ALL_COLUMNS,
    FEATURE_BY_NAME,
    FEATURE_NAMES,
    ID_COLUMN,
    LABEL_COLUMN,
)

MECHANISMS = ("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9")

# Share of all rows with each mechanism before the NOK 1,000 materiality rule (DOMAIN.md table).
TARGET_SHARE = {
    "M1": 0.012, "M2": 0.007, "M3": 0.003, "M4": 0.0025, "M5": 0.004,
    "M6": 0.0055, "M7": 0.003, "M8": 0.002, "M9": 0.0015,
}
UNEXPLAINED_SHARE = 0.007
LABEL_FLIP_SHARE = 0.05

# Behaviour modifiers on the chance of every mechanism (DOMAIN.md).
PREVIOUSLY_CHANGED_FACTOR = 1.5
LARGE_CHANGE_FACTOR = 1.3
LARGE_CHANGE_NOK = 25_000
PENSIONER_FACTOR = 0.7

SHIFTS = ("commute_double",)

# Income source codes of `hovedinntektskilde`.
WAGES, PENSION, DISABILITY, BUSINESS = 1, 2, 3, 4

# (code, name, relative population, SSB centrality class). Codes are those valid from
# 1 January 2024; centrality classes are approximate, the rows' own values are synthetic.
MUNICIPALITIES = (
    ("0301", "Oslo", 717, 1), ("4601", "Bergen", 291, 2), ("5001", "Trondheim", 214, 2),
    ("1103", "Stavanger", 148, 2), ("3201", "Bærum", 131, 1), ("4204", "Kristiansand", 116, 3),
    ("3301", "Drammen", 103, 2), ("3203", "Asker", 98, 2), ("3205", "Lillestrøm", 92, 2),
    ("3107", "Fredrikstad", 84, 3), ("1108", "Sandnes", 82, 2), ("5501", "Tromsø", 78, 3),
    ("3907", "Sandefjord", 65, 3), ("3207", "Nordre Follo", 63, 2), ("3905", "Tønsberg", 58, 3),
    ("3105", "Sarpsborg", 58, 3), ("4003", "Skien", 55, 3), ("1804", "Bodø", 53, 3),
    ("3909", "Larvik", 48, 3), ("3403", "Hamar", 32, 3),
    # The rest of the country, represented by smaller municipalities.
    ("4203", "Arendal", 180, 3), ("1106", "Haugesund", 160, 3), ("1506", "Molde", 150, 4),
    ("1505", "Kristiansund", 130, 4), ("3405", "Lillehammer", 140, 4), ("3407", "Gjøvik", 130, 4),
    ("5006", "Steinkjer", 110, 4), ("1833", "Rana", 110, 4), ("5601", "Alta", 100, 5),
    ("4640", "Sogndal", 90, 5), ("1520", "Ørsta", 90, 5), ("4617", "Kvinnherad", 90, 5),
    ("1865", "Vågan", 80, 5), ("5014", "Frøya", 70, 6),
)
# Commutes are longer where people live less centrally (median km relative to the whole).
CENTRALITY_DISTANCE_FACTOR = np.array([0.75, 0.9, 1.05, 1.25, 1.45, 1.6])
FERRY_SHARE_BY_CENTRALITY = np.array([0.002, 0.004, 0.008, 0.02, 0.04, 0.07])
DETOUR_SHARE = 0.03

SIVILSTAND = np.array(["ugift", "gift", "samboer", "skilt", "enke"])
# Marital status by age band (<30, 30–59, 60–74, 75+); a passthrough column, never a driver.
SIVILSTAND_BY_AGE = np.array([
    [0.72, 0.06, 0.20, 0.02, 0.00],
    [0.22, 0.44, 0.24, 0.10, 0.00],
    [0.10, 0.58, 0.10, 0.16, 0.06],
    [0.07, 0.48, 0.05, 0.12, 0.28],
])


@dataclass
class Generated:
    """The public columns (ALL_COLUMNS) and, for tests only, the mechanism each correct row imitates."""

    frame: pd.DataFrame
    lookalike: np.ndarray  # '' or 'M1'..'M9': a correct return that shares the mechanism's visible pattern


def pick_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category index per row from a (rows × categories) matrix of probabilities."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs)) * cum[:, -1]
    return np.minimum((u[:, None] >= cum).sum(axis=1), probs.shape[1] - 1)


def draw(rng: np.random.Generator, eligible: np.ndarray, weight: np.ndarray, share: float) -> np.ndarray:
    """Rows that commit a mechanism: each eligible row with chance ∝ weight, `share` of all rows on average."""
    n = len(eligible)
    total = float(weight[eligible].sum())
    if total <= 0 or n == 0:
        return np.zeros(n, bool)
    p = np.minimum(0.9, share * n * weight / total)
    return eligible & (rng.random(n) < p)


def generate(n: int, seed: int, shift: str | None = None) -> Generated:
    if shift is not None and shift not in SHIFTS:
        raise ValueError(f"unknown shift {shift!r}; known: {SHIFTS}")
    rng = np.random.default_rng(seed)
    zeros = np.zeros(n)

    # ---- person ---------------------------------------------------------------------------
    source = rng.choice([WAGES, PENSION, DISABILITY, BUSINESS], size=n, p=[0.71, 0.20, 0.06, 0.03])
    wages, pension, disability, business = (source == k for k in (WAGES, PENSION, DISABILITY, BUSINESS))
    age_draw = np.select(
        [wages, pension, disability],
        [rng.normal(42, 12, n), rng.normal(74, 7, n), rng.normal(50, 10, n)],
        rng.normal(47, 11, n),
    )
    age = np.clip(np.rint(age_draw), np.select([wages, pension], [18, 62], 20), np.select([wages, pension, disability], [72, 90, 67], 75))

    sivilstand = SIVILSTAND[pick_rows(rng, SIVILSTAND_BY_AGE[np.digitize(age, [30, 60, 75])])]

    weights = np.array([m[2] for m in MUNICIPALITIES], float)
    municipality = rng.choice(len(MUNICIPALITIES), size=n, p=weights / weights.sum())
    kommunenr = np.array([m[0] for m in MUNICIPALITIES])[municipality]
    # Centrality is set per neighbourhood, so it varies a little around the municipality's class.
    jitter = np.where(rng.random(n) < 0.15, rng.choice([-1, 1], n), 0)
    sentralitet = np.clip(np.array([m[3] for m in MUNICIPALITIES])[municipality] + jitter, 1, 6)

    # Children: up to four births from a first-birth age, 2–4 years apart.
    has_children = rng.random(n) < 0.85
    first_birth = rng.normal(29, 4.5, n)
    n_children = rng.choice([1, 2, 3, 4], size=n, p=[0.22, 0.45, 0.24, 0.09])
    gap = rng.integers(2, 5, n)
    child_age = np.floor(age[:, None] - (first_birth[:, None] + np.arange(4)[None, :] * gap[:, None]))
    child_exists = has_children[:, None] & (np.arange(4)[None, :] < n_children[:, None]) & (child_age >= 0)
    # A child who turns 12 in the income year no longer counts (age at year end 12).
    children_under_12 = (child_exists & (child_age < R.CHILDCARE_AGE_LIMIT)).sum(axis=1)
    minor = child_exists & (child_age <= 17)
    youngest = np.where(minor.any(axis=1), np.where(minor, child_age, 99).min(axis=1), np.nan)

    # ---- work and income ------------------------------------------------------------------
    part_time = rng.choice([20, 30, 40, 50, 60, 70, 80, 90], size=n, p=[0.06, 0.06, 0.12, 0.18, 0.16, 0.12, 0.2, 0.1])
    position = np.where(wages, np.where(rng.random(n) < 0.78, 100, part_time), 0)
    position = np.where(disability & (rng.random(n) < 0.3), np.minimum(part_time, 50), position)
    position = np.where(pension & (rng.random(n) < np.where(age < 67, 0.3, 0.04)), np.minimum(part_time, 60), position)
    position = np.where(business & (rng.random(n) < 0.15), part_time, position).astype(float)
    employed = position > 0
    u = rng.random(n)
    employers = employed * (1 + (u < 0.12) + (u < 0.02))

    age_profile = np.clip(0.62 + 0.38 * (age - 18) / 17, 0.62, 1.0)
    wage = np.where(employed, rng.lognormal(np.log(560_000), 0.33, n) * age_profile * position / 100, 0)
    wage += (~employed) * (rng.random(n) < 0.1) * rng.uniform(5_000, 60_000, n)
    wage = np.rint(wage)

    u = rng.random(n)
    sick = np.where(u < 0.55, 0, np.where(u < 0.85, rng.integers(1, 16, n), 16 + rng.exponential(35, n)))
    sick = np.minimum(np.rint(sick), 200) * employed

    # Sole proprietorships: main businesses, genuine side businesses (some of them start-ups),
    # and hobby-like activities whose owners deduct the loss (M9) or do not register at all.
    side_real = ~business & (rng.random(n) < np.select([wages, pension, disability], [0.028, 0.015, 0.01], 0))
    hobby = ~business & ~side_real & (rng.random(n) < 0.012)
    business_years = rng.integers(1, 15, n)
    main_loss = business & (rng.random(n) < 0.12)
    side_loss = side_real & (rng.random(n) < np.where(business_years <= 2, 0.6, 0.25))
    loss_years = np.select(
        [main_loss, side_loss & (business_years <= 2), side_loss],
        [rng.choice([1, 1, 1, 2, 3, 4], n), business_years, np.minimum(business_years, rng.choice([1, 2, 3, 3, 4, 5, 6], n))],
        0,
    )
    hobby_years = rng.integers(1, 10, n)
    enk_income = np.select(
        [main_loss, business, side_loss, side_real],
        [-rng.lognormal(np.log(80_000), 0.8, n), rng.lognormal(np.log(420_000), 0.6, n),
         -rng.lognormal(np.log(30_000), 0.8, n), rng.lognormal(np.log(45_000), 0.9, n)],
        0,
    )
    hobby_loss = rng.lognormal(np.log(28_000), 0.7, n)

    # ---- housing and debt -----------------------------------------------------------------
    owns = rng.random(n) < np.interp(age, [18, 25, 34, 45, 67, 90], [0.1, 0.3, 0.6, 0.8, 0.85, 0.8])
    mortgage = rng.lognormal(np.log(np.interp(age, [18, 35, 50, 67, 90], [2.6e6, 3.2e6, 2.2e6, 0.8e6, 0.2e6])), 0.6)
    other_debt = np.where(rng.random(n) < 0.5, rng.lognormal(np.log(150_000), 0.9, n), 0)
    debt = np.rint(np.minimum(np.where(owns, mortgage, 0) + other_debt, 15e6) * (rng.random(n) > 0.06))
    interest_pre = np.rint(debt * np.clip(rng.normal(0.054, 0.006, n), 0.035, 0.08))

    # ---- commuting --------------------------------------------------------------------------
    distance_scale = 10.0 * CENTRALITY_DISTANCE_FACTOR[sentralitet - 1] * (2.0 if shift == "commute_double" else 1.0)
    commuter = employed & (rng.random(n) < 0.025)  # has a commuter home far from home
    register_km = np.where(commuter, np.clip(rng.lognormal(np.log(250), 0.6, n), 60, 1_500), rng.lognormal(np.log(distance_scale), 0.95))
    if shift == "commute_double":
        register_km = np.where(commuter, register_km * 2, register_km)
    register_km = np.maximum(0.1, np.round(register_km, 1))
    moved = rng.random(n) < np.where(age < 35, 0.14, 0.06)
    # Correct claims can exceed the register distance: the register has the year-end address
    # of someone who moved, travel between two employers counts, a ferry route can be longer.
    route = rng.uniform(0.95, 1.12, n)
    route *= np.where(moved, np.exp(rng.normal(0.15, 0.45, n)), 1)
    route *= np.where((employers >= 2) & (rng.random(n) < 0.5), rng.uniform(1.2, 2.0, n), 1)
    # Ferries, and mountain roads closed in winter, make the reasonable route longer than the shortest.
    detour = rng.random(n) < FERRY_SHARE_BY_CENTRALITY[sentralitet - 1] + DETOUR_SHARE
    route *= np.where(detour, rng.uniform(1.3, 2.4, n), 1)
    true_km = np.where(commuter, np.rint(register_km), np.rint(register_km * route))
    # Part-time workers commute on fewer days, unless they work short days; graded sick leave
    # (part of the day at work) does not take days off the commute.
    short_days = rng.random(n) < 0.3
    day_share = np.where(short_days, 1.0, np.minimum(1.0, position / 100 * rng.uniform(1.0, 1.35, n)))
    days_full = np.where(position >= 100, R.FULL_YEAR_DAYS, np.rint(R.FULL_YEAR_DAYS * day_share))
    graded_sick = rng.random(n) < 0.35
    true_days = np.maximum(0, days_full - np.where(graded_sick, 0, np.maximum(0, sick - R.ABSENCE_ALLOWANCE_DAYS)))
    visits = rng.integers(18, 46, n)  # commuters' trips home
    true_days = np.where(commuter, visits, true_days) * employed
    entitled_travel = R.travel_deduction(true_km, true_days) * employed
    claims_travel = employed & (entitled_travel > 0) & (rng.random(n) < 0.9)
    # Toll and ferry costs above NOK 3,300 come on top of the per-km rate (FSFIN § 6-44-4),
    # so a correct deduction can exceed the formula.
    toll = claims_travel & (rng.random(n) < 0.05)
    toll_over = np.where(toll, np.rint(rng.uniform(1_000, 12_000, n)), 0)

    # Board and lodging: within 24 months of the first claim, or restarted by a new workplace
    # and commuter home in a new municipality (then the register shows the old first claim).
    commuter_years = np.where(commuter, np.minimum(rng.geometric(0.3, n) - 1, 20), np.nan)
    former_commuter = employed & ~commuter & (rng.random(n) < 0.01)
    commuter_years = np.where(former_commuter, rng.integers(1, 11, n), commuter_years)
    restarted = commuter & (commuter_years >= R.BOARD_LODGING_YEARS) & (rng.random(n) < 0.25)
    employers = np.where(restarted & (rng.random(n) < 0.6), np.maximum(employers, 2), employers)
    board_amount = np.rint(rng.lognormal(np.log(45_000), 0.4, n))
    entitled_board = np.where(commuter & ((commuter_years < R.BOARD_LODGING_YEARS) | restarted) & (rng.random(n) < 0.85), board_amount, 0)

    # ---- pre-filled items and their correct claims ---------------------------------------
    member = rng.random(n) < np.where(employed, 0.5, 0.04)
    dues = np.where(member, np.clip(wage * rng.uniform(0.009, 0.014, n), 1_200, 9_500), 0)
    dues = np.rint(dues + member * (rng.random(n) < 0.05) * rng.uniform(1_500, 4_000, n))
    entitled_union = np.minimum(dues, R.UNION_CAP)
    union_pre = entitled_union.copy()
    # Look-alikes: dues the union reported late, or not at all, claimed correctly.
    union_late = member & (rng.random(n) < 0.03)
    union_pre = np.where(union_late & (rng.random(n) < 0.3), 0, np.where(union_late, np.maximum(0, union_pre - np.rint(rng.uniform(100, 1_500, n))), union_pre))

    gives = rng.random(n) < np.clip(0.18 + wage / 4e6, 0, 0.45)
    gifts_pre = np.where(gives, np.clip(np.round(rng.lognormal(np.log(3_000), 1.0, n), -2), R.GIFTS_MIN_PER_ORGANISATION, R.GIFTS_CAP), 0)
    foreign_gift = rng.random(n) < 0.004  # approved foreign organisation: entered by the taxpayer, correct
    entitled_gifts = np.where(foreign_gift, np.minimum(gifts_pre + np.round(rng.uniform(500, 10_000, n), -2), R.GIFTS_CAP), gifts_pre)

    childcare_cap = R.CHILDCARE_CAP_PER_CHILD * children_under_12
    in_care = (children_under_12 > 0) & (rng.random(n) < 0.85)
    childcare_pre = np.where(in_care, np.minimum(np.rint(children_under_12 * rng.uniform(15_000, 36_000, n)), childcare_cap), 0)
    day_carer = (youngest <= 5) & (rng.random(n) < 0.06)  # unreported day-carer costs, correct
    entitled_childcare = np.where(day_carer, np.minimum(childcare_pre + np.rint(rng.uniform(3_000, 25_000, n)), childcare_cap), childcare_pre)
    # A partner's child in the household pays no heed to the register's count of own children.
    household_child = (age >= 25) & (age <= 55) & (rng.random(n) < 0.004)
    entitled_childcare = np.where(household_child, entitled_childcare + np.rint(rng.uniform(8_000, R.CHILDCARE_CAP_PER_CHILD, n)), entitled_childcare)

    family_loan = rng.random(n) < 0.006  # interest on a private family loan the register cannot see
    entitled_interest = interest_pre + np.where(family_loan, np.rint(rng.lognormal(np.log(6_000), 0.7, n)), 0)

    # ---- behaviour ---------------------------------------------------------------------------
    careless = rng.lognormal(0.0, 0.5, n)
    previously_changed = rng.random(n) < np.clip(0.03 * careless / np.exp(0.125), 0, 0.5)
    legit_change = (
        claims_travel * entitled_travel + entitled_board + (entitled_union - union_pre)
        + (entitled_gifts - gifts_pre) + (entitled_childcare - childcare_pre) + (entitled_interest - interest_pre)
    )
    weight = (
        careless
        * np.where(previously_changed, PREVIOUSLY_CHANGED_FACTOR, 1.0)
        * np.where(legit_change > LARGE_CHANGE_NOK, LARGE_CHANGE_FACTOR, 1.0)
        * np.where(pension, PENSIONER_FACTOR, 1.0)
    )

    # ---- errors ------------------------------------------------------------------------------
    over = {m: zeros.copy() for m in MECHANISMS}
    daily = employed & ~commuter & (true_days >= 20)

    # M1: claimed distance well above the real one, most tempting near the break-even distance.
    m1 = draw(rng, daily & (register_km >= 3), weight * np.where((register_km >= 8) & (register_km <= 25), 1.5, 1.0), TARGET_SHARE["M1"])
    inflated_km = np.rint(np.maximum(true_km * rng.uniform(1.1, 2.8, n), true_km + rng.uniform(2, 35, n)))
    # M2: a full year of days despite part-time work or long sick leave.
    m2 = draw(rng, daily & ~m1 & claims_travel & (true_days <= R.FULL_YEAR_DAYS - 15), weight, TARGET_SHARE["M2"])
    # M3: costs entered without subtracting the threshold.
    cost_capped = np.minimum(R.travel_cost(true_km, true_days), R.TRAVEL_COST_CAP)
    m3 = draw(rng, daily & ~m1 & ~m2 & (cost_capped >= 2 * R.MATERIALITY), weight, TARGET_SHARE["M3"])

    travel_claim = claims_travel | m1 | m2 | m3
    km_claimed = np.where(m1, inflated_km, true_km) * travel_claim
    days_claimed = np.where(m2, R.FULL_YEAR_DAYS, true_days) * travel_claim
    travel_claimed = np.where(m3, np.rint(cost_capped), R.travel_deduction(km_claimed, days_claimed)) * travel_claim
    travel_claimed = travel_claimed + toll_over * travel_claim
    entitled_travel = entitled_travel + toll_over
    travel_over = travel_claimed - entitled_travel
    for m, mask in (("M1", m1), ("M2", m2), ("M3", m3)):
        over[m] = np.where(mask, travel_over, 0)

    # M4: board and lodging after 24 months (a), or with a short register distance (b).
    m4a = draw(rng, commuter & (commuter_years >= R.BOARD_LODGING_YEARS) & ~restarted, weight, 0.7 * TARGET_SHARE["M4"])
    m4b = draw(rng, daily & (register_km < 40), weight, 0.3 * TARGET_SHARE["M4"])
    commuter_years = np.where(m4b & np.isnan(commuter_years), 0, commuter_years)
    board_claimed = np.where(m4a | m4b, np.where(m4b, np.rint(rng.lognormal(np.log(30_000), 0.5, n)), board_amount), entitled_board)
    over["M4"] = board_claimed - entitled_board

    # M5: union dues above the cap (a) or above the pre-filled amount with nothing reported (b).
    m5a = draw(rng, member & (entitled_union >= 4_000), weight, 0.4 * TARGET_SHARE["M5"])
    m5b = draw(rng, ~m5a & (employed | member), weight, 0.6 * TARGET_SHARE["M5"])
    union_claimed = np.select(
        [m5a, m5b],
        [R.UNION_CAP + np.rint(rng.uniform(1_000, 5_000, n)), np.minimum(entitled_union + np.rint(rng.uniform(1_000, 5_000, n)), 9_000)],
        entitled_union,
    )
    over["M5"] = union_claimed - entitled_union

    # M6: childcare with no child under 12 (a, most often a child who just turned 12),
    # or above NOK 25,000 per child (b).
    m6a = draw(rng, (children_under_12 == 0) & (age < 60), weight * np.where((youngest >= 12) & (youngest <= 14), 6.0, 1.0), 0.45 * TARGET_SHARE["M6"])
    m6b = draw(rng, children_under_12 > 0, weight, 0.55 * TARGET_SHARE["M6"])
    childcare_claimed = np.select(
        [m6a, m6b],
        [np.rint(rng.uniform(5_000, 25_000, n)), childcare_cap + np.rint(rng.uniform(2_000, 15_000, n))],
        entitled_childcare,
    )
    over["M6"] = childcare_claimed - entitled_childcare

    # M7: gifts the taxpayer entered (a), or above the cap (b).
    m7b = draw(rng, gifts_pre >= 12_000, weight, 0.15 * TARGET_SHARE["M7"])
    m7a = draw(rng, ~m7b, weight, 0.85 * TARGET_SHARE["M7"])
    gifts_claimed = np.select(
        [m7a, m7b],
        [entitled_gifts + np.round(rng.uniform(1_000, 15_000, n), -2), R.GIFTS_CAP + np.round(rng.uniform(2_000, 25_000, n), -2)],
        entitled_gifts,
    )
    over["M7"] = gifts_claimed - entitled_gifts

    # M8: self-entered interest implausible against the registered debt.
    m8 = draw(rng, np.ones(n, bool), weight * np.where(debt < 500_000, 2.5, 1.0), TARGET_SHARE["M8"])
    interest_claimed = entitled_interest + np.where(m8, np.rint(rng.lognormal(np.log(18_000), 0.8, n)), 0)
    over["M8"] = interest_claimed - entitled_interest

    # M9: a hobby's loss deducted year after year; a hobby's first two loss years pass as a start-up.
    m9 = draw(rng, hobby & (hobby_years >= 3), weight, TARGET_SHARE["M9"])
    hobby_claims = m9 | (hobby & (hobby_years < 3) & (rng.random(n) < 0.5))
    enk = business | side_real | hobby_claims
    enk_income = np.where(hobby_claims, -hobby_loss, enk_income)
    loss_years = np.where(hobby_claims, hobby_years, loss_years)
    over["M9"] = np.where(m9, np.rint(hobby_loss), 0)

    # ---- what a control records ---------------------------------------------------------------
    counted = np.stack([over[m] >= R.MATERIALITY for m in MECHANISMS], axis=1)
    amounts = np.stack([np.where(over[m] >= R.MATERIALITY, over[m], 0) for m in MECHANISMS], axis=1)
    incorrect = counted.any(axis=1)
    feil_type = np.where(incorrect, np.array(MECHANISMS)[amounts.argmax(axis=1)], "")
    feil_belop = amounts.sum(axis=1)

    # An incorrect deduction that no column shows (an item outside this extract).
    unexplained = draw(rng, ~incorrect, weight, UNEXPLAINED_SHARE)
    feil_belop = np.where(unexplained, np.rint(R.MATERIALITY + rng.lognormal(np.log(5_000), 0.8, n)), feil_belop)
    truth = incorrect | unexplained
    # Controls miss some errors and wrongly record others: flip 5 % of the positives and as
    # many negatives, so the explorer shows real false positives and negatives.
    label = truth.copy()
    positives = np.flatnonzero(truth)
    negatives = np.flatnonzero(~truth)
    n_flip = int(round(LABEL_FLIP_SHARE * len(positives)))
    if n_flip:
        label[rng.choice(positives, n_flip, replace=False)] = False
        label[rng.choice(negatives, min(n_flip, len(negatives)), replace=False)] = True

    # ---- history and derived ---------------------------------------------------------------
    repeated = rng.random(n) < 0.5  # last year's return had the same error
    last_travel = np.where(claims_travel & ~(moved & (rng.random(n) < 0.5)) & (rng.random(n) < 0.9), entitled_travel * rng.uniform(0.85, 1.1, n), 0)
    last_travel = np.where((m1 | m2 | m3) & repeated, travel_claimed * rng.uniform(0.9, 1.1, n), last_travel)
    last_board = np.where(commuter & (commuter_years >= 1) & (commuter_years <= R.BOARD_LODGING_YEARS), board_amount * rng.uniform(0.8, 1.1, n), 0)
    last_other = (union_pre + gifts_pre + np.where(youngest <= 10, childcare_pre, 0) + interest_pre) * rng.lognormal(0, 0.12, n)
    other_over = over["M4"] + over["M5"] + over["M6"] + over["M7"] + over["M8"]
    last_total = np.rint(last_travel + last_board + last_other + np.where(repeated, other_over, 0) * (other_over > 0))
    last_travel = np.rint(last_travel)

    extra_edits = rng.poisson(0.3 * careless)
    extra_amount = extra_edits * rng.lognormal(np.log(4_000), 0.8, n) * np.where(rng.random(n) < 0.4, -1, 1)
    items_changed = (
        (union_claimed != union_pre).astype(int) + (gifts_claimed != gifts_pre) + (childcare_claimed != childcare_pre)
        + (interest_claimed != interest_pre) + (travel_claimed > 0) + (board_claimed > 0) + extra_edits
    )
    change = np.rint(
        (union_claimed - union_pre) + (gifts_claimed - gifts_pre) + (childcare_claimed - childcare_pre)
        + (interest_claimed - interest_pre) + travel_claimed + board_claimed + extra_amount
    )

    # ---- register values that never arrived -------------------------------------------------
    no_last_year = (age <= 18) | (rng.random(n) < 0.02)
    columns = {
        "alder": age,
        "sentralitet": np.where(rng.random(n) < 0.004, np.nan, sentralitet),
        "antall_barn_under_12": children_under_12,
        "yngste_barn_alder": youngest,
        "hovedinntektskilde": source,
        "lonnsinntekt": wage,
        "stillingsprosent": np.where(rng.random(n) < 0.015, np.nan, position),
        "sykefravaer_dager": np.where(rng.random(n) < 0.01, np.nan, sick),
        "antall_arbeidsgivere": employers,
        "har_enk": enk,
        "naeringsinntekt": np.rint(enk_income) * enk,
        "enk_underskudd_ar_pa_rad": loss_years * enk,
        "avstand_reg_km": np.where(employed & (rng.random(n) >= 0.025), register_km, np.nan),
        "flyttet_i_aar": moved,
        "reise_km_oppgitt": km_claimed,
        "reise_dager_oppgitt": days_claimed,
        "reisefradrag": travel_claimed,
        "pendler_kost_losji": board_claimed,
        "pendler_ar_siden_forste_krav": commuter_years,
        "fagforening_forhandsutfylt": union_pre,
        "fagforening_krevd": union_claimed,
        "gaver_forhandsutfylt": gifts_pre,
        "gaver_krevd": gifts_claimed,
        "foreldrefradrag_forhandsutfylt": childcare_pre,
        "foreldrefradrag_krevd": childcare_claimed,
        "renter_forhandsutfylt": interest_pre,
        "renter_krevd": interest_claimed,
        "gjeld": debt,
        "eier_bolig": owns,
        "antall_poster_endret": items_changed,
        "endring_fra_forhandsutfylt": change,
        "fjorarets_sum_fradrag": np.where(no_last_year, np.nan, last_total),
        "fjorarets_reisefradrag": np.where(no_last_year, np.nan, last_travel),
        "tidligere_kontrollert_endret": previously_changed,
    }
    assert tuple(columns) == FEATURE_NAMES, "generator columns must follow the feature catalogue"

    # Identifiers: "S" + 7 digits, unique, leading zeros kept (never 11 digits like a national id).
    ids = rng.choice(10_000_000, size=n, replace=False)
    frame = pd.DataFrame({ID_COLUMN: np.array([f"S{i:07d}" for i in ids], dtype=object)})
    frame["kommunenr"] = kommunenr.astype(object)
    frame["sivilstand"] = sivilstand.astype(object)
    for name, values in columns.items():
        values = np.asarray(values, float)
        if FEATURE_BY_NAME[name].decimals:
            frame[name] = np.round(values, FEATURE_BY_NAME[name].decimals)
        else:
            missing = np.isnan(values)
            frame[name] = pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int64), missing)
    frame[LABEL_COLUMN] = label.astype(np.int64)
    frame["feil_type"] = feil_type.astype(object)
    frame["feil_belop"] = np.rint(feil_belop * truth).astype(np.int64)
    assert tuple(frame.columns) == ALL_COLUMNS

    # One mechanism per look-alike row; where a row imitates several, the rarer pattern is kept.
    lookalike = np.full(n, "", dtype=object)
    for m, mask in (
        ("M2", claims_travel & ~m2 & ((position < 100) | (sick > R.ABSENCE_ALLOWANCE_DAYS))),
        ("M1", claims_travel & ~m1 & (true_km >= 1.4 * register_km)),
        ("M5", union_late & (union_claimed > union_pre) & ~m5a & ~m5b),
        ("M9", enk & (enk_income < 0) & ~m9),
        ("M3", toll & ~m3),
        ("M6", (day_carer | household_child) & (entitled_childcare > childcare_pre) & ~m6a & ~m6b),
        ("M8", family_loan & ~m8),
        ("M7", foreign_gift & ~m7a & ~m7b),
        ("M4", restarted & (entitled_board > 0) & ~m4a),
    ):
        lookalike[mask & ~truth] = m
    return Generated(frame=frame, lookalike=lookalike)


def write_csv(frame: pd.DataFrame, path: Path | str, columns: tuple[str, ...] | None = None) -> None:
    """Plain UTF-8, comma, LF, '.' decimals, empty cell for missing, integers without '.0'."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = frame if columns is None else frame.loc[:, list(columns)]
    # The only decimal column (km) is written shortest: 6.8, and 2 rather than 2.0.
    out.to_csv(path, index=False, lineterminator="\n", na_rep="", encoding="utf-8", float_format="%.10g")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--shift", choices=SHIFTS)
    args = parser.parse_args(argv)
    generated = generate(args.rows, args.seed, args.shift)
    write_csv(generated.frame, args.out)
    frame = generated.frame
    print(f"{len(frame):,} rows, base rate {frame[LABEL_COLUMN].mean():.2%}, written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
