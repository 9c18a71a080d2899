"""Why a registered sole proprietorship is inactive (I1–I4), and the active ones that look it (L1–L4).

One function each; mechanisms() runs the look-alikes first and then the inactive mechanisms
among the rows left, so every row has at most one mechanism. That order, and the order of the
draws within each function, is the order of the draws from the generator (pinned by
tests/test_enk_generate.py). Each function changes only the rows it draws, in place, in the
Activity the registers will later read (enk_generate.observed). Shares and reasons:
ENK_DATA.md; the signals: DOMAIN.md, "Sole proprietorships".

Inactive means no real activity in income year 2024: the business fails the scope and
duration criterion of næringsvirksomhet (DOMAIN.md), whatever the register still says.
"""

from __future__ import annotations

import numpy as np

from enk_catalogue import NACE_CODE
from enk_population import Activity, Owner, Registration
from mechanisms import draw

INACTIVE = ("I1", "I2", "I3", "I4", "I5")
LOOKALIKES = ("L1", "L2", "L3", "L4")
# Share of all rows per mechanism (ENK_DATA.md): about 14.5 % inactive before label noise.
TARGET_SHARE = {
    "L1": 0.04, "L2": 0.03, "L3": 0.02, "L4": 0.03,
    "I1": 0.045, "I2": 0.035, "I3": 0.025, "I4": 0.02, "I5": 0.02,
}
SEASONAL = (NACE_CODE["A"], NACE_CODE["I"], NACE_CODE["R"])
CONSULTING = (NACE_CODE["J"], NACE_CODE["M"])
# Terms of VAT returns in a year: bi-monthly, or one annual term.
TERMS_BIMONTHLY = 6


def terms(act: Activity) -> np.ndarray:
    return np.where(act.annual_vat, 1, TERMS_BIMONTHLY)


def stop_sales(rng: np.random.Generator, act: Activity, rows: np.ndarray, reg: Registration, upkeep: np.ndarray) -> None:
    """The rows' sales stop in 2023 or 2022 (never before registration); what stays is upkeep
    (accountant, bank, phone, a car still in the books), a few sell off their stock in early
    2024, the staff leave, the assets are sold or written down, and the register hears nothing."""
    n = len(rows)
    stop = np.where((rng.random(n) < 0.7) | (reg.years < 2), 2023, 2022)
    fade = rng.uniform(0.1, 0.7, n)
    last = act.turnover.copy()
    last[:, 1] = np.where(stop == 2023, act.turnover[:, 1] * fade, act.turnover[:, 1] * 0.02 * (rng.random(n) < 0.3))
    last[:, 0] = np.where(stop == 2022, act.turnover[:, 0] * fade, act.turnover[:, 0])
    residual = rng.random(n) < 0.25
    last[:, 2] = np.where(residual, rng.uniform(2_000, 60_000, n), 0)
    cost = act.costs.copy()
    cost[:, 2] = upkeep
    cost[:, 1] = np.where(stop == 2022, upkeep * rng.uniform(0.8, 1.3, n), act.costs[:, 1] * np.maximum(fade, 0.3))
    for name, value in (("turnover", np.rint(last)), ("costs", np.rint(cost))):
        getattr(act, name)[rows] = value[rows]
    act.months[rows] = np.where(residual, rng.integers(1, 4, n), 0)[rows]
    act.last_month[rows] = np.where(residual, rng.integers(3, 7, n), 0)[rows]
    act.staff_months[rows] = 0
    act.staff[rows] = np.where(rng.random(n) < 0.5, act.staff, 0)[rows]
    act.assets[rows] = np.rint(act.assets * rng.uniform(0, 0.5, n))[rows]
    # Some keep filing zero returns out of habit; others stop filing at all.
    act.filing[rows] = np.where(rng.random(n) < 0.55, 0.95, 0.15)[rows]
    act.zero_before[rows] = (np.where(stop == 2022, terms(act), 0) + rng.integers(1, 4, n) * (~act.annual_vat))[rows]
    act.change_rate[rows] = 0.05
    act.accounts_filed[rows] = 0.85


def i1_ceased(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """I1: the owner stopped trading in 2023 or 2022 and never deleted the registration; small
    businesses stop most often. Look-alikes: a pause (L3) and a season that ended (L1)."""
    n = len(free)
    rows = draw(rng, free & (reg.years >= 1), np.where(act.turnover[:, 1] < 300_000, 2.0, 1.0), TARGET_SHARE["I1"])
    stop_sales(rng, act, rows, reg, rng.lognormal(np.log(14_000), 1.0, n))
    # Illness ends some businesses for good: sickness benefit, as in a pause (L3).
    ill = rows & ~own.pensioner & (rng.random(n) < 0.2)
    act.benefit[ill] = np.rint(rng.lognormal(np.log(250_000), 0.5, n))[ill]
    return rows


def i2_faded_side_business(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """I2: a side business beside a full-time job that faded out, its costs (phone, car, home
    office) kept in the accounts, so the losses run on; the address is the owner's home.
    Look-alike: a start-up's first loss years (L2)."""
    n = len(free)
    rows = draw(rng, free & own.employed & (reg.years >= 2), np.ones(n), TARGET_SHARE["I2"])
    stop_sales(rng, act, rows, reg, rng.lognormal(np.log(35_000), 0.5, n))
    act.earlier_losses[rows] = (act.earlier_losses + rng.integers(0, 3, n))[rows]
    act.home[rows] = (rng.random(n) < 0.9)[rows]
    return rows


def i3_retired(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """I3: the owner retired on a pension and left an old registration behind."""
    n = len(free)
    rows = draw(rng, free & own.pensioner & (reg.years >= 5), np.ones(n), TARGET_SHARE["I3"])
    stop_sales(rng, act, rows, reg, rng.lognormal(np.log(6_000), 0.7, n))
    act.home[rows] = (rng.random(n) < 0.8)[rows]
    return rows


def i4_dormant_with_costs(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """I4: no sales for three years or more, but costs and input VAT every year (a car, travel,
    equipment in private use) on an old registration. Look-alike: a start-up with costs but no
    sales yet (L2), which is young."""
    n = len(free)
    rows = draw(rng, free & (reg.years >= 2), np.ones(n), TARGET_SHARE["I4"])
    tiny = np.where(rng.random((n, 3)) < 0.2, rng.uniform(500, 10_000, (n, 3)), 0)
    act.turnover[rows] = np.rint(tiny)[rows]
    act.costs[rows] = np.rint(rng.lognormal(np.log(60_000), 0.6, (n, 1)) * rng.uniform(0.7, 1.3, (n, 3)))[rows]
    act.months[rows] = (tiny[:, 2] > 0)[rows].astype(int)
    act.last_month[rows] = np.where(tiny[:, 2] > 0, rng.integers(1, 13, n), 0)[rows]
    act.staff[rows] = 0
    act.staff_months[rows] = 0
    act.vat[rows] = (rng.random(n) < 0.85)[rows]
    act.filing[rows] = 0.9
    act.zero_before[rows] = (2 * terms(act))[rows]
    act.earlier_losses[rows] = (act.earlier_losses + 1)[rows]
    act.change_rate[rows] = 0.05
    return rows


def i5_token_sales(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """I5: a few thousand NOK of sales in a few months that a control judges to be no business
    at all (no scope and duration, no prospect of profit: the criteria in DOMAIN.md). The
    registers see exactly what they see of the small side businesses that do pass, so these
    rows are where the label is a judgement the features cannot settle."""
    n = len(free)
    small = (act.turnover[:, 2] > 0) & (act.turnover[:, 2] < 60_000)
    rows = draw(rng, free & small & (reg.years >= 1), np.ones(n), TARGET_SHARE["I5"])
    act.change_rate[rows] = 0.1
    return rows


def l1_seasonal(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """L1: a seasonal trade (farming, tourism, summer culture) sells a few months and files
    zero VAT returns for the rest of the year: active, with a full year's turnover."""
    n = len(free)
    rows = draw(rng, free & np.isin(reg.nace, SEASONAL) & (reg.years >= 1), np.ones(n), TARGET_SHARE["L1"])
    act.months[rows] = rng.integers(2, 6, n)[rows]
    act.last_month[rows] = rng.integers(6, 11, n)[rows]
    act.zero_before[rows] = 0
    return rows


def l2_start_up(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """L2: a start-up with costs and investments but no sales yet, often registered for VAT in
    advance to recover input VAT on the investments: active."""
    n = len(free)
    rows = draw(rng, free & (reg.years <= 3), np.where(reg.years <= 1, 3.0, 1.0), TARGET_SHARE["L2"])
    first_sales = np.where(rng.random(n) < 0.6, 0, rng.uniform(2_000, 40_000, n))
    act.turnover[rows] = np.column_stack([np.zeros(n), np.zeros(n), np.rint(first_sales)])[rows]
    act.costs[rows] = np.rint(rng.lognormal(np.log(45_000), 0.9, (n, 1)) * np.array([0.4, 0.5, 1.0]))[rows]
    act.months[rows] = np.where(first_sales > 0, rng.integers(1, 3, n), 0)[rows]
    act.last_month[rows] = np.where(first_sales > 0, rng.integers(9, 13, n), 0)[rows]
    act.staff[rows] = 0
    act.staff_months[rows] = 0
    act.assets[rows] = np.rint(rng.lognormal(np.log(150_000), 1.0, n))[rows]
    act.vat[rows] = (rng.random(n) < 0.5)[rows]
    act.earlier_losses[rows] = 0
    return rows


def l3_paused(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """L3: an owner on parental leave or sick leave for much of 2024 pauses the business and
    returns to it: active, with NAV benefits in place of most of the year's sales."""
    n = len(free)
    rows = draw(rng, free & ~own.pensioner & ~own.employed & (own.age <= 62) & (reg.years >= 2), np.ones(n), TARGET_SHARE["L3"])
    parental = own.age < 45
    benefit = np.where(parental & (rng.random(n) < 0.6), rng.lognormal(np.log(420_000), 0.3, n), rng.lognormal(np.log(330_000), 0.4, n))
    share = np.where(rng.random(n) < 0.5, 0, rng.uniform(0.02, 0.3, n))
    began_2023 = rng.random(n) < 0.4
    act.turnover[rows, 1] = np.rint(act.turnover[:, 1] * np.where(began_2023, rng.uniform(0.3, 0.8, n), 1))[rows]
    act.turnover[rows, 2] = np.rint(act.turnover[:, 2] * share)[rows]
    act.costs[rows, 2] = np.rint(act.costs[:, 2] * rng.uniform(0.03, 0.4, n))[rows]
    act.months[rows] = np.where(share > 0, rng.integers(1, 5, n), 0)[rows]
    act.last_month[rows] = np.where(share > 0, rng.integers(1, 6, n), 0)[rows]
    act.benefit[rows] = np.rint(benefit)[rows]
    act.filing[rows] = 0.95
    return rows


def l4_few_large_invoices(rng: np.random.Generator, free: np.ndarray, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """L4: a consultant (IT, professional services) with one or two clients who is paid by a
    few large invoices, so invoices, payments and months with sales are few: active."""
    n = len(free)
    rows = draw(rng, free & np.isin(reg.nace, CONSULTING) & (reg.years >= 1) & ~own.employed, np.ones(n), TARGET_SHARE["L4"])
    invoices = rng.integers(1, 5, n)
    act.turnover[rows, 2] = np.rint(rng.lognormal(np.log(900_000), 0.5, n))[rows]
    act.costs[rows, 2] = np.rint(act.turnover[:, 2] * rng.uniform(0.1, 0.4, n))[rows]
    act.invoice_size[rows] = (act.turnover[:, 2] / invoices)[rows]
    act.cash[rows] = 0
    act.customer_ratio[rows] = 0.3
    act.months[rows] = np.minimum(invoices, 12)[rows]
    act.last_month[rows] = rng.integers(4, 13, n)[rows]
    return rows


ORDER = (
    ("L1", l1_seasonal), ("L2", l2_start_up), ("L3", l3_paused), ("L4", l4_few_large_invoices),
    ("I1", i1_ceased), ("I2", i2_faded_side_business), ("I3", i3_retired), ("I4", i4_dormant_with_costs),
    ("I5", i5_token_sales),
)


def mechanisms(rng: np.random.Generator, reg: Registration, own: Owner, act: Activity) -> np.ndarray:
    """Draws every mechanism in ORDER on rows no earlier one took; returns the mechanism per row ('' for none)."""
    mechanism = np.full(len(reg.nace), "", dtype=object)
    for name, step in ORDER:
        rows = step(rng, mechanism == "", reg, own, act)
        mechanism[rows] = name
    return mechanism
