"""The nine ways of claiming too much, M1–M9 (generate.py, pass 2), one function each.

Each function draws the rows that commit its mechanism from the shared generator and says what
they claim; claims() runs them in the order M1, M2, …, M9. That order, and the order of the
draws within each function, is the order of the draws from the generator: change it and the
same seed gives other rows (tests/test_generate_unchanged.py). Mechanisms, shares and
look-alikes: /work/shared/DOMAIN.md; rules: rules_2024.py. The look-alikes are drawn with the
correct return (population.py), since they change what a taxpayer is entitled to; each
docstring names them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import rules_2024 as R
from population import (
    BoardAndLodging,
    Childcare,
    Commute,
    Person,
    Population,
    PrefilledItem,
    SoleProprietorship,
    UnionDues,
)

MECHANISMS = ("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9")

# Share of all rows with each mechanism before the NOK 1,000 materiality rule (DOMAIN.md table).
TARGET_SHARE = {
    "M1": 0.012, "M2": 0.007, "M3": 0.003, "M4": 0.0025, "M5": 0.004,
    "M6": 0.0055, "M7": 0.003, "M8": 0.002, "M9": 0.0015,
}


def draw(rng: np.random.Generator, eligible: np.ndarray, weight: np.ndarray, share: float) -> np.ndarray:
    """Rows that commit a mechanism: each eligible row with chance ∝ weight, `share` of all rows on average."""
    n = len(eligible)
    total = float(weight[eligible].sum())
    if total <= 0 or n == 0:
        return np.zeros(n, bool)
    p = np.minimum(0.9, share * n * weight / total)
    return eligible & (rng.random(n) < p)


def m1_commute_distance(rng: np.random.Generator, daily: np.ndarray, c: Commute, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """M1: a claimed distance well above the real one (travel: NOK 1.76 per km of the shortest
    reasonable route), most tempting near the break-even distance of about 18.5 km.

    Look-alikes: a move in the year (the register has the year-end address), travel between two
    employers, a ferry or a road closed in winter; their correct routes are longer than the
    register's. Returns the rows and the distance they would claim.
    """
    n = len(daily)
    m1 = draw(rng, daily & (c.register_km >= 3), weight * np.where((c.register_km >= 8) & (c.register_km <= 25), 1.5, 1.0), TARGET_SHARE["M1"])
    inflated_km = np.rint(np.maximum(c.true_km * rng.uniform(1.1, 2.8, n), c.true_km + rng.uniform(2, 35, n)))
    return m1, inflated_km


def m2_full_year_of_days(rng: np.random.Generator, eligible: np.ndarray, c: Commute, weight: np.ndarray) -> np.ndarray:
    """M2: a full year of 230 days despite part-time work or more than 15 days of sick leave,
    which must be taken off the days.

    Look-alikes: part-time workers and the sick who claim their fewer days correctly (a
    full-year claim from someone who works short days, or on graded sick leave, is correct too).
    """
    return draw(rng, eligible & c.claims & (c.true_days <= R.FULL_YEAR_DAYS - 15), weight, TARGET_SHARE["M2"])


def m3_threshold_not_subtracted(rng: np.random.Generator, eligible: np.ndarray, c: Commute, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """M3: travel costs entered without subtracting the NOK 14,950 threshold (the cap of 97,000 kept).

    Look-alikes: toll and ferry costs above NOK 3,300, which come on top of the per-km
    deduction, so a correct claim can exceed the formula. Returns the rows and their capped costs.
    """
    cost_capped = np.minimum(R.travel_cost(c.true_km, c.true_days), R.TRAVEL_COST_CAP)
    m3 = draw(rng, eligible & (cost_capped >= 2 * R.MATERIALITY), weight, TARGET_SHARE["M3"])
    return m3, cost_capped


def m4_board_and_lodging(
    rng: np.random.Generator, daily: np.ndarray, c: Commute, b: BoardAndLodging, weight: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """M4: board and lodging after the 24 months from the first claim (a), or claimed by a daily
    commuter with a short register distance (b).

    Look-alikes: a commuter who moved both workplace and commuter home to a new municipality,
    which starts the 24 months again while the register still shows the old first claim.
    Returns the rows, the amount claimed, and the years since the first claim as the register
    then shows them (a first claim this year for (b)).
    """
    n = len(daily)
    m4a = draw(rng, c.commuter & (b.years >= R.BOARD_LODGING_YEARS) & ~b.restarted, weight, 0.7 * TARGET_SHARE["M4"])
    m4b = draw(rng, daily & (c.register_km < 40), weight, 0.3 * TARGET_SHARE["M4"])
    years = np.where(m4b & np.isnan(b.years), 0, b.years)
    claimed = np.where(m4a | m4b, np.where(m4b, np.rint(rng.lognormal(np.log(30_000), 0.5, n)), b.amount), b.entitled)
    return m4a | m4b, claimed, years


def m5_union_dues(rng: np.random.Generator, employed: np.ndarray, u: UnionDues, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """M5: union dues above the NOK 8,000 cap (a), or above the pre-filled amount with nothing reported (b).

    Look-alikes: dues the union reported late or not at all, claimed correctly above the
    pre-filled amount and below the cap. Returns the rows and the dues claimed.
    """
    n = len(employed)
    m5a = draw(rng, u.member & (u.entitled >= 4_000), weight, 0.4 * TARGET_SHARE["M5"])
    m5b = draw(rng, ~m5a & (employed | u.member), weight, 0.6 * TARGET_SHARE["M5"])
    claimed = np.select(
        [m5a, m5b],
        [R.UNION_CAP + np.rint(rng.uniform(1_000, 5_000, n)), np.minimum(u.entitled + np.rint(rng.uniform(1_000, 5_000, n)), 9_000)],
        u.entitled,
    )
    return m5a | m5b, claimed


def m6_childcare(rng: np.random.Generator, p: Person, cc: Childcare, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """M6: childcare with no child under 12 (a, most often for a child who has just turned 12,
    from which year nothing is deductible), or above NOK 25,000 per child (b).

    Look-alikes: genuine day-carer costs for young children that no one reported, and a
    partner's child in the household, whom the register's count of own children misses.
    Returns the rows and the amount claimed.
    """
    n = len(weight)
    m6a = draw(rng, (p.children_under_12 == 0) & (p.age < 60), weight * np.where((p.youngest >= 12) & (p.youngest <= 14), 6.0, 1.0), 0.45 * TARGET_SHARE["M6"])
    m6b = draw(rng, p.children_under_12 > 0, weight, 0.55 * TARGET_SHARE["M6"])
    claimed = np.select(
        [m6a, m6b],
        [np.rint(rng.uniform(5_000, 25_000, n)), cc.cap + np.rint(rng.uniform(2_000, 15_000, n))],
        cc.entitled,
    )
    return m6a | m6b, claimed


def m7_gifts(rng: np.random.Generator, g: PrefilledItem, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """M7: gifts the taxpayer entered although only the organisations may report them (a), or
    above the NOK 25,000 cap (b).

    Look-alikes: gifts to an approved foreign organisation, which the taxpayer enters and may.
    Returns the rows and the amount claimed.
    """
    n = len(weight)
    m7b = draw(rng, g.prefilled >= 12_000, weight, 0.15 * TARGET_SHARE["M7"])
    m7a = draw(rng, ~m7b, weight, 0.85 * TARGET_SHARE["M7"])
    claimed = np.select(
        [m7a, m7b],
        [g.entitled + np.round(rng.uniform(1_000, 15_000, n), -2), R.GIFTS_CAP + np.round(rng.uniform(2_000, 25_000, n), -2)],
        g.entitled,
    )
    return m7a | m7b, claimed


def m8_interest(rng: np.random.Generator, debt: np.ndarray, i: PrefilledItem, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """M8: self-entered interest that the registered debt cannot explain (all interest paid is
    deductible, and Norwegian lenders report theirs), more often with little debt.

    Look-alikes: interest on a genuine private family loan, which only the taxpayer can enter.
    Returns the rows and the interest claimed.
    """
    n = len(weight)
    m8 = draw(rng, np.ones(n, bool), weight * np.where(debt < 500_000, 2.5, 1.0), TARGET_SHARE["M8"])
    claimed = i.entitled + np.where(m8, np.rint(rng.lognormal(np.log(18_000), 0.8, n)), 0)
    return m8, claimed


@dataclass(frozen=True)
class FiledBusiness:
    """The sole proprietorship as the return shows it, hobbies that claim a loss included."""

    has_enk: np.ndarray
    income: np.ndarray
    loss_years: np.ndarray


def m9_hobby_loss(rng: np.random.Generator, business: np.ndarray, e: SoleProprietorship, weight: np.ndarray) -> tuple[np.ndarray, FiledBusiness]:
    """M9: a hobby's loss deducted year after year, though only a business ("virksomhet"), not a
    hobby, may deduct a loss.

    Look-alikes: a hobby's first two loss years, which pass as a start-up's, and genuine
    businesses and start-ups with losses in a row. Returns the rows and the businesses as filed.
    """
    n = len(weight)
    m9 = draw(rng, e.hobby & (e.hobby_years >= 3), weight, TARGET_SHARE["M9"])
    hobby_claims = m9 | (e.hobby & (e.hobby_years < 3) & (rng.random(n) < 0.5))
    filed = FiledBusiness(
        has_enk=business | e.side_real | hobby_claims,
        income=np.where(hobby_claims, -e.hobby_loss, e.income),
        loss_years=np.where(hobby_claims, e.hobby_years, e.loss_years),
    )
    return m9, filed


@dataclass(frozen=True)
class Claims:
    """The returns as filed, and per mechanism the rows that commit it and their overclaim in NOK."""

    committed: dict[str, np.ndarray]
    over: dict[str, np.ndarray]
    km: np.ndarray
    days: np.ndarray
    travel: np.ndarray
    travel_entitled: np.ndarray  # the formula plus toll and ferry costs above NOK 3,300
    board: np.ndarray
    commuter_years: np.ndarray  # years since the first board-and-lodging claim, as registered
    union: np.ndarray
    childcare: np.ndarray
    gifts: np.ndarray
    interest: np.ndarray
    enk: FiledBusiness


def claims(rng: np.random.Generator, pop: Population) -> Claims:
    """Who commits which mechanism, in the order M1…M9, and what everyone claims."""
    c, weight = pop.commute, pop.behaviour.weight
    daily = pop.work.employed & ~c.commuter & (c.true_days >= 20)

    m1, inflated_km = m1_commute_distance(rng, daily, c, weight)
    m2 = m2_full_year_of_days(rng, daily & ~m1, c, weight)
    m3, cost_capped = m3_threshold_not_subtracted(rng, daily & ~m1 & ~m2, c, weight)
    travel_claim = c.claims | m1 | m2 | m3
    km = np.where(m1, inflated_km, c.true_km) * travel_claim
    days = np.where(m2, R.FULL_YEAR_DAYS, c.true_days) * travel_claim
    travel = np.where(m3, np.rint(cost_capped), R.travel_deduction(km, days)) * travel_claim
    travel = travel + c.toll_over * travel_claim
    travel_entitled = c.entitled + c.toll_over
    travel_over = travel - travel_entitled

    m4, board, commuter_years = m4_board_and_lodging(rng, daily, c, pop.board, weight)
    m5, union = m5_union_dues(rng, pop.work.employed, pop.union, weight)
    m6, childcare = m6_childcare(rng, pop.person, pop.childcare, weight)
    m7, gifts = m7_gifts(rng, pop.gifts, weight)
    m8, interest = m8_interest(rng, pop.housing.debt, pop.interest, weight)
    m9, enk = m9_hobby_loss(rng, pop.person.business, pop.enk, weight)

    over = {
        "M1": np.where(m1, travel_over, 0),
        "M2": np.where(m2, travel_over, 0),
        "M3": np.where(m3, travel_over, 0),
        "M4": board - pop.board.entitled,
        "M5": union - pop.union.entitled,
        "M6": childcare - pop.childcare.entitled,
        "M7": gifts - pop.gifts.entitled,
        "M8": interest - pop.interest.entitled,
        "M9": np.where(m9, np.rint(pop.enk.hobby_loss), 0),
    }
    committed = dict(zip(MECHANISMS, (m1, m2, m3, m4, m5, m6, m7, m8, m9)))
    return Claims(committed, over, km, days, travel, travel_entitled, board, commuter_years,
                  union, childcare, gifts, interest, enk)
