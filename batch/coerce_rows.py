"""One batch of records to the model's feature rows, each row's status and its row_issues text:
src/lib/core/csv/RowCoercer.ts (and the control-character screen of Ingest.row) over Arrow
columns. Problems are gathered per row in the order RowCoercer raises them — the record's
width, the features in card order, the label, the id — then the id and passthrough columns'
control characters, as Ingest.row adds them; rows are joined with " | " as the CLI does.
"""

from __future__ import annotations

import math

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from batch.issue_text import CONTROL, excerpt, fill, js_trim, masked, national_id_checksum_ok, normalize_header
from batch.number_reader import CELL_INVALID, CELL_MISSING, FLAG_CURRENCY, FLAG_PERCENT, read_column

STATUS_SCORED, STATUS_WARNED, STATUS_REJECTED = 0, 1, 2
STATUS_NAMES = ["scored", "scored_with_warnings", "rejected"]
ERRORS = {"csv.ragged_row", "csv.not_a_number", "csv.wrong_unit", "csv.negative", "csv.not_binary"}
INFOS = {"csv.control_characters"}


class Rows:
    """Problems per row, in the order they are added, and the status they make."""

    def __init__(self, spec: dict, n: int):
        self.spec = spec
        self.locale = spec["locale"]
        self.templates = spec["templates"]
        self.text: dict[int, list[str]] = {}
        self.status = np.zeros(n, np.uint8)

    def add(self, row: int, code: str, line: int, column: int = 0, field: str = "", **params) -> None:
        p = {"line": int(line), **params}
        if column > 0:
            p["column"] = column
            p["field"] = field
        self.text.setdefault(row, []).append(fill(self.templates[code], self.locale, p))
        if code in ERRORS:
            self.status[row] = STATUS_REJECTED
        elif code not in INFOS and self.status[row] == STATUS_SCORED:
            self.status[row] = STATUS_WARNED

    def issues(self, n: int) -> list[str]:
        return [" | ".join(self.text[r]) if r in self.text else "" for r in range(n)]


def _strings(batch: pa.RecordBatch, j: int) -> pa.Array:
    return batch.column(f"c{j}")


def record_fields(text: str, delimiter: str) -> list[str]:
    """The fields of one record as written (RFC 4180 quoting, doubled quotes), for the rare record Spark flags."""
    import csv

    body = text[:-1] if text.endswith("\n") else text
    body = body[:-1] if body.endswith("\r") else body
    rows = list(csv.reader([body], delimiter=delimiter, quotechar='"', doublequote=True, strict=False))
    return rows[0] if rows else [""]


def coerce_batch(spec: dict, batch: pa.RecordBatch) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """(features float32 [rows, F] with NaN for missing and for every feature of a rejected row, status uint8,
    row_issues, fields present per row)."""
    n = batch.num_rows
    width = len(spec["csv"]["header"])
    rules = spec["rules"]
    lines = batch.column("_line").to_numpy(zero_copy_only=False)
    rows = Rows(spec, n)
    x = np.full((n, len(rules)), np.nan, np.float32)

    # Width: Spark keeps a record whose field count differs from the header's in _corrupt, as
    # written; those few are re-read here to count their fields (RowCoercer.fitsWidth: extra
    # fields that are all blank are Excel's padding, not a ragged row).
    present = np.full(n, width, np.int64)
    ragged = np.zeros(n, bool)
    corrupt = batch.column("_corrupt") if "_corrupt" in batch.schema.names else None
    if corrupt is not None and corrupt.null_count < n:
        for r, text in enumerate(corrupt.to_pylist()):
            if text is None:
                continue
            fields = record_fields(text, spec["csv"]["delimiter"])
            if len(fields) < width or any(js_trim(f) != "" for f in fields[width:]):
                ragged[r] = True
                present[r] = len(fields)
    for r in np.flatnonzero(ragged):
        rows.add(int(r), "csv.ragged_row", lines[r], expected=width, found=int(present[r]))
    fine = ~ragged

    for i, rule in enumerate(rules):
        j = rule["column"]
        if j < 0:
            continue
        column = _strings(batch, j)
        v, status, flags = read_column(column, rule["decimalComma"])
        col, field = j + 1, rule["field"]
        cells = None

        def cell(r: int) -> str:
            nonlocal cells
            if cells is None:
                cells = column.to_pylist()
            return cells[r] if cells[r] is not None else ""

        miss = fine & (status == CELL_MISSING)
        if not rule["nullable"]:
            for r in np.flatnonzero(miss):
                rows.add(int(r), "csv.missing_value", lines[r], col, field)
        bad = np.zeros(n, bool)
        for r in np.flatnonzero(fine & (status == CELL_INVALID)):
            word = rule["words"].get(normalize_header(cell(r))) if rule["words"] else None
            if word is None:
                rows.add(int(r), "csv.not_a_number", lines[r], col, field, value=excerpt(cell(r)))
                bad[r] = True
            else:
                v[r] = word
                flags[r] = 0
        unit = rule["unit"]
        fits = np.where(flags == FLAG_PERCENT, unit == "percent", np.where(flags == FLAG_CURRENCY, unit == "NOK", flags == 0))
        for r in np.flatnonzero(fine & ~bad & (status != CELL_MISSING) & ~fits):
            rows.add(int(r), "csv.wrong_unit", lines[r], col, field, value=excerpt(cell(r)))
            bad[r] = True
        v = np.where(flags == FLAG_PERCENT, v * rule["percentScale"], v)
        checked = fine & ~bad & ~np.isnan(v)
        neg = checked & (v < 0) if rule["nonnegative"] else np.zeros(n, bool)
        for r in np.flatnonzero(neg):
            rows.add(int(r), "csv.negative", lines[r], col, field, value=excerpt(cell(r)))
        rest = checked & ~neg
        if rule["kind"] == "binary":
            for r in np.flatnonzero(rest & (v != 0) & (v != 1)):
                rows.add(int(r), "csv.not_binary", lines[r], col, field, value=excerpt(cell(r)))
        elif rule["codes"] is not None:
            for r in np.flatnonzero(rest & ~np.isin(v, np.array(rule["codes"], np.float64))):
                rows.add(int(r), "csv.unknown_category", lines[r], col, field, value=excerpt(cell(r)))
        else:
            not_int = rest & (v != np.floor(v)) if rule["kind"] == "integer" else np.zeros(n, bool)
            out = rest & ((v < rule["min"]) | (v > rule["max"]))
            for r in np.flatnonzero(not_int | out):
                if not_int[r]:
                    rows.add(int(r), "csv.not_integer", lines[r], col, field, value=excerpt(cell(r)))
                if out[r]:
                    rows.add(int(r), "csv.out_of_range", lines[r], col, field, value=excerpt(cell(r)), min=rule["min"], max=rule["max"])
        x[:, i] = np.where(bad, np.nan, v).astype(np.float32)

    label = spec["labelColumn"]
    if label >= 0:
        column = _strings(batch, label)
        values, status, _ = read_column(column, True)
        odd = np.flatnonzero(fine & (status != CELL_MISSING) & ~((status != CELL_INVALID) & ((values == 0) | (values == 1))))
        cells = column.take(pa.array(odd)).to_pylist() if len(odd) else []
        for r, c in zip(odd, cells):
            c = c or ""
            value = spec["binaryWords"].get(normalize_header(c), math.nan) if status[r] == CELL_INVALID else values[r]
            if value not in (0, 1):
                rows.add(int(r), "csv.label_invalid", lines[r], label + 1, spec["csv"]["header"][label], value=excerpt(c))

    header = spec["csv"]["header"]
    id_col = spec["idColumn"]
    ids: list[str] = []
    if id_col >= 0:
        raw = _strings(batch, id_col).to_pylist()
        ids = [js_trim(c) if c is not None else "" for c in raw]
        first = batch.column("_first").to_numpy(zero_copy_only=False) if "_first" in batch.schema.names else np.full(n, -1)
        national = spec["idKind"] == "national-id"
        field = header[id_col]
        for r in range(n):
            if ids[r] == "":
                rows.add(r, "csv.missing_id", lines[r], id_col + 1, field)
                continue
            if first[r] >= 0 and first[r] != lines[r]:
                rows.add(r, "csv.duplicate_id", lines[r], id_col + 1, field, first=int(first[r]))
            if national and not national_id_checksum_ok(ids[r]):
                rows.add(r, "csv.national_id_checksum", lines[r], id_col + 1, field, value=masked(ids[r]))
        for r in range(n):
            if CONTROL.search(ids[r]):
                rows.add(r, "csv.control_characters", lines[r], id_col + 1, field)
    for j in spec["passthrough"]:
        column = _strings(batch, j)
        hits = pc.match_substring_regex(column.fill_null(""), r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]").to_numpy(zero_copy_only=False)
        for r in np.flatnonzero(hits & (present > j)):
            rows.add(int(r), "csv.control_characters", lines[r], j + 1, header[j])

    x[rows.status == STATUS_REJECTED] = np.nan
    return x, rows.status, rows.issues(n), present
