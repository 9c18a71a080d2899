"""Synthetic VAT returns (*mva-meldinger*) for 2024 with free-text remarks, labelled: incorrect input VAT deduction or not.

One row is one return for one bi-monthly term (columns: vat_catalogue.py; data notes:
VAT_DATA.md). Passes, each drawing from one generator seeded with the seed, in this order:
1. honest returns (vat_population.py);
2. mechanisms V1–V5 that deduct input VAT that may not be deducted and look-alikes L1–L5 that
   are correct, one per row at most, changing the figures (vat_mechanisms.py);
3. the remark each row writes (vat_remarks.py);
4. the label a control records: 5 % of the positives flipped and as many negatives (generate.label_noise).

    python3 models/vat_generate.py --rows N --seed S --out file.csv
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from generate import label_noise, run_generator, typed_column
from vat_catalogue import ALL_COLUMNS, ID_COLUMN, LABEL_COLUMN, NUMERIC_NAMES, TEXT_COLUMN
from vat_mechanisms import ERRORS, apply, assign, remark_kinds
from vat_population import returns
from vat_remarks import remarks


def generate(n: int, seed: int) -> pd.DataFrame:
    """n synthetic returns, ALL_COLUMNS (ground truth included); deterministic from the seed."""
    rng = np.random.default_rng(seed)
    r = returns(rng, n)
    mechanism = assign(rng, n)
    apply(rng, r, mechanism)
    text = remarks(rng, remark_kinds(rng, mechanism))
    truth = np.isin(mechanism, ERRORS)
    label = label_noise(rng, truth)
    # "MVA-" and seven digits: never eleven digits, so the app's national-id screen cannot take it for a fødselsnummer.
    ids = rng.choice(10_000_000, size=n, replace=False)
    numeric = {
        "omsetning_25": r.turnover[:, 0],
        "omsetning_15": r.turnover[:, 1],
        "omsetning_12": r.turnover[:, 2],
        "omsetning_0": r.turnover[:, 3],
        "inngaende_mva": r.input_vat,
        "inngaende_mva_forrige": r.previous,
        "korreksjoner": r.corrections,
    }
    assert tuple(numeric) == NUMERIC_NAMES, "generator columns must follow vat_catalogue.NUMERIC_FEATURES"
    frame = pd.DataFrame({ID_COLUMN: np.array([f"MVA-{i:07d}" for i in ids], dtype=object)})
    frame["termin"] = r.term.astype(np.int64)
    frame["naeringskode"] = r.industry.astype(np.int64)
    for name, values in numeric.items():
        frame[name] = typed_column(values)
    frame[TEXT_COLUMN] = text
    frame[LABEL_COLUMN] = label.astype(np.int64)
    frame["mekanisme"] = mechanism
    frame["feil_sann"] = truth.astype(np.int64)
    assert tuple(frame.columns) == ALL_COLUMNS
    return frame


def main(argv: list[str] | None = None) -> int:
    return run_generator(__doc__, generate, LABEL_COLUMN, argv)


if __name__ == "__main__":
    sys.exit(main())
