"""Golden and hostile CSV files for the TypeScript intake (src/lib/core/csv), with their truth.

The intake must read a Norwegian extract whatever Excel or a data warehouse did to it. This
script is the independent side of that test: it draws the true values, formats them the ways
Norwegians write numbers (decimal comma, space / no-break-space / point thousands, kr, %,
U+2212 minus, NA and dashes for missing), writes every encoding x delimiter x line ending,
and records for each file the float32 feature matrix, ids, labels, passthrough text and the
physical line each data row starts on (counted here as an editor counts them).

Run from the repository root:  python models/csvfixtures/make_fixtures.py
Writes test/fixtures/csv/{card.json, golden/, hostile/}. Deterministic (fixed seed).
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test" / "fixtures" / "csv"

ENCODINGS = {
    # name in the file name: (python codec, byte-order mark)
    "utf8": ("utf-8", b""),
    "utf8bom": ("utf-8", b"\xef\xbb\xbf"),
    "utf16le": ("utf-16-le", b"\xff\xfe"),
    "utf16be": ("utf-16-be", b"\xfe\xff"),
    "cp1252": ("cp1252", b""),
}
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|"}
NEWLINES = {"crlf": "\r\n", "lf": "\n", "cr": "\r"}

NBSP = "\u00a0"
NNBSP = "\u202f"
MINUS = "\u2212"
EN_DASH = "\u2013"


def text(nb: str, nn: str, en: str) -> dict[str, str]:
    return {"nb": nb, "nn": nn, "en": en}


def summary(lo: float, hi: float, missing: float = 0.0) -> dict:
    mid = (lo + hi) / 2
    return {
        "n": 1000,
        "missing_share": missing,
        "min": lo,
        "max": hi,
        "mean": mid,
        "quantiles": {"probs": [0, 0.5, 1], "values": [lo, mid, hi]},
        "drift_reference": {"cuts": [mid], "shares": [0.5, 0.5]},
    }


# name, unit, kind, nonnegative, nullable, aliases, (min, max), decimals, categories
FEATURES = [
    ("alder", "years", "integer", True, False, ["age"], (18, 90), 0, None),
    ("sentralitet", "code", "ordinal", True, True, ["centrality"], (1, 6), 0,
     [(k, text(str(k), str(k), str(k))) for k in range(1, 7)]),
    ("hovedinntektskilde", "code", "categorical", True, False, ["main_income_source"], (1, 4), 0,
     [(1, text("Lønn", "Løn", "Wages")), (2, text("Pensjon", "Pensjon", "Pension")),
      (3, text("Uføretrygd", "Uføretrygd", "Disability")), (4, text("Næring", "Næring", "Business"))]),
    ("lonnsinntekt", "NOK", "continuous", True, False, ["wage_income", "lonn"], (0, 5_000_000), 2, None),
    ("stillingsprosent", "percent", "continuous", True, False, ["position_percent"], (0, 100), 1, None),
    ("avstand_reg_km", "km", "continuous", True, False, ["register_distance_km"], (0, 500), 1, None),
    ("reise_km_oppgitt", "km", "continuous", True, True, ["claimed_km"], (0, 500), 1, None),
    ("reise_dager_oppgitt", "days", "integer", True, True, ["claimed_days"], (0, 365), 0, None),
    ("reisefradrag", "NOK", "continuous", True, True, ["travel_deduction"], (0, 97_000), 0, None),
    ("eier_bolig", "flag", "binary", True, False, ["owns_home"], (0, 1), 0, None),
    ("endring_fra_forhandsutfylt", "NOK", "continuous", False, False, ["change_from_prefilled"],
     (-200_000, 200_000), 2, None),
    ("yngste_barn_alder", "years", "integer", True, True, ["youngest_child_age"], (0, 17), 0, None),
    ("sykefravaer_dager", "days", "integer", True, False, ["sick_days"], (0, 365), 0, None),
    ("fagforening_krevd", "NOK", "continuous", True, True, ["union_dues_claimed"], (0, 20_000), 0, None),
]

# Headers as a Norwegian spreadsheet would spell them (matched after normalising).
NORWEGIAN_HEADERS = {
    "alder": "Alder",
    "lonnsinntekt": "Lønnsinntekt",
    "stillingsprosent": "Stillings­prosent".replace("\u00ad", ""),
    "avstand_reg_km": "Avstand reg. km",
    "reise_km_oppgitt": "Reise km oppgitt",
    "eier_bolig": "Eier bolig",
    "endring_fra_forhandsutfylt": "Endring fra forhåndsutfylt",
    "sykefravaer_dager": "Sykefravær dager",
    "skattyter_id": "Skattyter ID",
    "feil_fradrag": "Feil fradrag",
}
# Headers by the card's aliases.
ALIAS_HEADERS = {name: aliases[0] for name, _, _, _, _, aliases, *_ in FEATURES}

PASSTHROUGH = ["navn", "kommune", "merknad", "feil_type"]
NAMES = ["Åse Ødegård", "Bjørn Ærø", "Kåre Sæther", "Øystein Bråthen", "Ingrid Lie", "Pål Æsøy",
         "Ragnhild Østby", "Siv Hågensen", "Trond Ask", "Mari Ødven"]
PLACES = ["Tromsø", "Bærum", "Ålesund", "Lørenskog", "Os", "Høyanger", "Bodø", "Førde"]
NOTES = ["", "", "", "Flyttet i år", 'Sa "ja" på telefon', "Pendler; to arbeidsgivere",
         "Ferje, omvei\nse vedlegg", "Linje 1\nLinje 2\nLinje 3", "Kommentar, med komma", "Særfradrag | ikke"]


def card() -> dict:
    features = []
    for i, (name, unit, kind, nonneg, nullable, aliases, (lo, hi), _, cats) in enumerate(FEATURES):
        f = {
            "name": name,
            "index": i,
            "label": text(name, name, name),
            "description": text(f"Testtrekk {name}.", f"Testtrekk {name}.", f"Test feature {name}."),
            "unit": unit,
            "kind": kind,
            "nonnegative": nonneg,
            "nullable": nullable,
            "aliases": aliases,
            "source": "register",
            "training": summary(lo, hi, 0.1 if nullable else 0.0),
        }
        if cats:
            f["categories"] = [{"code": c, "label": lab} for c, lab in cats]
        features.append(f)
    notice = text("Trent på syntetiske data.", "Trena på syntetiske data.", "Trained on synthetic data.")
    return {
        "card_schema": "deduction-risk-model-card",
        "card_version": 1,
        "model": {"id": "csv-fixture", "version": "0", "algorithm": "none", "trained": "2026-01-01",
                  "income_year": 2024, "n_trees": 0, "max_depth": 0, "synthetic": True, "notice": notice},
        "io": {"input": "input", "probabilities": "probabilities", "positive_class": 1, "raw_score": "log-odds"},
        "id_column": "skattyter_id",
        "label": {"name": "feil_fradrag", "text": text("Feil fradrag", "Feil frådrag", "Incorrect deduction"),
                  "positive": 1, "aliases": ["label", "incorrect_deduction"]},
        "ground_truth_columns": ["feil_type", "feil_belop"],
        "features": features,
        "metrics": {"split": "test", "n": 0, "positives": 0, "base_rate": 0, "roc_auc": 0, "pr_auc": 0,
                    "brier": 0, "at_share": []},
        "gains": {"shares": [], "recall": [], "precision": []},
        "data": {"generator": "models/csvfixtures/make_fixtures.py", "seed": 7, "n_train": 0, "n_valid": 0,
                 "n_test": 0, "base_rate_train": 0},
        "covers": "nodes_hitrates",
    }


def draw(rng: np.random.Generator, n: int) -> dict:
    """The true values, NaN for missing."""
    cols: dict[str, np.ndarray] = {}
    cols["alder"] = rng.integers(18, 91, n).astype(float)
    cols["sentralitet"] = rng.integers(1, 7, n).astype(float)
    cols["hovedinntektskilde"] = rng.integers(1, 5, n).astype(float)
    wage = np.round(np.exp(rng.normal(np.log(560_000), 0.6, n)), 2)
    wage[0] = 1_234_567.89  # three groups
    wage[1] = 999.5  # no thousands
    wage[2] = 0.0
    cols["lonnsinntekt"] = np.minimum(wage, 4_999_999.99)
    cols["stillingsprosent"] = np.round(rng.choice([100, 80, 50, 20], n) - rng.integers(0, 2, n) * 0.5, 1)
    cols["avstand_reg_km"] = np.round(np.exp(rng.normal(np.log(10), 0.8, n)), 1)
    km = np.round(cols["avstand_reg_km"] * rng.uniform(0.9, 1.5, n), 1)
    km[rng.random(n) < 0.25] = np.nan
    cols["reise_km_oppgitt"] = np.minimum(km, 499.0)
    days = rng.integers(100, 231, n).astype(float)
    days[np.isnan(km)] = np.nan
    cols["reise_dager_oppgitt"] = days
    fr = np.round(np.maximum(0, 1.76 * 2 * np.nan_to_num(km) * np.nan_to_num(days) - 14950))
    fr = np.minimum(fr, 97_000).astype(float)
    fr[np.isnan(km)] = np.nan
    cols["reisefradrag"] = fr
    cols["eier_bolig"] = (rng.random(n) < 0.6).astype(float)
    change = np.round(rng.normal(0, 8000, n), 2)
    change[3] = -12_345.5
    cols["endring_fra_forhandsutfylt"] = change
    child = rng.integers(0, 18, n).astype(float)
    child[rng.random(n) < 0.5] = np.nan
    cols["yngste_barn_alder"] = child
    cols["sykefravaer_dager"] = rng.integers(0, 40, n).astype(float)
    union = np.round(rng.uniform(2000, 8000, n))
    union[rng.random(n) < 0.3] = np.nan
    cols["fagforening_krevd"] = union
    return cols


def group(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


class Formatter:
    """Writes a value the way a Norwegian (decimal comma) or an international (point) export does."""

    def __init__(self, rng: np.random.Generator, comma: bool, unicode_ok: bool, delimiter: str):
        self.rng = rng
        self.comma = comma
        self.unicode_ok = unicode_ok
        self.delimiter = delimiter

    def pick(self, options: list[str]) -> str:
        return options[int(self.rng.integers(0, len(options)))]

    def missing(self) -> str:
        return self.pick(["", "", "NA", "N/A", "-", EN_DASH])

    def number(self, v: float, decimals: int, unit: str, kind: str) -> str:
        if np.isnan(v):
            return self.missing()
        if kind == "binary" and self.rng.random() < 0.3:
            return "ja" if v == 1 else "nei"
        negative = v < 0
        body = f"{abs(v):.{decimals}f}"
        whole, _, frac = body.partition(".")
        if self.comma:
            seps = [" ", NBSP, ".", ""] + ([NNBSP] if self.unicode_ok else [])
            decimal_sep = ","
        else:
            # A ',' thousands separator in a comma-delimited file needs quoting, which csv does.
            seps = ["", ","]
            decimal_sep = "."
        grouped = group(whole, self.pick(seps)) if unit == "NOK" else whole
        text_ = grouped + (decimal_sep + frac if frac else "")
        if unit == "NOK" and self.comma and not frac and self.rng.random() < 0.2:
            text_ += ",-"
        if negative:
            text_ = (self.pick(["-", MINUS]) if self.unicode_ok else "-") + text_
        if unit == "NOK" and self.rng.random() < 0.2:
            text_ = self.pick([text_ + " kr", "kr " + text_, text_ + " NOK"])
        if unit == "percent" and self.rng.random() < 0.5:
            text_ += self.pick([" %", "%"])
        return text_


class Writer:
    """RFC 4180 records: a cell is quoted when it holds a quote, the delimiter, CR or LF — as Excel
    does, and unlike csv.writer, which quotes only characters of its own line terminator."""

    def __init__(self, buf: io.StringIO, delimiter: str, lineterminator: str):
        self.buf, self.delimiter, self.lineterminator = buf, delimiter, lineterminator

    def cell(self, c: str) -> str:
        if any(x in c for x in ('"', "\r", "\n", self.delimiter)):
            return '"' + c.replace('"', '""') + '"'
        return c

    def writerow(self, row: list[str]) -> None:
        self.buf.write(self.delimiter.join(self.cell(c) for c in row) + self.lineterminator)

    def writerows(self, rows: list[list[str]]) -> None:
        for r in rows:
            self.writerow(r)


def count_breaks(s: str) -> int:
    return len(re.findall(r"\r\n|\r|\n", s))


def write_variant(cols: dict, ids: list[str], labels: list[int], passthrough: dict, enc: str, dname: str,
                  nname: str, seed: int) -> tuple[bytes, dict]:
    rng = np.random.default_rng(seed)
    codec, bom = ENCODINGS[enc]
    delimiter, newline = DELIMITERS[dname], NEWLINES[nname]
    comma = dname in ("semicolon", "tab") or (dname == "pipe" and enc != "utf16be")
    fmt = Formatter(rng, comma, enc != "cp1252", delimiter)
    names = [f[0] for f in FEATURES]
    if enc == "cp1252":
        headers = {n: NORWEGIAN_HEADERS.get(n, n) for n in names + ["skattyter_id", "feil_fradrag"]}
    elif dname == "pipe":
        headers = {n: ALIAS_HEADERS[n] for n in names} | {"skattyter_id": "skattyter_id", "feil_fradrag": "label"}
    else:
        headers = {n: n for n in names + ["skattyter_id", "feil_fradrag"]}
    order = ["skattyter_id"] + names[:7] + PASSTHROUGH[:2] + names[7:] + ["feil_fradrag"] + PASSTHROUGH[2:]

    buf = io.StringIO(newline="")
    w = Writer(buf, delimiter, newline)
    sep_line = dname == "semicolon" and nname == "crlf"
    if sep_line:
        buf.write(f"sep={delimiter}{newline}")
    w.writerow([headers.get(c, c) for c in order])
    lines: list[int] = []
    empty_lines = 0
    n = len(ids)
    for i in range(n):
        if i in (5, 17):  # a blank line, and a row of empty fields as Excel leaves them
            if i == 5:
                buf.write(newline)
            else:
                w.writerow([""] * len(order))
            empty_lines += 1
        lines.append(1 + count_breaks(buf.getvalue()))
        row = []
        for c in order:
            if c == "skattyter_id":
                row.append(ids[i])
            elif c == "feil_fradrag":
                row.append(str(labels[i]))
            elif c in passthrough:
                row.append(passthrough[c][i])
            else:
                spec = FEATURES[names.index(c)]
                row.append(fmt.number(cols[c][i], spec[7], spec[1], spec[2]))
        w.writerow(row)
    body = buf.getvalue()
    if nname == "lf":
        body = body[: -len(newline)]  # no line break after the last row
    data = bom + body.encode(codec)
    return data, {"lines": lines, "emptyLines": empty_lines, "sepLine": sep_line, "comma": comma}


def golden() -> None:
    rng = np.random.default_rng(7)
    n = 40
    cols = draw(rng, n)
    ids = [f"{int(x):08d}" for x in rng.integers(1, 2_000_000, n)]
    ids[0] = "00000042"
    labels = [int(x) for x in (rng.random(n) < 0.2)]
    passthrough = {
        "navn": [NAMES[i % len(NAMES)] for i in range(n)],
        "kommune": [PLACES[int(rng.integers(0, len(PLACES)))] for _ in range(n)],
        "merknad": [NOTES[int(rng.integers(0, len(NOTES)))] for _ in range(n)],
        "feil_type": ["" if l == 0 else "M1" for l in labels],
    }
    passthrough["merknad"][0] = "Linje 1\nLinje 2\nLinje 3"
    names = [f[0] for f in FEATURES]
    matrix = np.stack([cols[c] for c in names], axis=1).astype(np.float32)
    folder = OUT / "golden"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    seed = 100
    for enc in ENCODINGS:
        for dname in DELIMITERS:
            for nname in NEWLINES:
                seed += 1
                data, info = write_variant(cols, ids, labels, passthrough, enc, dname, nname, seed)
                name = f"{enc}-{dname}-{nname}.csv"
                (folder / name).write_bytes(data)
                files.append({"file": name, "encoding": ENCODINGS[enc][0].replace("-le", "le").replace("-be", "be")
                              .replace("cp1252", "windows-1252"), "delimiter": DELIMITERS[dname],
                              "newline": NEWLINES[nname], **info})
    expected = {
        "features": names,
        "matrix": [[None if np.isnan(v) else float(v) for v in row] for row in matrix],
        "ids": ids,
        "label": labels,
        "passthrough": {"header": ["navn", "kommune", "merknad", "feil_type"],
                        "columns": {k: passthrough[k] for k in PASSTHROUGH}},
        "files": files,
    }
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8")


def national_id(rng: np.random.Generator, valid: bool = True) -> str:
    """A synthetic fødselsnummer with correct (or deliberately wrong) mod-11 control digits."""
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        day, month, year = int(rng.integers(1, 29)), int(rng.integers(1, 13)), int(rng.integers(0, 100))
        digits = [int(c) for c in f"{day:02d}{month:02d}{year:02d}{int(rng.integers(0, 500)):03d}"]
        k1 = (11 - sum(a * b for a, b in zip(w1, digits)) % 11) % 11
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = (11 - sum(a * b for a, b in zip(w2, digits)) % 11) % 11
        if k2 == 10:
            continue
        digits.append(k2 if valid else (k2 + 1) % 10)
        return "".join(map(str, digits))


def hostile() -> None:
    """Small hostile files, with the problem each must raise (code, line, column)."""
    folder = OUT / "hostile"
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(11)
    names = [f[0] for f in FEATURES]
    header = ["skattyter_id"] + names + ["merknad"]
    good = ["1", "40", "2", "1", "500000", "100", "12", "14", "200", "2000", "1", "0", "", "3", "4000", "ok"]
    expected: dict[str, dict] = {}

    def g(k: int) -> list[str]:
        """The good row with id k (ids stay unique, so no file warns of duplicates by accident)."""
        return [str(k)] + good[1:]

    def rows_to_bytes(rows: list[list[str]], delimiter: str = ";", newline: str = "\r\n") -> bytes:
        buf = io.StringIO(newline="")
        Writer(buf, delimiter, newline).writerows(rows)
        return buf.getvalue().encode("utf-8")

    def put(name: str, data: bytes, **truth) -> None:
        (folder / name).write_bytes(data)
        expected[name] = truth

    put("empty.csv", b"", problems=[{"code": "csv.empty_file", "line": 1}], rows=0)
    put("blank-lines.csv", b"\r\n\r\n  \r\n", problems=[{"code": "csv.empty_file", "line": 1}], rows=0)
    put("header-only.csv", (";".join(header) + "\r\n").encode(), problems=[{"code": "csv.no_rows", "line": 1}], rows=0)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(rng.integers(0, 256, 200, dtype=np.uint8))
    put("picture.csv", png, problems=[{"code": "csv.binary_file", "line": 1, "params": {"kind": "png", "format": "PNG"}}], rows=0)
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as z:
        for entry, body in (("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")):
            z.writestr(zipfile.ZipInfo(entry, date_time=(2026, 1, 1, 0, 0, 0)), body)  # fixed time: same bytes every run
    put("workbook.csv", zbuf.getvalue(), problems=[{"code": "csv.binary_file", "line": 1, "params": {"kind": "xlsx", "format": "Excel (.xlsx)"}}],
        rows=0)
    garbage = bytes(np.random.default_rng(3).integers(0, 256, 8192, dtype=np.uint8))
    put("garbage.csv", b"\x00\x01" + garbage, problems=[{"code": "csv.not_text", "line": 1}],
        rows=0)

    # A quote opened in the last column of line 5 and never closed: lines 5-8 are one cell.
    text_ = rows_to_bytes([header, g(1), g(2), g(3)]).decode()
    text_ += ";".join(g(4)[:-1]) + ';"opens here\r\n' + ";".join(g(5)) + "\r\n" + ";".join(g(6)) + "\r\nlast line\r\n"
    put("unterminated-quote.csv", text_.encode(), rows=4,
        rowProblems=[{"code": "csv.unterminated_quote", "line": 5, "column": len(header), "params": {"lines": 4}}])

    put("duplicate-headers.csv", rows_to_bytes([header + ["alder"], g(1) + ["41"]]), rows=1,
        problems=[{"code": "csv.duplicate_header", "line": 1, "column": len(header) + 1, "params": {"first": 2}}])

    proto = ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype"]
    put("proto-headers.csv", rows_to_bytes([header + proto, g(1) + ["a", "b", "c", "d", "e"]]), rows=1,
        passthrough=["merknad"] + proto, problems=[])

    put("ragged.csv", rows_to_bytes([header, g(1), g(2)[:-3], g(3) + ["extra"], g(4) + ["", " "]]), rows=4,
        rowProblems=[{"code": "csv.ragged_row", "line": 3, "params": {"expected": len(header), "found": len(header) - 3}},
                     {"code": "csv.ragged_row", "line": 4, "params": {"expected": len(header), "found": len(header) + 1}}],
        problems=[{"code": "csv.trailing_empty_fields", "line": 5, "params": {"count": 1}}])

    col = {name: header.index(name) for name in header}
    bad: list[tuple[str, str, str]] = [  # (column, cell, code)
        ("reise_km_oppgitt", "12,5,3", "csv.not_a_number"),
        ("lonnsinntekt", "-500", "csv.negative"),
        ("alder", "140", "csv.out_of_range"),
        ("reise_dager_oppgitt", "12,5", "csv.not_integer"),
        ("eier_bolig", "2", "csv.not_binary"),
        ("sentralitet", "9", "csv.unknown_category"),
        ("alder", "", "csv.missing_value"),
        ("avstand_reg_km", "12 kr", "csv.wrong_unit"),
        ("lonnsinntekt", "#VERDI!", "csv.not_a_number"),
        ("hovedinntektskilde", "Pensjon", None),  # a category label: fine
        ("eier_bolig", "nei", None),  # a yes/no word: fine
        ("stillingsprosent", "80 %", None),
        ("endring_fra_forhandsutfylt", "\u22121 234,50", None),
    ]
    rows = [header]
    row_problems = []
    for k, (name, cell, code) in enumerate(bad):
        r = list(good)
        r[0] = str(100 + k)
        r[col[name]] = cell
        rows.append(r)
        if code:
            row_problems.append({"code": code, "line": k + 2, "column": col[name] + 1, "field": name})
    put("bad-cells.csv", rows_to_bytes(rows), rows=len(bad), rowProblems=row_problems,
        status=[2 if c and c in ("csv.not_a_number", "csv.negative", "csv.not_binary", "csv.wrong_unit") else (1 if c else 0)
                for _, _, c in bad])

    dropped = ["reisefradrag", "eier_bolig"]
    keep = [i for i, h in enumerate(header) if h not in dropped]
    put("missing-features.csv", rows_to_bytes([[header[i] for i in keep], [g(1)[i] for i in keep]]), rows=1,
        problems=[{"code": "csv.missing_features", "line": 1, "params": {"features": ", ".join(dropped), "count": 2}}])

    fnr = [national_id(rng) for _ in range(4)] + [national_id(rng, valid=False)]
    id_rows = [["fnr"] + header[1:] + ["ektefelle_fnr"]]
    for k, f in enumerate(fnr):
        id_rows.append([f] + good[1:] + [national_id(rng)])
    put("national-id.csv", rows_to_bytes(id_rows), rows=5, idKind="national-id", ids=fnr,
        rowProblems=[{"code": "csv.national_id_checksum", "line": 6, "column": 1}])

    dup = [header, ["0007"] + good[1:], ["0008"] + good[1:], ["0007"] + good[1:], ["7"] + good[1:]]
    put("duplicate-ids.csv", rows_to_bytes(dup), rows=4, ids=["0007", "0008", "0007", "7"],
        rowProblems=[{"code": "csv.duplicate_id", "line": 4, "column": 1, "params": {"first": 2}}])

    looks_like_data = rows_to_bytes([g(1), g(2)])
    put("no-header.csv", looks_like_data, problems=[{"code": "csv.header_missing", "line": 1}], rows=1)

    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "card.json").write_text(json.dumps(card(), ensure_ascii=False, indent=1) + "\n", "utf-8")
    golden()
    hostile()
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
