"""Registered sole proprietorships and their owners, every business running as usual (enk_generate.py, pass 1).

Each step draws one part of the world from the shared generator; the order of the steps, and
of the draws within each, is the order of the draws: change it and the same seed gives other
rows (tests/test_enk_generate.py pins them). What the registers hold and why: DOMAIN.md,
"Sole proprietorships"; every figure here is a synthetic choice written down in ENK_DATA.md.
enk_mechanisms.py then stops some businesses (inactive) and gives others an inactive look.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from enk_catalogue import NACE

# Per NACE code 1–12 (enk_catalogue.NACE order): share of registered ENKs, median yearly
# turnover of a business that is the owner's living (NOK), typical invoice (NOK), share of
# sales paid by card or cash rather than invoiced, chance of employees, median business
# assets (NOK). Synthetic choices in the ballpark of SSB's ENK statistics (many small
# service businesses, few employers); VAT exemption of health services: merverdiavgiftsloven § 3-2.
SECTOR = np.array([
    # share, turnover, invoice, cash, staff, assets
    [0.10, 700_000, 25_000, 0.05, 0.12, 900_000],   # A agriculture
    [0.04, 550_000, 12_000, 0.10, 0.15, 250_000],   # C manufacturing
    [0.14, 800_000, 30_000, 0.02, 0.25, 200_000],   # F construction
    [0.08, 900_000, 4_000, 0.60, 0.20, 150_000],    # G trade
    [0.05, 750_000, 15_000, 0.05, 0.15, 600_000],   # H transport
    [0.04, 600_000, 3_000, 0.75, 0.30, 200_000],    # I accommodation, food
    [0.07, 850_000, 60_000, 0.00, 0.05, 30_000],    # J information, communication
    [0.14, 800_000, 50_000, 0.00, 0.06, 40_000],    # M professional, consulting
    [0.07, 450_000, 8_000, 0.10, 0.10, 80_000],     # N support services
    [0.08, 650_000, 2_500, 0.50, 0.08, 60_000],     # Q health
    [0.07, 250_000, 10_000, 0.30, 0.03, 50_000],    # R arts, recreation
    [0.12, 420_000, 1_500, 0.70, 0.08, 60_000],     # S other services (hairdressing, beauty)
])
NACE_CODES = np.array([code for code, *_ in NACE])
VAT_EXEMPT = np.array([letter == "Q" for _, letter, *_ in NACE])
# Registration is compulsory once taxable turnover passes NOK 50,000 in twelve months
# (merverdiavgiftsloven § 2-1).
VAT_THRESHOLD = 50_000
# The registration year's share of new ENKs and their survival make young registrations common.
YEARS_MEAN = 7.0
# A side business (owner in a full-time job or on a pension) sells less than one that is a living.
SIDE_BUSINESS_SCALE = 0.3


@dataclass(frozen=True)
class Registration:
    nace: np.ndarray  # code 1–12
    years: np.ndarray  # whole years since registration at the end of 2024 (0: registered in 2024)
    annual_vat: np.ndarray  # annual VAT term (farmers, and small businesses that applied)
    account: np.ndarray  # a bank account of the business's own
    home: np.ndarray  # business address equals the owner's home

    @property
    def sector(self) -> np.ndarray:
        return SECTOR[self.nace - 1]


def registration(rng: np.random.Generator, n: int) -> Registration:
    """Industry, age of the registration, VAT term, bank account and address."""
    nace = rng.choice(NACE_CODES, size=n, p=SECTOR[:, 0] / SECTOR[:, 0].sum())
    years = np.minimum(np.floor(rng.exponential(YEARS_MEAN, n)), 45).astype(int)
    farmer = nace == 1
    annual_vat = rng.random(n) < np.where(farmer, 0.7, 0.12)
    account = rng.random(n) < 0.8
    home = rng.random(n) < np.where(np.isin(nace, (4, 6)), 0.25, 0.6)
    return Registration(nace, years, annual_vat, account, home)


@dataclass(frozen=True)
class Owner:
    age: np.ndarray
    employed: np.ndarray  # a full-time job beside the ENK: the ENK is a side business
    pensioner: np.ndarray
    wage: np.ndarray
    pension: np.ndarray
    benefit: np.ndarray  # sickness and parental benefit from NAV, NOK


def owner(rng: np.random.Generator, n: int, reg: Registration) -> Owner:
    """The owner's age, job, pension and benefits; the owner's sex and origin are never drawn."""
    age = np.clip(np.rint(rng.normal(45, 12, n) + np.minimum(reg.years, 30) * 0.5), 19, 88)
    pensioner = (age >= 67) & (rng.random(n) < 0.85) | (age >= 62) & (rng.random(n) < 0.2)
    employed = ~pensioner & (rng.random(n) < 0.35)
    # Owners without a full-time job may still have had a little wage income in the year.
    small_job = ~employed & (rng.random(n) < 0.15)
    wage = np.rint(np.select([employed, small_job], [rng.lognormal(np.log(600_000), 0.3, n), rng.uniform(5_000, 150_000, n)], 0))
    pension = np.rint(np.where(pensioner, rng.lognormal(np.log(320_000), 0.3, n), 0))
    benefit = np.rint(np.where(~pensioner & (rng.random(n) < 0.06), rng.lognormal(np.log(60_000), 0.9, n), 0))
    return Owner(age, employed, pensioner, wage, pension, benefit)


@dataclass
class Activity:
    """The business's year as the registers will see it; enk_mechanisms.py changes rows in place."""

    turnover: np.ndarray  # [n, 3] NOK for 2022, 2023, 2024
    costs: np.ndarray  # [n, 3]
    months: np.ndarray  # months of 2024 with sales
    last_month: np.ndarray  # last month of 2024 with sales, 0 for none
    staff: np.ndarray  # employees in the last month with employees
    staff_months: np.ndarray  # months of 2024 with payroll reports
    assets: np.ndarray
    vat: np.ndarray  # VAT registered
    annual_vat: np.ndarray  # one annual VAT term instead of six bi-monthly ones
    filing: np.ndarray  # chance that each VAT return is filed
    zero_before: np.ndarray  # zero VAT returns in a row before 2024
    invoice_size: np.ndarray
    cash: np.ndarray  # share of sales by card or cash
    customer_ratio: np.ndarray  # distinct customers per invoice
    earlier_losses: np.ndarray  # loss years before 2022, counted only after three loss years
    change_rate: np.ndarray  # yearly chance of reporting a change to the register
    accounts_filed: np.ndarray  # chance that the 2024 annual accounts had arrived when the extract was taken
    home: np.ndarray
    benefit: np.ndarray


def activity(rng: np.random.Generator, n: int, reg: Registration, own: Owner) -> Activity:
    """A running business: turnover and costs 2022–2024, sales all year, VAT, staff and assets."""
    sector = reg.sector
    side = own.employed | own.pensioner
    scale = np.where(side, SIDE_BUSINESS_SCALE, 1.0)
    # Side businesses range from near-hobby scale (a few thousand NOK of sales) to a second living.
    base = rng.lognormal(np.log(sector[:, 1]), np.where(side, 1.2, 0.7), n) * scale
    growth = rng.normal(0.03, 0.1, n)
    turnover = base[:, None] * np.exp(growth[:, None] * np.array([-2, -1, 0]) + rng.normal(0, 0.15, (n, 3)))
    # Costs: a share of turnover plus fixed costs (accountant, phone, insurance); some run at a loss.
    ratio = np.where(rng.random(n) < 0.12, rng.uniform(1.0, 1.3, n), rng.uniform(0.35, 0.9, n))
    fixed = rng.lognormal(np.log(25_000), 0.5, n)
    costs = turnover * ratio[:, None] + fixed[:, None] * rng.uniform(0.9, 1.1, (n, 3))
    # Small sales are sporadic: a business selling for NOK 30,000 a year sells in a few months.
    months = np.where(base < 60_000, rng.integers(1, 6, n), np.clip(12 - rng.poisson(0.6, n), 6, 12))
    last_month = np.where(base < 60_000, rng.integers(months, 13), np.where(rng.random(n) < 0.9, 12, 11))
    staff = np.where(rng.random(n) < sector[:, 4] * np.where(own.employed, 0.2, 1), rng.geometric(0.45, n), 0)
    assets = np.rint(np.where(rng.random(n) < 0.7, rng.lognormal(np.log(sector[:, 5]), 1.0, n), 0) * np.where(own.employed, 0.3, 1))
    vat = ~VAT_EXEMPT[reg.nace - 1] & ((turnover[:, 2] > VAT_THRESHOLD) | (rng.random(n) < 0.1))
    return Activity(
        turnover=np.rint(turnover), costs=np.rint(costs), months=months, last_month=last_month,
        staff=staff, staff_months=np.where(staff > 0, 12, 0), assets=assets, vat=vat, annual_vat=reg.annual_vat.copy(),
        filing=np.full(n, 0.98), zero_before=np.zeros(n, int),
        invoice_size=sector[:, 2] * rng.lognormal(0, 0.4, n), cash=sector[:, 3].copy(),
        customer_ratio=rng.uniform(0.2, 0.7, n), earlier_losses=rng.geometric(0.4, n) - 1,
        change_rate=np.full(n, 0.25), accounts_filed=np.full(n, 0.98), home=reg.home.copy(), benefit=own.benefit.astype(float),
    )
