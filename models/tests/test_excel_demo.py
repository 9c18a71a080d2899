"""The Excel-style demo file is what the script writes, and reads back to the clean sample's values."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import excel_demo  # noqa: E402


def test_committed_file_is_what_the_script_writes():
    assert excel_demo.OUT.read_bytes() == excel_demo.excel_text().encode("cp1252")


def test_pandas_reads_it_back_to_the_clean_values():
    clean = pd.read_csv(excel_demo.SOURCE, dtype=str, keep_default_na=False)
    excel = pd.read_csv(excel_demo.OUT, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    assert excel["saksbehandler"].str.contains("Ø").any()
    for name in clean.columns:
        if name in excel_demo.TEXT_COLUMNS:
            assert excel[name].tolist() == clean[name].tolist(), name
            continue
        # pandas' own number reading of both spellings (its C parser has no no-break-space grouping).
        got = pd.to_numeric(excel[name].str.replace("\u00a0", "").str.replace(",", "."))
        want = pd.to_numeric(clean[name])
        pd.testing.assert_series_equal(got, want, check_names=False, check_dtype=False)
