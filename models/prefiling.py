"""PREFILING: the deduction model's variant that scores a return before it is filed.

The tax administration's hackathon built variants of its deduction model that predict who
will claim an incorrect deduction "even before the return is filed" (/work/shared/DOMAIN.md,
"What the agencies have published"), so a taxpayer can be guided before the mistake rather
than audited after it. Such a model may read only what exists before filing: the registers,
the pre-filled return and last year's assessment. Its inputs are decided feature by feature
from the catalogue's `source`:

- `register` features are in, except the ones in EXCLUDED below;
- `taxpayer` features (claimed amounts, distances and days the taxpayer enters) are out;
- `derived` features are in only if computed from register data alone; none of the
  catalogue's three is (see EXCLUDED).
"""

from __future__ import annotations

from dataclasses import replace

import pipeline_config as C
from feature_catalogue import FEATURES, text
from reason_rules import rules_for
from model_spec import DEDUCTION

# Non-taxpayer features left out, and why they are not known before filing.
EXCLUDED: dict[str, str] = {
    "enk_underskudd_ar_pa_rad": (
        "derived: counts loss years 'this year included', so this year's count needs the business "
        "result the taxpayer enters (naeringsinntekt, source taxpayer)"
    ),
    "antall_poster_endret": "derived from the taxpayer's own edits of the pre-filled return",
    "endring_fra_forhandsutfylt": "derived from the taxpayer's own edits of the pre-filled return",
    "pendler_ar_siden_forste_krav": (
        "register, but its value 0 ('first claim this year') is written by the return being filed: "
        "mechanisms.m4_board_and_lodging sets 0 for a first claim of board and lodging this year, and "
        "in the training data 153 of the 1,258 rows holding 0 are M4 errors (12 % against 0.24 % overall); "
        "before filing, those rows would read 'never claimed'"
    ),
}
# Derived features computed from register data alone: none in today's catalogue.
DERIVED_FROM_REGISTERS: frozenset[str] = frozenset()

FEATURES_BEFORE_FILING = tuple(
    f for f in FEATURES
    if f.name not in EXCLUDED and (f.source == "register" or f.name in DERIVED_FROM_REGISTERS)
)

NOTICE = text(
    "Til veiledning før innlevering, ikke til kontrollutvalg. Modellen er trent på syntetiske data som "
    "etterligner skattemeldinger for inntektsåret 2024, og leser bare det registrene, den forhåndsutfylte "
    "skattemeldingen og fjorårets fastsetting viser før innlevering; poengsummene sier ingenting om virkelige skattytere.",
    "Til rettleiing før innlevering, ikkje til kontrollutval. Modellen er trena på syntetiske data som "
    "liknar skattemeldingar for inntektsåret 2024, og les berre det registra, den førehandsutfylte "
    "skattemeldinga og fjorårets fastsetjing viser før innlevering; poengsummane seier ingenting om verkelege skattytarar.",
    "For guidance before filing, not for selecting returns for control. This model was trained on synthetic data "
    "that imitates tax returns for income year 2024, and reads only what the registers, the pre-filled return "
    "and last year's assessment show before filing; its scores say nothing about real taxpayers.",
)

# The deduction model's data, label and words; its own inputs, notice and files.
PREFILING = replace(
    DEDUCTION,
    id=C.PREFILING_MODEL_ID,
    version="1.0.0",
    features=FEATURES_BEFORE_FILING,
    # Rules cite what the taxpayer claims, which the pre-filing model does not read: none.
    rules=rules_for(f.name for f in FEATURES_BEFORE_FILING),
    notice=NOTICE,
    onnx_path=C.PREFILING_ONNX_PATH,
    booster_path=C.PREFILING_BOOSTER_PATH,
    description=(
        "Risk that a personal tax return will claim an incorrect deduction, from what is known before filing; "
        "for guidance, not control selection. Trained on synthetic data."
    ),
)
