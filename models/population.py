"""The synthetic taxpayers and their correct returns, before anyone claims too much (generate.py, pass 1).

Each step draws one part of the world from the shared generator and returns it as a small
frozen dataclass. The order of the steps, and of the draws within each, is the order of the
draws from the generator: change it and the same seed gives other rows (the committed model,
fixtures and demo sample follow from the seeds; tests/test_generate_unchanged.py). Rules: rules_2024.py; the behaviour
modifiers and look-alikes: /work/shared/DOMAIN.md.

The look-alikes that share an error's visible pattern but are correct are drawn here, with
the correct return, since they change what a taxpayer is entitled to: a move, two employers
or a ferry (M1), part-time work and sick leave claimed correctly (M2), toll and ferry costs
(M3), a restarted commute (M4), dues the union reported late (M5), a day carer or a
partner's child (M6), an approved foreign organisation (M7), a private family loan (M8),
businesses and start-ups with losses in a row (M9; a hobby's first loss years, which pass as
a start-up's, are drawn with M9 in mechanisms.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import rules_2024 as R

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

# Behaviour modifiers on the chance of every mechanism (DOMAIN.md).
PREVIOUSLY_CHANGED_FACTOR = 1.5
LARGE_CHANGE_FACTOR = 1.3
LARGE_CHANGE_NOK = 25_000
PENSIONER_FACTOR = 0.7


def pick_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category index per row from a (rows × categories) matrix of probabilities."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs)) * cum[:, -1]
    return np.minimum((u[:, None] >= cum).sum(axis=1), probs.shape[1] - 1)


@dataclass(frozen=True)
class Person:
    source: np.ndarray  # income source code
    age: np.ndarray
    sivilstand: np.ndarray
    kommunenr: np.ndarray
    sentralitet: np.ndarray
    children_under_12: np.ndarray
    youngest: np.ndarray  # age of the youngest child under 18, NaN without one

    @property
    def wages(self) -> np.ndarray:
        return self.source == WAGES

    @property
    def pension(self) -> np.ndarray:
        return self.source == PENSION

    @property
    def disability(self) -> np.ndarray:
        return self.source == DISABILITY

    @property
    def business(self) -> np.ndarray:
        return self.source == BUSINESS


def person(rng: np.random.Generator, n: int) -> Person:
    """Income source, age, marital status, municipality and children."""
    source = rng.choice([WAGES, PENSION, DISABILITY, BUSINESS], size=n, p=[0.71, 0.20, 0.06, 0.03])
    wages, pension, disability = (source == k for k in (WAGES, PENSION, DISABILITY))
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
    return Person(source, age, sivilstand, kommunenr, sentralitet, children_under_12, youngest)


@dataclass(frozen=True)
class Work:
    position: np.ndarray  # percent of full time, 0 without a job
    employed: np.ndarray
    employers: np.ndarray
    wage: np.ndarray
    sick: np.ndarray  # days of sick leave


def work(rng: np.random.Generator, n: int, p: Person) -> Work:
    """Position, employers, wages and sick leave."""
    part_time = rng.choice([20, 30, 40, 50, 60, 70, 80, 90], size=n, p=[0.06, 0.06, 0.12, 0.18, 0.16, 0.12, 0.2, 0.1])
    position = np.where(p.wages, np.where(rng.random(n) < 0.78, 100, part_time), 0)
    position = np.where(p.disability & (rng.random(n) < 0.3), np.minimum(part_time, 50), position)
    position = np.where(p.pension & (rng.random(n) < np.where(p.age < 67, 0.3, 0.04)), np.minimum(part_time, 60), position)
    position = np.where(p.business & (rng.random(n) < 0.15), part_time, position).astype(float)
    employed = position > 0
    u = rng.random(n)
    employers = employed * (1 + (u < 0.12) + (u < 0.02))

    age_profile = np.clip(0.62 + 0.38 * (p.age - 18) / 17, 0.62, 1.0)
    wage = np.where(employed, rng.lognormal(np.log(560_000), 0.33, n) * age_profile * position / 100, 0)
    wage += (~employed) * (rng.random(n) < 0.1) * rng.uniform(5_000, 60_000, n)
    wage = np.rint(wage)

    u = rng.random(n)
    sick = np.where(u < 0.55, 0, np.where(u < 0.85, rng.integers(1, 16, n), 16 + rng.exponential(35, n)))
    sick = np.minimum(np.rint(sick), 200) * employed
    return Work(position, employed, employers, wage, sick)


@dataclass(frozen=True)
class SoleProprietorship:
    side_real: np.ndarray  # a genuine side business
    hobby: np.ndarray  # a hobby-like activity, not a business
    hobby_years: np.ndarray
    hobby_loss: np.ndarray
    income: np.ndarray  # the businesses' result, NOK (hobbies not included)
    loss_years: np.ndarray  # losses in a row of the businesses


def sole_proprietorship(rng: np.random.Generator, n: int, p: Person) -> SoleProprietorship:
    """Main businesses, genuine side businesses (some of them start-ups), and hobby-like
    activities whose owners deduct the loss (M9) or do not register at all."""
    business = p.business
    side_real = ~business & (rng.random(n) < np.select([p.wages, p.pension, p.disability], [0.028, 0.015, 0.01], 0))
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
    income = np.select(
        [main_loss, business, side_loss, side_real],
        [-rng.lognormal(np.log(80_000), 0.8, n), rng.lognormal(np.log(420_000), 0.6, n),
         -rng.lognormal(np.log(30_000), 0.8, n), rng.lognormal(np.log(45_000), 0.9, n)],
        0,
    )
    hobby_loss = rng.lognormal(np.log(28_000), 0.7, n)
    return SoleProprietorship(side_real, hobby, hobby_years, hobby_loss, income, loss_years)


@dataclass(frozen=True)
class Housing:
    owns: np.ndarray
    debt: np.ndarray
    interest: np.ndarray  # interest the Norwegian lenders report (pre-filled)


def housing(rng: np.random.Generator, n: int, p: Person) -> Housing:
    """Home ownership, debt and the interest lenders report."""
    owns = rng.random(n) < np.interp(p.age, [18, 25, 34, 45, 67, 90], [0.1, 0.3, 0.6, 0.8, 0.85, 0.8])
    mortgage = rng.lognormal(np.log(np.interp(p.age, [18, 35, 50, 67, 90], [2.6e6, 3.2e6, 2.2e6, 0.8e6, 0.2e6])), 0.6)
    other_debt = np.where(rng.random(n) < 0.5, rng.lognormal(np.log(150_000), 0.9, n), 0)
    debt = np.rint(np.minimum(np.where(owns, mortgage, 0) + other_debt, 15e6) * (rng.random(n) > 0.06))
    interest = np.rint(debt * np.clip(rng.normal(0.054, 0.006, n), 0.035, 0.08))
    return Housing(owns, debt, interest)


@dataclass(frozen=True)
class Commute:
    commuter: np.ndarray  # has a commuter home far from home
    register_km: np.ndarray
    moved: np.ndarray
    true_km: np.ndarray  # the shortest reasonable route, one way
    true_days: np.ndarray  # working days travelled (commuters: trips home)
    entitled: np.ndarray  # the travel deduction by the formula, toll not included
    claims: np.ndarray  # claims the travel deduction it is entitled to
    toll: np.ndarray  # has toll and ferry costs above NOK 3,300
    toll_over: np.ndarray  # those costs above NOK 3,300, on top of the formula


def commute(rng: np.random.Generator, n: int, p: Person, w: Work, shift: str | None) -> Commute:
    """Register distance, the real route and days, and the correct travel deduction."""
    distance_scale = 10.0 * CENTRALITY_DISTANCE_FACTOR[p.sentralitet - 1] * (2.0 if shift == "commute_double" else 1.0)
    commuter = w.employed & (rng.random(n) < 0.025)
    register_km = np.where(commuter, np.clip(rng.lognormal(np.log(250), 0.6, n), 60, 1_500), rng.lognormal(np.log(distance_scale), 0.95))
    if shift == "commute_double":
        register_km = np.where(commuter, register_km * 2, register_km)
    register_km = np.maximum(0.1, np.round(register_km, 1))
    moved = rng.random(n) < np.where(p.age < 35, 0.14, 0.06)
    # Correct claims can exceed the register distance: the register has the year-end address
    # of someone who moved, travel between two employers counts, a ferry route can be longer.
    route = rng.uniform(0.95, 1.12, n)
    route *= np.where(moved, np.exp(rng.normal(0.15, 0.45, n)), 1)
    route *= np.where((w.employers >= 2) & (rng.random(n) < 0.5), rng.uniform(1.2, 2.0, n), 1)
    # Ferries, and mountain roads closed in winter, make the reasonable route longer than the shortest.
    detour = rng.random(n) < FERRY_SHARE_BY_CENTRALITY[p.sentralitet - 1] + DETOUR_SHARE
    route *= np.where(detour, rng.uniform(1.3, 2.4, n), 1)
    true_km = np.where(commuter, np.rint(register_km), np.rint(register_km * route))
    # Part-time workers commute on fewer days, unless they work short days; graded sick leave
    # (part of the day at work) does not take days off the commute.
    short_days = rng.random(n) < 0.3
    day_share = np.where(short_days, 1.0, np.minimum(1.0, w.position / 100 * rng.uniform(1.0, 1.35, n)))
    days_full = np.where(w.position >= 100, R.FULL_YEAR_DAYS, np.rint(R.FULL_YEAR_DAYS * day_share))
    graded_sick = rng.random(n) < 0.35
    true_days = np.maximum(0, days_full - np.where(graded_sick, 0, np.maximum(0, w.sick - R.ABSENCE_ALLOWANCE_DAYS)))
    visits = rng.integers(18, 46, n)  # commuters' trips home
    true_days = np.where(commuter, visits, true_days) * w.employed
    entitled = R.travel_deduction(true_km, true_days) * w.employed
    claims = w.employed & (entitled > 0) & (rng.random(n) < 0.9)
    # Toll and ferry costs above NOK 3,300 come on top of the per-km rate (FSFIN § 6-44-4),
    # so a correct deduction can exceed the formula.
    toll = claims & (rng.random(n) < 0.05)
    toll_over = np.where(toll, np.rint(rng.uniform(1_000, 12_000, n)), 0)
    return Commute(commuter, register_km, moved, true_km, true_days, entitled, claims, toll, toll_over)


@dataclass(frozen=True)
class BoardAndLodging:
    years: np.ndarray  # years since the first claim, NaN for those who never commuted
    restarted: np.ndarray  # new workplace and commuter home in a new municipality
    employers: np.ndarray  # employers after a restart, which often brings a new one
    amount: np.ndarray  # what board and lodging costs, whether deductible or not
    entitled: np.ndarray


def board_and_lodging(rng: np.random.Generator, n: int, w: Work, c: Commute) -> BoardAndLodging:
    """Board and lodging: within 24 months of the first claim, or restarted by a new workplace
    and commuter home in a new municipality (then the register shows the old first claim)."""
    years = np.where(c.commuter, np.minimum(rng.geometric(0.3, n) - 1, 20), np.nan)
    former_commuter = w.employed & ~c.commuter & (rng.random(n) < 0.01)
    years = np.where(former_commuter, rng.integers(1, 11, n), years)
    restarted = c.commuter & (years >= R.BOARD_LODGING_YEARS) & (rng.random(n) < 0.25)
    employers = np.where(restarted & (rng.random(n) < 0.6), np.maximum(w.employers, 2), w.employers)
    amount = np.rint(rng.lognormal(np.log(45_000), 0.4, n))
    entitled = np.where(c.commuter & ((years < R.BOARD_LODGING_YEARS) | restarted) & (rng.random(n) < 0.85), amount, 0)
    return BoardAndLodging(years, restarted, employers, amount, entitled)


@dataclass(frozen=True)
class PrefilledItem:
    """A deduction item the registers pre-fill, and what the taxpayer may correctly claim."""

    prefilled: np.ndarray
    entitled: np.ndarray
    # Rows whose correct claim differs from the pre-filled amount for a reason the registers
    # do not show: the item's mechanism's look-alikes.
    unreported: np.ndarray


@dataclass(frozen=True)
class UnionDues(PrefilledItem):
    member: np.ndarray


def union_dues(rng: np.random.Generator, n: int, w: Work) -> UnionDues:
    """Dues capped at NOK 8,000; look-alikes: dues the union reported late, or not at all, claimed correctly."""
    member = rng.random(n) < np.where(w.employed, 0.5, 0.04)
    dues = np.where(member, np.clip(w.wage * rng.uniform(0.009, 0.014, n), 1_200, 9_500), 0)
    dues = np.rint(dues + member * (rng.random(n) < 0.05) * rng.uniform(1_500, 4_000, n))
    entitled = np.minimum(dues, R.UNION_CAP)
    prefilled = entitled.copy()
    late = member & (rng.random(n) < 0.03)
    prefilled = np.where(late & (rng.random(n) < 0.3), 0, np.where(late, np.maximum(0, prefilled - np.rint(rng.uniform(100, 1_500, n))), prefilled))
    return UnionDues(prefilled, entitled, late, member)


def gifts(rng: np.random.Generator, n: int, w: Work) -> PrefilledItem:
    """Gifts the organisations report, NOK 500 to 25,000; look-alike: an approved foreign
    organisation, which the taxpayer enters and may."""
    gives = rng.random(n) < np.clip(0.18 + w.wage / 4e6, 0, 0.45)
    prefilled = np.where(gives, np.clip(np.round(rng.lognormal(np.log(3_000), 1.0, n), -2), R.GIFTS_MIN_PER_ORGANISATION, R.GIFTS_CAP), 0)
    foreign = rng.random(n) < 0.004
    entitled = np.where(foreign, np.minimum(prefilled + np.round(rng.uniform(500, 10_000, n), -2), R.GIFTS_CAP), prefilled)
    return PrefilledItem(prefilled, entitled, foreign)


@dataclass(frozen=True)
class Childcare(PrefilledItem):
    cap: np.ndarray  # NOK 25,000 per child under 12


def childcare(rng: np.random.Generator, n: int, p: Person) -> Childcare:
    """Childcare for children under 12, NOK 25,000 per child; look-alikes: unreported day-carer
    costs, and a partner's child in the household, which the register's count of own children misses."""
    cap = R.CHILDCARE_CAP_PER_CHILD * p.children_under_12
    in_care = (p.children_under_12 > 0) & (rng.random(n) < 0.85)
    prefilled = np.where(in_care, np.minimum(np.rint(p.children_under_12 * rng.uniform(15_000, 36_000, n)), cap), 0)
    day_carer = (p.youngest <= 5) & (rng.random(n) < 0.06)
    entitled = np.where(day_carer, np.minimum(prefilled + np.rint(rng.uniform(3_000, 25_000, n)), cap), prefilled)
    household_child = (p.age >= 25) & (p.age <= 55) & (rng.random(n) < 0.004)
    entitled = np.where(household_child, entitled + np.rint(rng.uniform(8_000, R.CHILDCARE_CAP_PER_CHILD, n)), entitled)
    return Childcare(prefilled, entitled, day_carer | household_child, cap)


def interest(rng: np.random.Generator, n: int, h: Housing) -> PrefilledItem:
    """Interest the lenders report; look-alike: a private family loan the register cannot see."""
    family_loan = rng.random(n) < 0.006
    entitled = h.interest + np.where(family_loan, np.rint(rng.lognormal(np.log(6_000), 0.7, n)), 0)
    return PrefilledItem(h.interest, entitled, family_loan)


@dataclass(frozen=True)
class Behaviour:
    careless: np.ndarray
    previously_changed: np.ndarray
    weight: np.ndarray  # relative chance of committing any mechanism


def behaviour(rng: np.random.Generator, n: int, p: Person, legit_change: np.ndarray) -> Behaviour:
    """Carelessness and the modifiers DOMAIN.md names: previously audited and changed ×1.5, a
    large correct change from the pre-filled return ×1.3, pensioners ×0.7."""
    careless = rng.lognormal(0.0, 0.5, n)
    previously_changed = rng.random(n) < np.clip(0.03 * careless / np.exp(0.125), 0, 0.5)
    weight = (
        careless
        * np.where(previously_changed, PREVIOUSLY_CHANGED_FACTOR, 1.0)
        * np.where(legit_change > LARGE_CHANGE_NOK, LARGE_CHANGE_FACTOR, 1.0)
        * np.where(p.pension, PENSIONER_FACTOR, 1.0)
    )
    return Behaviour(careless, previously_changed, weight)


@dataclass(frozen=True)
class Population:
    person: Person
    work: Work
    enk: SoleProprietorship
    housing: Housing
    commute: Commute
    board: BoardAndLodging
    union: UnionDues
    gifts: PrefilledItem
    childcare: Childcare
    interest: PrefilledItem
    behaviour: Behaviour


def population(rng: np.random.Generator, n: int, shift: str | None = None) -> Population:
    """Every taxpayer with a correct return and how likely they are to claim too much."""
    p = person(rng, n)
    w = work(rng, n, p)
    enk = sole_proprietorship(rng, n, p)
    h = housing(rng, n, p)
    c = commute(rng, n, p, w, shift)
    b = board_and_lodging(rng, n, w, c)
    u = union_dues(rng, n, w)
    g = gifts(rng, n, w)
    cc = childcare(rng, n, p)
    i = interest(rng, n, h)
    legit_change = (
        c.claims * c.entitled + b.entitled + (u.entitled - u.prefilled)
        + (g.entitled - g.prefilled) + (cc.entitled - cc.prefilled) + (i.entitled - i.prefilled)
    )
    return Population(p, w, enk, h, c, b, u, g, cc, i, behaviour(rng, n, p, legit_change))
