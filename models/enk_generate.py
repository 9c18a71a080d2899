"""Synthetic register extract of sole proprietorships (ENK) for income year 2024, labelled active or inactive.

One row is one registered business and what the tax administration's registers hold about it
and its owner (features: enk_catalogue.py; data notes: ENK_DATA.md). Three passes:
1. businesses and owners, every business running (enk_population.py);
2. mechanisms that make a business inactive (I1–I4) and active look-alikes that share their
   visible signals (L1–L4), one per row at most (enk_mechanisms.py);
3. what the registers record of the year (here), and the label a control records: 5 % of
   the inactive recorded as active and as many active ones as inactive (generate.label_noise).

Deterministic from the seed; vectorised, 100,000 rows in well under a second.

    python3 models/enk_generate.py --rows N --seed S --out file.csv
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
import pandas as pd

from enk_catalogue import ALL_COLUMNS, FEATURE_NAMES, ID_COLUMN, LABEL_COLUMN
from enk_mechanisms import INACTIVE, mechanisms, terms
from enk_population import Activity, Owner, Registration, activity, owner, registration
from generate import label_noise, run_generator, typed_column

# VAT of 25 % inside a price is 20 % of it; the share of costs bought with VAT varies.
VAT_SHARE_OF_GROSS = 0.2
# Card and cash sales settle to the account about every working day of a month with sales.
SETTLEMENTS_PER_MONTH = 22


@dataclass
class Generated:
    frame: pd.DataFrame  # ALL_COLUMNS, ground truth included


def loss_years(turnover: np.ndarray, costs: np.ndarray, earlier: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Years in a row up to 2024 with costs above turnover (NaN years break the run); three in
    a row continue with the loss years before 2022, which cannot predate the registration."""
    loss = costs > turnover  # False where either is NaN
    run1 = loss[:, 2]
    run2 = run1 & loss[:, 1]
    run3 = run2 & loss[:, 0]
    return run1.astype(int) + run2 + run3 + run3 * np.minimum(earlier, np.maximum(years - 2, 0))


def vat_returns(rng: np.random.Generator, act: Activity) -> tuple[np.ndarray, np.ndarray]:
    """Returns filed for the 2024 terms, and zero returns in a row up to the last term: the
    terms after the last month with sales, plus, with no sales at all in 2024, those before."""
    expected = terms(act)
    filed = rng.binomial(expected, act.filing)
    last_term = np.ceil(act.last_month * expected / 12).astype(int)
    zeros = np.minimum(expected - last_term, filed) + np.where(last_term == 0, act.zero_before, 0)
    return filed, zeros


def observed(rng: np.random.Generator, reg: Registration, own: Owner, act: Activity) -> dict[str, np.ndarray]:
    """The model's inputs in catalogue order; NaN where the register has nothing to say
    (years before registration, VAT figures of the unregistered, payments without an account)."""
    n = len(reg.nace)
    known = reg.years[:, None] >= np.array([2, 1, 0])[None, :]
    # Late or missing 2024 accounts leave that year empty.
    known[:, 2] &= rng.random(n) < act.accounts_filed
    turnover = np.where(known, act.turnover, np.nan)
    costs = np.where(known, act.costs, np.nan)
    filed, zeros = vat_returns(rng, act)
    input_vat = np.rint(act.costs[:, 2] * rng.uniform(0.4, 0.8, n) * VAT_SHARE_OF_GROSS)
    selling = act.turnover[:, 2] > 0
    invoiced = act.turnover[:, 2] * (1 - act.cash)
    invoices = rng.poisson(invoiced / act.invoice_size)
    invoices = np.where((invoiced > 0) & (invoices == 0), 1, invoices)
    customers = np.minimum(invoices, 1 + rng.poisson(invoices * act.customer_ratio)) * (invoices > 0)
    largest = np.where(invoices > 0, np.minimum(invoiced, invoiced / np.maximum(invoices, 1) * rng.uniform(1.2, 3.0, n)), np.nan)
    settlements = act.cash * act.months * SETTLEMENTS_PER_MONTH * selling
    bank_in = np.where(reg.account, rng.poisson(invoices * 0.9 + settlements + 1), np.nan)
    bank_out = np.where(reg.account, rng.poisson(act.costs[:, 2] / rng.uniform(3_000, 9_000, n) + 12), np.nan)
    changed = np.minimum(reg.years, rng.geometric(act.change_rate) - 1)
    columns = {
        **{f"omsetning_{y}": turnover[:, i] for i, y in enumerate((2022, 2023, 2024))},
        **{f"kostnader_{y}": costs[:, i] for i, y in enumerate((2022, 2023, 2024))},
        "underskudd_ar_pa_rad": loss_years(turnover, costs, act.earlier_losses, reg.years),
        "mva_registrert": act.vat,
        "mva_meldinger_levert": np.where(act.vat, filed, np.nan),
        "mva_nullmeldinger_pa_rad": np.where(act.vat, zeros, np.nan),
        "inngaende_mva": np.where(act.vat, input_vat, np.nan),
        "maneder_med_salg": np.where(selling, act.months, 0),
        "fakturaer_utstedt": invoices,
        "kunder_antall": customers,
        "storste_faktura": np.rint(largest),
        "har_naeringskonto": reg.account,
        "banktransaksjoner_inn": bank_in,
        "banktransaksjoner_ut": bank_out,
        "ansatte": act.staff,
        "a_meldinger_levert": act.staff_months,
        "naeringskode": reg.nace,
        "registrert_ar": reg.years,
        "sist_endret_ar": changed,
        "driftsmidler": act.assets,
        "adresse_lik_bosted": act.home,
        "eier_alder": own.age,
        "eier_lonnsinntekt": own.wage,
        "eier_pensjon": own.pension,
        "eier_nav_ytelser": act.benefit,
    }
    assert tuple(columns) == FEATURE_NAMES, "generator columns must follow enk_catalogue.FEATURES"
    return columns


def generate(n: int, seed: int) -> Generated:
    """n synthetic businesses from one generator seeded with seed (every step draws from it, in this order)."""
    rng = np.random.default_rng(seed)
    reg = registration(rng, n)
    own = owner(rng, n, reg)
    act = activity(rng, n, reg, own)
    mechanism = mechanisms(rng, reg, own, act)
    truth = np.isin(mechanism, INACTIVE)
    label = label_noise(rng, truth)
    columns = observed(rng, reg, own, act)
    # "ENK-" and six digits: never eleven digits, so the app's national-id screen
    # (src/lib/core/csv/nationalId.ts) cannot take it for a fødselsnummer.
    ids = rng.choice(1_000_000, size=n, replace=False)
    frame = pd.DataFrame({ID_COLUMN: np.array([f"ENK-{i:06d}" for i in ids], dtype=object)})
    for name, values in columns.items():
        frame[name] = typed_column(values)
    frame[LABEL_COLUMN] = label.astype(np.int64)
    frame["mekanisme"] = mechanism
    frame["inaktiv_sann"] = truth.astype(np.int64)
    assert tuple(frame.columns) == ALL_COLUMNS
    return Generated(frame)


def main(argv: list[str] | None = None) -> int:
    return run_generator(__doc__, lambda rows, seed: generate(rows, seed).frame, LABEL_COLUMN, argv)


if __name__ == "__main__":
    sys.exit(main())
