"""ModelSpec: what sets one pipeline model apart from another (id, inputs, notice, files).

The bundled deduction model and its pre-filing variant (prefiling.py) share the data, the
split, the training, the export and the card code; a spec carries only what differs, so no
step is copied for the variant. DEDUCTION is the bundled model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pipeline_config as C
from card import NOTICE
from feature_catalogue import FEATURES, Feature


@dataclass(frozen=True)
class ModelSpec:
    id: str
    version: str
    features: tuple[Feature, ...]
    notice: dict[str, str]
    onnx_path: Path
    booster_path: Path
    # The ONNX graph's doc_string: what a tool that does not read the card shows.
    description: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.features)


DEDUCTION = ModelSpec(
    id=C.MODEL_ID,
    version=C.MODEL_VERSION,
    features=FEATURES,
    notice=NOTICE,
    onnx_path=C.ONNX_PATH,
    booster_path=C.BOOSTER_PATH,
    description="Risk that a personal tax return claims an incorrect deduction. Trained on synthetic data.",
)
