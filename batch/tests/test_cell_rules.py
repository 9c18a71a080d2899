"""The job's cell rules held to the app's own code: NumberReader (src/lib/core/csv/numberReader.ts)
and Intl.NumberFormat run by Node on the same inputs are the expected values."""

from __future__ import annotations

import json
import math

import pyarrow as pa

from batch.issue_text import excerpt, format_number, normalize_header
from batch.number_reader import read_cell, read_column
from batch.tests.conftest import tsx

CELLS = [
    "", " ", "-", "\u2212", ".", "NA", "n/a", "#I/T", "none", "12", "+12", "-12", "12-", "1.234", "1,234", "0.234", "0,5",
    "12,5", "12.5", "1 234", "1\u00a0234,5", "1.234.567", "1,234,567.89", "1.234.567,89", "1.234,5", "kr 500", "500 kr", "kr. 1 200,-",
    "500,-", "NOK 12", "12 NOK", "12 %", "45%", "1,5E+06", "1.5e-3", "12..5", "12,,5", "abc", "4O", "1.23.4", "12.", ",5", ".5",
    "00.123", "1234.567", "1 234.567", "123456789012345678", "12345678901234.5", "\u2212 5", "- 5", "kr-5", "–7,25", "1e1234",
    "9007199254740993", "0,1", "1 2", "12 345 678,9", "12 34", "5 %", "kr", "NOKK", "1,2,3", "1.234,567.8",
]


def ts_numbers(cells: list[str], comma: bool) -> list:
    script = (
        "import { NumberReader } from './src/lib/core/csv/numberReader';"
        f"const r = new NumberReader(); const out = {json.dumps(cells)}.map((c) => {{ const v = r.read(c, {str(comma).lower()});"
        " return [Number.isNaN(v) ? null : v, r.status, r.flags]; }); console.log(JSON.stringify(out));"
    )
    return json.loads(tsx("-e", script).stdout)


def same(a: float, b) -> bool:
    return (b is None and math.isnan(a)) or (b is not None and a == b)


def test_cells_read_as_the_app_reads_them():
    for comma in (True, False):
        expected = ts_numbers(CELLS, comma)
        values, status, flags = read_column(pa.array(CELLS), comma)
        for k, (cell, (v, st, fl)) in enumerate(zip(CELLS, expected)):
            fl = fl if st == 0 else 0  # a cell that is not a number has no unit to check (RowCoercer reads flags of numbers only)
            one = read_cell(cell, comma)
            assert (same(one[0], v), one[1], one[2]) == (True, st, fl), (cell, comma, one, (v, st, fl))
            assert (same(values[k], v), status[k], flags[k]) == (True, st, fl), (cell, comma, values[k], (v, st, fl))


def test_numbers_worded_as_intl_does():
    values = [0, 1, 12, 999, 1234, -1234.565, 1.005, 2.675, 0.005, 0.015, -0.001, 1e16, 123456.789, 0.1 + 0.2, 65.5, 1999999.995]
    script = (
        "const out = {}; for (const tag of ['nb-NO', 'nn-NO', 'en-GB']) { const f = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });"
        f" out[tag] = {json.dumps(values)}.map((v) => f.format(v)); }} console.log(JSON.stringify(out));"
    )
    expected = json.loads(tsx("-e", script).stdout)
    for locale, tag in (("nb", "nb-NO"), ("nn", "nn-NO"), ("en", "en-GB")):
        assert [format_number(locale, v) for v in values] == expected[tag]


def test_excerpts_and_headers_as_the_app_cuts_them():
    texts = ["  Lønns Inntekt ", "ÆØÅ-æøå Ö", "x" * 60, " 01019012345 ", "fnr 150190 25427 her", "Sykefravær_dager"]
    script = (
        "import { excerpt } from './src/lib/core/csv/RowCoercer'; import { normalizeHeader } from './src/lib/core/csv/normalizeHeader';"
        f"console.log(JSON.stringify({json.dumps(texts)}.map((t) => [excerpt(t), normalizeHeader(t)])));"
    )
    expected = json.loads(tsx("-e", script).stdout)
    assert [[excerpt(t), normalize_header(t)] for t in texts] == expected
