"""Shared, session-wide inputs: the regenerated training data and the committed model files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import onnx  # noqa: E402

import pipeline_config as C  # noqa: E402
from export import read_card, session  # noqa: E402
from train import load_booster, training_data  # noqa: E402


@pytest.fixture(scope="session")
def training():
    """(frame, splits) of the 200,000 rows behind the shipped model, regenerated from the seed."""
    return training_data()


@pytest.fixture(scope="session")
def test_split(training):
    frame, splits = training
    return frame.iloc[splits.test]


@pytest.fixture(scope="session")
def onnx_model() -> onnx.ModelProto:
    return onnx.load(str(C.ONNX_PATH))


@pytest.fixture(scope="session")
def ort_session(onnx_model):
    return session(onnx_model)


@pytest.fixture(scope="session")
def card(onnx_model) -> dict:
    return read_card(onnx_model)


@pytest.fixture(scope="session")
def booster():
    return load_booster()


@pytest.fixture(scope="session")
def prefiling_model() -> onnx.ModelProto:
    return onnx.load(str(C.PREFILING_ONNX_PATH))


@pytest.fixture(scope="session")
def prefiling_card(prefiling_model) -> dict:
    return read_card(prefiling_model)


@pytest.fixture(scope="session")
def prefiling_session(prefiling_model):
    return session(prefiling_model)


@pytest.fixture(scope="session")
def prefiling_booster():
    return load_booster(C.PREFILING_BOOSTER_PATH)
