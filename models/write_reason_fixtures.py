"""Writes test/fixtures/reasons/records.json: records per error mechanism and look-alike, and the rule sentence each must get.

For the app's reason builder (src/lib/core/export/reasons.test.ts): records drawn by the
generator (generate.py) for each of M1–M9 (label 1, feil_type) and each legitimate look-alike
(label 0, generate.lookalikes), a few of each, every feature's value, and per feature with a
rule (reason_rules.RULES, figures from rules_2024.py) the template reason_rules.rule_sentence
picks, or null. The app must pick the same.

    python3 models/write_reason_fixtures.py
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

import rules_2024 as R
from feature_catalogue import FEATURE_NAMES
from generate import generate
from mechanisms import MECHANISMS
from reason_rules import AS_REGISTERED, BREAKS, NEARS, RULES, rule_sentence

OUT = Path(__file__).resolve().parents[1] / "test" / "fixtures" / "reasons" / "records.json"
N, SEED = 40_000, 2024
PER_GROUP = 4


def record_of(frame, i: int) -> dict:
    row = frame.iloc[i]
    values = {}
    for name in FEATURE_NAMES:
        x = row[name]
        values[name] = None if x is None or (isinstance(x, float) and math.isnan(x)) or x is getattr(np, "nan") or str(x) == "<NA>" else float(x)
    return values


def expected(values: dict) -> dict:
    record = {k: (float("nan") if v is None else v) for k, v in values.items()}
    return {name: rule_sentence(rule, record[name], record)[0] for name, rule in RULES.items()}


def fixtures(n: int = N, seed: int = SEED) -> dict:
    g = generate(n, seed)
    frame = g.frame
    truth = frame["feil_type"].astype(str).to_numpy()
    label = frame["feil_fradrag"].to_numpy()
    groups = []
    for m in MECHANISMS:
        rows = np.flatnonzero(truth == m)
        # Prefer rows whose return breaks a rule the mechanism is about, then the rest, so
        # both kinds are in the fixture; deterministic: lowest row numbers first.
        groups.append(("mechanism", m, rows))
    lookalike = np.asarray(g.lookalike, dtype=object)
    for m in MECHANISMS:
        groups.append(("lookalike", m, np.flatnonzero((lookalike == m) & (label == 0))))
    records = []
    for kind, m, rows in groups:
        breaking = [i for i in rows if any(v in BREAKS + AS_REGISTERED for v in expected(record_of(frame, i)).values())]
        others = [i for i in rows if i not in set(breaking)]
        chosen = sorted(set(breaking[: PER_GROUP // 2] + others[: PER_GROUP - min(len(breaking), PER_GROUP // 2)]) | set(breaking[:PER_GROUP // 2]))
        for i in chosen[:PER_GROUP]:
            values = record_of(frame, int(i))
            records.append({"group": kind, "mechanism": m, "row": int(i), "values": values, "expected": expected(values)})
    return {
        "source": f"models/write_reason_fixtures.py: generate({n}, {seed}), {PER_GROUP} records per mechanism and per look-alike",
        "income_year": R.INCOME_YEAR,
        "breaks": list(BREAKS),
        "as_registered": list(AS_REGISTERED),
        "nears": list(NEARS),
        "rules": RULES,
        "records": records,
    }


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixtures(), ensure_ascii=False, indent=1, allow_nan=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
