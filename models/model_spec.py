"""ModelSpec: what sets one bundled model apart from another (identity, inputs, label, words, files).

The bundled deduction model, its pre-filing variant (prefiling.py) and the inactive-business
model (enk_catalogue.py) share the training, the export and the card code; a spec carries only
what differs, so no step is copied for another model. DEDUCTION is the default model; the
pre-filing variant is DEDUCTION with other inputs, notice and files (dataclasses.replace).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pipeline_config as C
import rules_2024 as R
from reason_rules import rules_for
from card import NOTICE, VOCABULARY
from feature_catalogue import FEATURES, GROUND_TRUTH_COLUMNS, ID_COLUMN, LABEL_ALIASES, LABEL_COLUMN, LABEL_TEXT, Feature


@dataclass(frozen=True)
class ModelSpec:
    id: str
    version: str
    income_year: int
    # The model's inputs, in input order.
    features: tuple[Feature, ...]
    # The card's texts and the extract's columns (src/lib/core/model/card.ts).
    notice: dict[str, str]
    id_column: str
    label_column: str
    label_text: dict[str, str]
    label_aliases: tuple[str, ...]
    ground_truth_columns: tuple[str, ...]
    vocabulary: dict
    # The card's data.generator and data.seed: where the training rows come from.
    generator: str
    seed: int
    # The ONNX graph's doc_string: what a tool that does not read the card shows.
    description: str
    onnx_path: Path
    booster_path: Path
    # Feature name → the card's rule object, for the reasons (reason_rules.py; none by default).
    rules: dict = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.features)


DEDUCTION = ModelSpec(
    id=C.MODEL_ID,
    version=C.MODEL_VERSION,
    income_year=R.INCOME_YEAR,
    features=FEATURES,
    notice=NOTICE,
    id_column=ID_COLUMN,
    label_column=LABEL_COLUMN,
    label_text=LABEL_TEXT,
    label_aliases=LABEL_ALIASES,
    ground_truth_columns=GROUND_TRUTH_COLUMNS,
    vocabulary=VOCABULARY,
    generator="models/generate.py: synthetic returns for income year 2024, error mechanisms M1–M9 with look-alikes",
    seed=C.TRAINING_SEED,
    description="Risk that a personal tax return claims an incorrect deduction. Trained on synthetic data.",
    onnx_path=C.ONNX_PATH,
    booster_path=C.BOOSTER_PATH,
    rules=rules_for(f.name for f in FEATURES),
)
