"""The committed index of bundled models is what models/bundle_index.py writes from the .onnx files."""

import bundle_index


def test_committed_index_is_what_the_script_writes():
    assert bundle_index.INDEX.read_text(encoding="utf-8") == bundle_index.index(), "rerun models/bundle_index.py"


def test_the_default_model_comes_first_and_challengers_name_a_primary_model():
    entries = [bundle_index.entry(*b) for b in bundle_index.BUNDLE]
    assert entries[0]["id"] == "deduction-risk"
    primary = {e["id"] for e in entries if e["challenger_of"] is None}
    assert all(e["challenger_of"] in primary for e in entries if e["challenger_of"] is not None)
