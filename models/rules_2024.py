"""Norwegian deduction rules for income year 2024, as the synthetic data applies them.

Every amount is NOK of deduction (not tax); distances are km one way. Sources, all read for
income year 2024 (see /work/shared/DOMAIN.md):
- travel: skatteetaten.no/en/rates/deduction-for-travel-between-home-and-work/
- board and lodging: skatteetaten.no/satser/kost-og-losji/ (24 months from the first claim)
- union dues: skatteetaten.no/person/skatt/hjelp-til-riktig-skatt/arbeid-trygd-og-pensjon/fagforeningsfradrag/
- gifts: skatteetaten.no/en/rates/gifts-to-voluntary-organisations/
- childcare: regjeringen.no, "Foreldrefradraget utvides" (2021): 25,000 per child, children under 12
"""

from __future__ import annotations

import numpy as np

INCOME_YEAR = 2024

TRAVEL_RATE_PER_KM = 1.76
TRAVEL_THRESHOLD = 14_950
# The cap applies to the travel costs before the threshold is subtracted (DOMAIN.md).
TRAVEL_COST_CAP = 97_000
FULL_YEAR_DAYS = 230
# Absence beyond this many working days must be taken off the 230 days (DOMAIN.md).
ABSENCE_ALLOWANCE_DAYS = 15

BOARD_LODGING_YEARS = 2  # 24 months from the first claim

UNION_CAP = 8_000
GIFTS_CAP = 25_000
GIFTS_MIN_PER_ORGANISATION = 500
CHILDCARE_CAP_PER_CHILD = 25_000
CHILDCARE_AGE_LIMIT = 12  # no deduction from the year the child turns 12

# A return counts as incorrect only when the overclaim is at least this (DOMAIN.md).
MATERIALITY = 1_000


def travel_cost(km_one_way: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Travel costs in NOK before cap and threshold: rate × km × 2 (both ways) × days."""
    return TRAVEL_RATE_PER_KM * 2.0 * np.asarray(km_one_way, float) * np.asarray(days, float)


def travel_deduction(km_one_way: np.ndarray, days: np.ndarray) -> np.ndarray:
    """The 2024 travel deduction in whole NOK: costs capped at 97,000, minus 14,950, never negative."""
    capped = np.minimum(travel_cost(km_one_way, days), TRAVEL_COST_CAP)
    return np.rint(np.maximum(0.0, capped - TRAVEL_THRESHOLD))

