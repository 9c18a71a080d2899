"""The demo-metrics fixture is what the script writes from the committed model and files."""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("write_demo_metrics", HERE / "write_demo_metrics.py")
wdm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wdm)


def test_committed_fixture_is_what_the_script_writes(tmp_path):
    fresh = wdm.write(tmp_path / "demo-metrics.json")
    assert wdm.DEFAULT_OUT.read_bytes() == fresh.read_bytes(), (
        f"{wdm.DEFAULT_OUT} is stale (model or demo files changed): rerun models/oracles_demo/write_demo_metrics.py"
    )


def test_selection_at_a_quarter_is_counted_from_the_whole_sample():
    import json

    demo = json.loads(wdm.DEFAULT_OUT.read_text())["demo"]
    cells = demo["at_share"]
    assert cells["k"] == wdm.count_for_share(0.25, demo["n"])
    assert cells["tp"] + cells["fp"] + cells["fn"] + cells["tn"] == demo["n"]
    assert cells["tp"] + cells["fn"] == demo["positives"]
