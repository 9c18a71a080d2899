"""Every bundled model's committed .onnx is what the pipeline writes from its committed booster.

One spec per model (model_spec.ModelSpec) drives one export recipe (export_with_card.model_and_card);
re-exported with the committed card's `trained` date (what SOURCE_DATE_EPOCH pins in a build),
each file must come back byte for byte. Nothing is retrained.
"""

from datetime import date

import onnx
import pytest

from build_enk import training_data as inactive_business_data
from enk_catalogue import INACTIVE_BUSINESS
from export import read_card
from export_with_card import model_and_card
from model_spec import DEDUCTION
from prefiling import PREFILING
from train import load_booster


@pytest.mark.parametrize("spec", [DEDUCTION, PREFILING, INACTIVE_BUSINESS], ids=lambda s: s.id)
def test_the_committed_file_is_what_the_pipeline_writes_from_the_committed_booster(spec, training):
    committed = spec.onnx_path.read_bytes()
    card = read_card(onnx.load_from_string(committed))
    frame, splits = inactive_business_data() if spec is INACTIVE_BUSINESS else training
    rebuilt, rebuilt_card, _ = model_and_card(
        load_booster(spec.booster_path), frame, splits, spec, date.fromisoformat(card["model"]["trained"])
    )
    assert rebuilt_card == card
    assert rebuilt.SerializeToString() == committed
