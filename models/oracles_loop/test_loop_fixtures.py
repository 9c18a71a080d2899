"""The loop oracle holds up on its own: its Wilson interval equals scipy's for an infinite
population, a complete census gives zero width, and the committed fixture is the script's."""

import importlib.util
import json
import math
from pathlib import Path

import pytest
from scipy.stats import binomtest

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("build_loop_fixtures", HERE / "build_loop_fixtures.py")
bf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bf)


@pytest.mark.parametrize("e,c", [(0, 10), (1, 10), (7, 180), (130, 720), (10, 10)])
def test_wilson_equals_scipy_for_an_infinite_population(e, c):
    low, high = binomtest(e, c).proportion_ci(confidence_level=0.95, method="wilson")
    ours = bf.wilson(e, c, math.inf)
    assert ours[0] == pytest.approx(low, abs=1e-12)
    assert ours[1] == pytest.approx(high, abs=1e-12)


def test_a_census_has_no_width():
    assert bf.wilson(95, 500, 500) == [0.19, 0.19]


def test_committed_fixture_is_the_scripts(tmp_path):
    bf.main(tmp_path)
    committed = json.loads((bf.DEFAULT_OUT / "estimates.json").read_text())
    fresh = json.loads((tmp_path / "estimates.json").read_text())
    assert fresh == committed
