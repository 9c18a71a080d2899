"""Honest VAT returns: businesses, their turnover by rate and the input VAT their purchases carry.

One row per return for one bi-monthly term of 2024 (DOMAIN.md, "VAT returns": bi-monthly for
most businesses since 2022). Turnover is lognormal per term (median about NOK 250,000) and split
over the rates by industry; purchases are a share of turnover that varies by industry, and the
input VAT on them is 25 % of the part bought with VAT (food at 15 %). Synthetic choices, not statistics.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# (code, share of rows, shares of turnover at 25 / 15 / 12 / 0 %, purchases as a share of turnover)
INDUSTRIES = (
    (1, 0.22, (0.95, 0.00, 0.00, 0.05), 0.45),  # construction and trades
    (2, 0.18, (0.45, 0.55, 0.00, 0.00), 0.70),  # retail incl. groceries
    (3, 0.12, (0.30, 0.20, 0.50, 0.00), 0.55),  # accommodation and food service
    (4, 0.10, (0.20, 0.00, 0.80, 0.00), 0.50),  # passenger transport
    (5, 0.16, (0.85, 0.00, 0.00, 0.15), 0.25),  # consultancy and IT
    (6, 0.10, (0.40, 0.00, 0.00, 0.60), 0.60),  # manufacturing and export
    (7, 0.12, (0.90, 0.00, 0.10, 0.00), 0.35),  # other services
)
RATES = np.array([0.25, 0.15, 0.12, 0.0])


@dataclass
class Returns:
    term: np.ndarray          # 1–6
    industry: np.ndarray      # INDUSTRIES code
    turnover: np.ndarray      # n × 4: NOK at 25, 15, 12, 0 %
    input_vat: np.ndarray     # NOK, what the honest return deducts
    previous: np.ndarray      # NOK, input VAT of the term before
    corrections: np.ndarray   # NOK, net correction of earlier terms (mostly 0)


def returns(rng: np.random.Generator, n: int) -> Returns:
    codes = np.array([i[0] for i in INDUSTRIES])
    shares = np.array([i[1] for i in INDUSTRIES])
    pick = rng.choice(len(INDUSTRIES), size=n, p=shares / shares.sum())
    mix = np.array([i[2] for i in INDUSTRIES])[pick]
    # Each business's mix varies around its industry's.
    mix = mix * rng.uniform(0.7, 1.3, (n, 4))
    mix /= mix.sum(axis=1, keepdims=True)
    total = rng.lognormal(np.log(250_000), 0.9, n)
    turnover = np.rint(total[:, None] * mix)
    purchase_share = np.array([i[3] for i in INDUSTRIES])[pick] * rng.uniform(0.6, 1.4, n)
    purchases = total * purchase_share
    # Food bought for resale carries 15 %, the rest 25 %; some purchases carry none (wages are not purchases).
    food = mix[:, 1]
    with_vat = rng.uniform(0.7, 0.95, n)
    input_vat = np.rint(purchases * with_vat * (food * 0.15 + (1 - food) * 0.25))
    previous = np.rint(input_vat * rng.lognormal(0, 0.3, n))
    corrected = rng.random(n) < 0.06
    corrections = np.where(corrected, np.rint(rng.normal(0, 0.08, n) * input_vat), 0)
    return Returns(
        term=rng.integers(1, 7, n),
        industry=codes[pick],
        turnover=turnover,
        input_vat=input_vat,
        previous=previous,
        corrections=corrections,
    )


def output_vat(r: Returns) -> np.ndarray:
    return r.turnover @ RATES
