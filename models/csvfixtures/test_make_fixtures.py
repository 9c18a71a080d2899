"""The CSV fixtures are what the script writes, and Python's csv module reads them back to the recorded truth."""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_fixtures  # noqa: E402

FIXTURES = make_fixtures.OUT


def test_committed_fixtures_are_what_the_script_writes(tmp_path, monkeypatch):
    monkeypatch.setattr(make_fixtures, "OUT", tmp_path)
    make_fixtures.main()
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(FIXTURES) for p in FIXTURES.rglob("*") if p.is_file())
    assert written == committed
    for rel in written:
        assert (tmp_path / rel).read_bytes() == (FIXTURES / rel).read_bytes(), rel


EXPECTED = json.loads((FIXTURES / "golden" / "expected.json").read_text("utf-8"))
CODECS = {"utf-8": "utf-8-sig", "utf-16le": "utf-16", "utf-16be": "utf-16", "windows-1252": "cp1252"}


def number(cell: str, comma: bool) -> float:
    """A second reading of the formats the writer uses, knowing the file's convention."""
    s = cell.strip().replace("\u2212", "-").replace("NOK", "").replace("kr", "").replace("%", "")
    if s.strip() in ("", "NA", "N/A", "-", "\u2013"):
        return math.nan
    s = s.replace(",-", "").strip()
    for space in (" ", "\u00a0", "\u202f"):
        s = s.replace(space, "")
    s = s.replace(".", "").replace(",", ".") if comma else s.replace(",", "")
    return float(s)


@pytest.mark.parametrize("spec", EXPECTED["files"], ids=lambda f: f["file"])
def test_golden_file_reads_back_to_the_recorded_truth(spec):
    raw = (FIXTURES / "golden" / spec["file"]).read_bytes()
    text = raw.decode(CODECS[spec["encoding"]])
    if spec["sepLine"]:
        text = text.split(spec["newline"], 1)[1]
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=spec["delimiter"]))
    header, data = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
    assert len(data) == len(EXPECTED["ids"])
    assert [r[0] for r in data] == EXPECTED["ids"]
    for name in EXPECTED["passthrough"]["header"]:
        assert [r[header.index(name)] for r in data] == EXPECTED["passthrough"]["columns"][name]
    names = EXPECTED["features"]
    canonical = {make_fixtures.NORWEGIAN_HEADERS.get(n, n): n for n in names} | {make_fixtures.ALIAS_HEADERS[n]: n for n in names}
    for j, h in enumerate(header):
        feature = h if h in names else canonical.get(h)
        if feature is None or feature not in names:
            continue
        k = names.index(feature)
        for i, r in enumerate(data):
            want = EXPECTED["matrix"][i][k]
            cell = r[j]
            if feature == "eier_bolig" and cell in ("ja", "nei"):
                cell = "1" if cell == "ja" else "0"
            got = np.float32(number(cell, spec["comma"]))
            assert (want is None and np.isnan(got)) or got == np.float32(want), (spec["file"], i, feature, r[j])
