"""Why a VAT return deducts input VAT it may not (V1–V5), and the correct returns that look like it (L1–L5).

Every row gets at most one mechanism, drawn in one categorical draw with the shares below
(VAT_DATA.md). Each mechanism changes the figures of its rows in place and names the kind of
remark its rows write, or none: an error does not always show in the remark, and every
signal word also occurs in correct returns. The rules behind the labels: merverdiavgiftsloven
§ 8-1 (deduction only for purchases used in the registered business) and § 8-3 (no deduction
for private use, entertainment, gifts beyond small limits) — DOMAIN.md, "VAT returns".
"""

from __future__ import annotations

import numpy as np

from vat_population import Returns

ERRORS = ("V1", "V2", "V3", "V4", "V5")
LOOKALIKES = ("L1", "L2", "L3", "L4", "L5")
# Share of all rows per mechanism: 5.6 % incorrect before label noise.
TARGET_SHARE = {
    "V1": 0.020, "V2": 0.010, "V3": 0.008, "V4": 0.012, "V5": 0.006,
    "L1": 0.015, "L2": 0.010, "L3": 0.010, "L4": 0.030, "L5": 0.010,
}
# (remark kind, probability) per mechanism, the rest of the rows '' (no remark); rows without
# a mechanism write an ordinary remark with ORDINARY_SHARE and none otherwise.
REMARK_KINDS = {
    "V1": (("private", 0.55), ("vague", 0.10)),
    "V2": (("misbooked", 0.65),),
    "V3": (("credit", 0.80),),
    "V4": (("vague", 0.75),),
    "V5": (("ordinary", 0.30),),
    "L1": (("private_removed", 0.90),),
    "L2": (("misbooked_down", 0.90),),
    "L3": (("credit_matched", 0.70), ("credit", 0.30)),
    "L4": (("spike_explained", 0.85),),
    "L5": (("vague", 1.0),),
    "": (("ordinary", 0.20),),
}


def assign(rng: np.random.Generator, n: int) -> np.ndarray:
    names = ("", *TARGET_SHARE)
    p = np.array([1 - sum(TARGET_SHARE.values()), *TARGET_SHARE.values()])
    return np.array(names, dtype=object)[rng.choice(len(names), size=n, p=p)]


def apply(rng: np.random.Generator, r: Returns, mechanism: np.ndarray) -> None:
    """Changes the figures of the rows each mechanism drew, in place; one draw of each kind for every row, in this order."""
    n = len(mechanism)
    u_private = rng.uniform(2_000, 25_000, n)
    u_factor = rng.uniform(0.3, 1.0, n)
    u_spike = rng.uniform(1.8, 3.5, n)
    u_small = rng.uniform(1.3, 2.5, n)
    u_share = rng.uniform(0.8, 0.95, n)
    u_credit = rng.uniform(2_000, 20_000, n)
    at = {m: mechanism == m for m in TARGET_SHARE}
    # V1: a private purchase's VAT added to the deduction.
    r.input_vat[at["V1"]] += np.rint(u_private[at["V1"]])
    # V2: last term's wrongly booked invoice deducted once more, as a correction.
    r.corrections[at["V2"]] = np.rint(u_factor * r.previous)[at["V2"]]
    # V3: a credit note received, the deduction for the credited purchase kept.
    r.input_vat[at["V3"]] += np.rint(0.3 * u_credit[at["V3"]])
    r.corrections[at["V3"]] = np.maximum(r.corrections[at["V3"]], 0)
    # V4: a spike that nothing attached explains.
    r.input_vat[at["V4"]] = np.rint(r.input_vat * u_spike)[at["V4"]]
    # V5: a smaller overclaim with no trace in the remark.
    r.input_vat[at["V5"]] = np.rint(r.input_vat * u_small)[at["V5"]]
    # L1: the private share taken out of the deduction.
    r.input_vat[at["L1"]] = np.rint(r.input_vat * u_share)[at["L1"]]
    # L2: last term's wrong booking reversed.
    r.corrections[at["L2"]] = -np.rint(u_factor * r.previous)[at["L2"]]
    # L3: a credit note with its reduction.
    r.corrections[at["L3"]] = -np.rint(u_credit)[at["L3"]]
    # L4: an investment, a season or a prepayment: a real spike.
    r.input_vat[at["L4"]] = np.rint(r.input_vat * u_spike)[at["L4"]]
    # L5: a vague remark on an ordinary return: nothing changes.


def remark_kinds(rng: np.random.Generator, mechanism: np.ndarray) -> np.ndarray:
    u = rng.random(len(mechanism))
    kinds = np.full(len(mechanism), "", dtype=object)
    for m, options in REMARK_KINDS.items():
        rows = mechanism == m
        low = 0.0
        for kind, p in options:
            kinds[rows & (u >= low) & (u < low + p)] = kind
            low += p
    return kinds
