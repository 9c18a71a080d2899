"""Synthetic personal tax returns for income year 2024 with incorrect deductions M1–M9.

One row is one personal taxpayer's return plus what registers already hold about them
(schema and mechanisms: /work/shared/DOMAIN.md). The world is built in three passes:
1. a population and its correct return (population.py; rules in rules_2024.py);
2. errors M1–M9 drawn with probabilities that behaviour modifiers scale, each mechanism
   with legitimate look-alikes that share its visible pattern but are correct (label 0)
   (mechanisms.py, one function per mechanism);
3. what a control would record: an error counts only when the overclaim is at least
   NOK 1,000; 5 % of incorrect returns are recorded as correct and as many correct ones as
   incorrect; a little error that no feature explains (here).
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
from mechanisms import MECHANISMS, TARGET_SHARE, Claims, claims, draw
from population import SHIFTS, Person, Population, population

# generate.py stays the generator's one entry: callers take these names from here.
__all__ = ["MECHANISMS", "SHIFTS", "TARGET_SHARE", "Generated", "generate", "label_noise", "main", "run_generator", "typed_column", "write_csv"]

UNEXPLAINED_SHARE = 0.007
LABEL_FLIP_SHARE = 0.05


@dataclass
class Generated:
    """The public columns (ALL_COLUMNS) and, for tests only, the mechanism each correct row imitates."""

    frame: pd.DataFrame
    lookalike: np.ndarray  # '' or 'M1'..'M9': a correct return that shares the mechanism's visible pattern


@dataclass(frozen=True)
class ControlRecord:
    feil_type: np.ndarray
    feil_belop: np.ndarray
    truth: np.ndarray  # incorrect, whether or not a control records it


def control_record(rng: np.random.Generator, filed: Claims, weight: np.ndarray) -> ControlRecord:
    """What a thorough control finds: an error counts only from an overclaim of NOK 1,000; the
    type is the mechanism with the largest counted overclaim, the amount their sum; and a little
    incorrect deduction that no column shows (an item outside this extract)."""
    n = len(weight)
    counted = np.stack([filed.over[m] >= R.MATERIALITY for m in MECHANISMS], axis=1)
    amounts = np.stack([np.where(filed.over[m] >= R.MATERIALITY, filed.over[m], 0) for m in MECHANISMS], axis=1)
    incorrect = counted.any(axis=1)
    feil_type = np.where(incorrect, np.array(MECHANISMS)[amounts.argmax(axis=1)], "")
    feil_belop = amounts.sum(axis=1)

    unexplained = draw(rng, ~incorrect, weight, UNEXPLAINED_SHARE)
    feil_belop = np.where(unexplained, np.rint(R.MATERIALITY + rng.lognormal(np.log(5_000), 0.8, n)), feil_belop)
    return ControlRecord(feil_type, feil_belop, incorrect | unexplained)


def label_noise(rng: np.random.Generator, truth: np.ndarray) -> np.ndarray:
    """The label a control records. Controls miss some errors and wrongly record others: flip 5 %
    of the positives and as many negatives, so the explorer shows real false positives and negatives."""
    label = truth.copy()
    positives = np.flatnonzero(truth)
    negatives = np.flatnonzero(~truth)
    n_flip = int(round(LABEL_FLIP_SHARE * len(positives)))
    if n_flip:
        label[rng.choice(positives, n_flip, replace=False)] = False
        label[rng.choice(negatives, min(n_flip, len(negatives)), replace=False)] = True
    return label


def last_year(rng: np.random.Generator, pop: Population, filed: Claims) -> tuple[np.ndarray, np.ndarray]:
    """Last year's total deductions and travel deduction; half of those who overclaim did so last year too."""
    n = len(filed.travel)
    c, b, p = pop.commute, pop.board, pop.person
    repeated = rng.random(n) < 0.5
    travel_error = filed.committed["M1"] | filed.committed["M2"] | filed.committed["M3"]
    last_travel = np.where(c.claims & ~(c.moved & (rng.random(n) < 0.5)) & (rng.random(n) < 0.9), filed.travel_entitled * rng.uniform(0.85, 1.1, n), 0)
    last_travel = np.where(travel_error & repeated, filed.travel * rng.uniform(0.9, 1.1, n), last_travel)
    last_board = np.where(c.commuter & (filed.commuter_years >= 1) & (filed.commuter_years <= R.BOARD_LODGING_YEARS), b.amount * rng.uniform(0.8, 1.1, n), 0)
    last_other = (pop.union.prefilled + pop.gifts.prefilled + np.where(p.youngest <= 10, pop.childcare.prefilled, 0) + pop.interest.prefilled) * rng.lognormal(0, 0.12, n)
    other_over = filed.over["M4"] + filed.over["M5"] + filed.over["M6"] + filed.over["M7"] + filed.over["M8"]
    last_total = np.rint(last_travel + last_board + last_other + np.where(repeated, other_over, 0) * (other_over > 0))
    return last_total, np.rint(last_travel)


def changes_from_prefilled(rng: np.random.Generator, pop: Population, filed: Claims) -> tuple[np.ndarray, np.ndarray]:
    """Items changed from the pre-filled return and the net change in NOK, with the careless
    also editing items outside this extract."""
    n = len(filed.travel)
    extra_edits = rng.poisson(0.3 * pop.behaviour.careless)
    extra_amount = extra_edits * rng.lognormal(np.log(4_000), 0.8, n) * np.where(rng.random(n) < 0.4, -1, 1)
    items_changed = (
        (filed.union != pop.union.prefilled).astype(int) + (filed.gifts != pop.gifts.prefilled)
        + (filed.childcare != pop.childcare.prefilled) + (filed.interest != pop.interest.prefilled)
        + (filed.travel > 0) + (filed.board > 0) + extra_edits
    )
    change = np.rint(
        (filed.union - pop.union.prefilled) + (filed.gifts - pop.gifts.prefilled) + (filed.childcare - pop.childcare.prefilled)
        + (filed.interest - pop.interest.prefilled) + filed.travel + filed.board + extra_amount
    )
    return items_changed, change


def feature_columns(
    rng: np.random.Generator, pop: Population, filed: Claims, last: tuple[np.ndarray, np.ndarray], changes: tuple[np.ndarray, np.ndarray]
) -> dict[str, np.ndarray]:
    """The model's inputs in catalogue order, with the register values that never arrived as NaN."""
    n = len(filed.travel)
    p, w, c = pop.person, pop.work, pop.commute
    last_total, last_travel = last
    items_changed, change = changes
    no_last_year = (p.age <= 18) | (rng.random(n) < 0.02)
    columns = {
        "alder": p.age,
        "sentralitet": np.where(rng.random(n) < 0.004, np.nan, p.sentralitet),
        "antall_barn_under_12": p.children_under_12,
        "yngste_barn_alder": p.youngest,
        "hovedinntektskilde": p.source,
        "lonnsinntekt": w.wage,
        "stillingsprosent": np.where(rng.random(n) < 0.015, np.nan, w.position),
        "sykefravaer_dager": np.where(rng.random(n) < 0.01, np.nan, w.sick),
        "antall_arbeidsgivere": pop.board.employers,
        "har_enk": filed.enk.has_enk,
        "naeringsinntekt": np.rint(filed.enk.income) * filed.enk.has_enk,
        "enk_underskudd_ar_pa_rad": filed.enk.loss_years * filed.enk.has_enk,
        "avstand_reg_km": np.where(w.employed & (rng.random(n) >= 0.025), c.register_km, np.nan),
        "flyttet_i_aar": c.moved,
        "reise_km_oppgitt": filed.km,
        "reise_dager_oppgitt": filed.days,
        "reisefradrag": filed.travel,
        "pendler_kost_losji": filed.board,
        "pendler_ar_siden_forste_krav": filed.commuter_years,
        "fagforening_forhandsutfylt": pop.union.prefilled,
        "fagforening_krevd": filed.union,
        "gaver_forhandsutfylt": pop.gifts.prefilled,
        "gaver_krevd": filed.gifts,
        "foreldrefradrag_forhandsutfylt": pop.childcare.prefilled,
        "foreldrefradrag_krevd": filed.childcare,
        "renter_forhandsutfylt": pop.interest.prefilled,
        "renter_krevd": filed.interest,
        "gjeld": pop.housing.debt,
        "eier_bolig": pop.housing.owns,
        "antall_poster_endret": items_changed,
        "endring_fra_forhandsutfylt": change,
        "fjorarets_sum_fradrag": np.where(no_last_year, np.nan, last_total),
        "fjorarets_reisefradrag": np.where(no_last_year, np.nan, last_travel),
        "tidligere_kontrollert_endret": pop.behaviour.previously_changed,
    }
    assert tuple(columns) == FEATURE_NAMES, "generator columns must follow the feature catalogue"
    return columns


def typed_column(values: np.ndarray, decimals: int = 0):
    """A feature column as the CSV holds it: rounded to `decimals`, or whole numbers with missing cells kept missing (NaN)."""
    values = np.asarray(values, float)
    if decimals:
        return np.round(values, decimals)
    missing = np.isnan(values)
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int64), missing)


def extract_frame(
    rng: np.random.Generator, p: Person, columns: dict[str, np.ndarray], record: ControlRecord, label: np.ndarray
) -> pd.DataFrame:
    """ALL_COLUMNS: identifier, passthrough columns, features as integers or rounded decimals, label and ground truth."""
    n = len(label)
    # Identifiers: "S" + 7 digits, unique, leading zeros kept (never 11 digits like a national id).
    ids = rng.choice(10_000_000, size=n, replace=False)
    frame = pd.DataFrame({ID_COLUMN: np.array([f"S{i:07d}" for i in ids], dtype=object)})
    frame["kommunenr"] = p.kommunenr.astype(object)
    frame["sivilstand"] = p.sivilstand.astype(object)
    for name, values in columns.items():
        frame[name] = typed_column(values, FEATURE_BY_NAME[name].decimals)
    frame[LABEL_COLUMN] = label.astype(np.int64)
    frame["feil_type"] = record.feil_type.astype(object)
    frame["feil_belop"] = np.rint(record.feil_belop * record.truth).astype(np.int64)
    assert tuple(frame.columns) == ALL_COLUMNS
    return frame


def lookalikes(pop: Population, filed: Claims, truth: np.ndarray) -> np.ndarray:
    """The mechanism each correct row imitates; where a row imitates several, the rarer pattern is kept."""
    w, c, enk = pop.work, pop.commute, filed.enk
    m = filed.committed
    lookalike = np.full(len(truth), "", dtype=object)
    for name, mask in (
        ("M2", c.claims & ~m["M2"] & ((w.position < 100) | (w.sick > R.ABSENCE_ALLOWANCE_DAYS))),
        ("M1", c.claims & ~m["M1"] & (c.true_km >= 1.4 * c.register_km)),
        ("M5", pop.union.unreported & (filed.union > pop.union.prefilled) & ~m["M5"]),
        ("M9", enk.has_enk & (enk.income < 0) & ~m["M9"]),
        ("M3", c.toll & ~m["M3"]),
        ("M6", pop.childcare.unreported & (pop.childcare.entitled > pop.childcare.prefilled) & ~m["M6"]),
        ("M8", pop.interest.unreported & ~m["M8"]),
        ("M7", pop.gifts.unreported & ~m["M7"]),
        # A restart is a commuter's, M4 (b) a daily commuter's: only (a) can meet it.
        ("M4", pop.board.restarted & (pop.board.entitled > 0) & ~m["M4"]),
    ):
        lookalike[mask & ~truth] = name
    return lookalike


def generate(n: int, seed: int, shift: str | None = None) -> Generated:
    """n synthetic returns from one generator seeded with seed; shift="commute_double" doubles every commute."""
    if shift is not None and shift not in SHIFTS:
        raise ValueError(f"unknown shift {shift!r}; known: {SHIFTS}")
    # Every step draws from this one generator, so the order of the steps is the order of the
    # draws: moving a step changes every row after it.
    rng = np.random.default_rng(seed)
    pop = population(rng, n, shift)
    filed = claims(rng, pop)
    record = control_record(rng, filed, pop.behaviour.weight)
    label = label_noise(rng, record.truth)
    last = last_year(rng, pop, filed)
    changes = changes_from_prefilled(rng, pop, filed)
    columns = feature_columns(rng, pop, filed, last, changes)
    frame = extract_frame(rng, pop.person, columns, record, label)
    return Generated(frame=frame, lookalike=lookalikes(pop, filed, record.truth))


def write_csv(frame: pd.DataFrame, path: Path | str, columns: tuple[str, ...] | None = None) -> None:
    """Plain UTF-8, comma, LF, '.' decimals, empty cell for missing, integers without '.0'."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = frame if columns is None else frame.loc[:, list(columns)]
    # The only decimal column (km) is written shortest: 6.8, and 2 rather than 2.0.
    out.to_csv(path, index=False, lineterminator="\n", na_rep="", encoding="utf-8", float_format="%.10g")


def run_generator(doc: str, make, label_column: str, argv: list[str] | None = None) -> int:
    """The command line of a generator without shifts (the VAT and sole-proprietorship ones): --rows --seed --out."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    frame = make(args.rows, args.seed)
    write_csv(frame, args.out)
    print(f"{len(frame):,} rows, base rate {frame[label_column].mean():.2%}, written to {args.out}", file=sys.stderr)
    return 0


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
