"""The fairness fixture is what the script writes from the committed model and demo sample, and
its figures hang together."""

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("write_fairness_oracle", HERE / "write_fairness_oracle.py")
wfo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wfo)


def test_committed_fixture_is_what_the_script_writes(tmp_path):
    fresh = wfo.write(tmp_path / "demo-fairness.json")
    assert wfo.DEFAULT_OUT.read_bytes() == fresh.read_bytes(), (
        f"{wfo.DEFAULT_OUT} is stale (model or demo files changed): rerun models/oracles_fairness/write_fairness_oracle.py"
    )


def test_groups_add_up_to_the_selection():
    fixture = json.loads(wfo.DEFAULT_OUT.read_text())
    for column in fixture["columns"].values():
        groups = column["groups"]
        assert sum(g["selected"] for g in groups) == fixture["k"]
        assert sum(g["rows"] for g in groups) == 2000
        assert [g["rows"] for g in groups] == sorted((g["rows"] for g in groups), reverse=True)


def test_wilson_by_hand_for_three_of_ten():
    # p = 0.3, n = 10, z = 1.959963984540054: centre (0.3 + z²/20) / (1 + z²/10), half-width
    # z / (1 + z²/10) · sqrt(0.021 + z²/400), worked out on paper to 0.10779 and 0.60322.
    low, high = wfo.wilson(3, 10)
    assert abs(low - 0.10779) < 1e-5 and abs(high - 0.60322) < 1e-5
