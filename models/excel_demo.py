"""The demo sample as Norwegian Excel saves it ("CSV (semikolondelt)"), for the intake tests.

Windows-1252, semicolons, CRLF, decimal commas, amounts grouped by thousands with a
no-break space (U+00A0, which Excel's nb-NO number format writes), missing cells empty,
and a passthrough column with æøå. Every value is the clean file's, so the browser and the
CLI must score both files to exactly the same probabilities.

    python3 models/excel_demo.py   # writes test/fixtures/excel/demo-sample-excel-nb.csv
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "public" / "demo" / "demo-sample.csv"
OUT = ROOT / "test" / "fixtures" / "excel" / "demo-sample-excel-nb.csv"
CASEWORKERS = ["Åse Ødegård", "Bjørn Æsøy", "Kari Nordmann", "Søren Blåbær"]
TEXT_COLUMNS = {"skattyter_id", "kommunenr", "sivilstand"}


def norwegian(cell: str) -> str:
    """A number as Excel (nb-NO) writes it: '582270' → '582 270', '6.8' → '6,8', '-1200' → '-1 200'."""
    if cell == "":
        return ""
    sign = "-" if cell.startswith("-") else ""
    digits, _, decimals = cell.lstrip("-").partition(".")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    whole = "\u00a0".join(groups)
    return sign + whole + ("," + decimals if decimals else "")


def excel_text() -> str:
    with SOURCE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header + ["saksbehandler"])
    for i, row in enumerate(body):
        cells = [c if name in TEXT_COLUMNS else norwegian(c) for name, c in zip(header, row)]
        writer.writerow(cells + [CASEWORKERS[i % len(CASEWORKERS)]])
    return out.getvalue()


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(excel_text().encode("cp1252"))


if __name__ == "__main__":
    main()
