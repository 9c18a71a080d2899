"""Cell numbers read as the app reads them: a port of src/lib/core/csv/numberReader.ts.

`read_cell` is the rule for one cell, line for line with NumberReader.read; `read_column`
runs it over an Arrow string column, taking the plain cells (whole numbers and decimals the
mark of which no column convention can change) through pyarrow's vectorised cast, which is
correctly rounded like JavaScript's arithmetic on at most 15 digits, and only the rest
through `read_cell`.
"""

from __future__ import annotations

import math

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

CELL_NUMBER, CELL_MISSING, CELL_INVALID = 0, 1, 2
STYLE_NONE, STYLE_COMMA, STYLE_POINT, STYLE_AMBIGUOUS = 0, 1, 2, 3
FLAG_PERCENT, FLAG_CURRENCY = 1, 2

MAX_SEPARATORS = 12
KIND_SPACE, KIND_POINT, KIND_COMMA = 1, 2, 3
SPACES = " \t\u00a0\u202f\u2009\u2007"
MISSING_WORDS = {"na", "n/a", "nan", "null", "#n/a", "#i/t", "none"}
MINUS = {"-", "\u2212", "\u2013"}


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9"


def _currency(s: str, i: int, n: int) -> tuple[int, int]:
    """(new index, flags) after a 'kr', 'kr.' or 'NOK' marker at i."""
    if i + 1 >= n:
        return i, 0
    c0, c1 = s[i].lower(), s[i + 1].lower()
    if c0 == "k" and c1 == "r":
        nxt = s[i + 2] if i + 2 < n else " "
        if i + 2 == n or nxt in SPACES or _is_digit(nxt) or nxt in MINUS:
            return i + 2, FLAG_CURRENCY
        if nxt == ".":
            return i + 3, FLAG_CURRENCY
    if c0 == "n" and c1 == "o" and i + 2 < n and s[i + 2].lower() == "k":
        return i + 3, FLAG_CURRENCY
    return i, 0


def read_cell(s: str, decimal_comma: bool) -> tuple[float, int, int]:
    """(value, CELL_* status, FLAG_* bits) of one cell; NaN when missing or invalid (and then no flags)."""
    missing = (math.nan, CELL_MISSING, 0)
    invalid = (math.nan, CELL_INVALID, 0)
    flags = 0
    i, n = 0, len(s)
    while i < n and s[i] in SPACES:
        i += 1
    while n > i and s[n - 1] in SPACES:
        n -= 1
    if i == n:
        return missing
    c = s[i]
    if n - i == 1 and c in "-\u2212\u2013\u2014.":
        return missing
    if not _is_digit(c) and c not in "-+.," and c not in MINUS:
        if n - i <= 4 and s[i:n].lower() in MISSING_WORDS:
            return missing
    sign = 0
    if c in MINUS or c == "+":
        sign = 1 if c == "+" else -1
        i += 1
        c = s[i] if i < len(s) else ""
    after, f = _currency(s, i, n)
    flags |= f
    if after > i:
        i = after
        while i < n and s[i] in SPACES:
            i += 1
        c = s[i] if i < len(s) else ""
        if sign == 0 and (c in MINUS or c == "+"):
            sign = 1 if c == "+" else -1
            i += 1
    kinds: list[int] = []
    runs: list[int] = []
    run = digits = 0
    first_digit = -1
    while i < n:
        c = s[i]
        if _is_digit(c):
            if first_digit < 0:
                first_digit = ord(c) - 48
            run += 1
            digits += 1
            i += 1
            continue
        kind = KIND_POINT if c == "." else KIND_COMMA if c == "," else KIND_SPACE if c in SPACES else 0
        if kind == 0:
            break
        if kind == KIND_SPACE and not (run > 0 and i + 1 < n and _is_digit(s[i + 1])):
            break
        if run == 0 and digits > 0:
            return invalid
        if len(kinds) == MAX_SEPARATORS:
            return invalid
        runs.append(run)
        kinds.append(kind)
        run = 0
        i += 1
    runs.append(run)
    if digits == 0:
        return invalid
    if kinds and run == 0:
        kinds.pop()
        runs.pop()
        if i < n and s[i] == "-":
            i += 1
    exponent = 0
    has_exponent = False
    if i < n and s[i] in "eE":
        i += 1
        exp_sign = 1
        c = s[i] if i < len(s) else ""
        if c == "+" or c in MINUS:
            exp_sign = 1 if c == "+" else -1
            i += 1
        start = i
        while i < n and _is_digit(s[i]):
            exponent = exponent * 10 + ord(s[i]) - 48
            i += 1
        if i == start or i - start > 3:
            return invalid
        exponent *= exp_sign
        has_exponent = True
    if sign == 0 and i < n and s[i] in MINUS:
        sign = -1
        i += 1
    while i < n and s[i] in SPACES:
        i += 1
    if i < n and s[i] == "%":
        flags |= FLAG_PERCENT
        i += 1
    else:
        after, f = _currency(s, i, n)
        if after > i:
            flags |= f
            i = after
    if i != n:
        return invalid
    at = _decimal_separator(kinds, runs, first_digit, decimal_comma)
    if at == -2:
        return invalid
    fraction = runs[at + 1] if at >= 0 else 0
    body = "".join(ch for ch in s if _is_digit(ch) or ch in "eE")
    mant_digits = body.split("e")[0].split("E")[0]
    whole = mant_digits[: len(mant_digits) - fraction] or "0"
    text = f"{whole}.{mant_digits[len(mant_digits) - fraction:]}" if fraction > 0 else whole
    if digits <= 15 and not has_exponent:
        value = int(mant_digits) / 10**fraction if fraction else float(int(mant_digits))
    else:
        value = float(f"{text}e{exponent}")
    return (-value if sign < 0 else value), CELL_NUMBER, flags


def _decimal_separator(kinds: list[int], runs: list[int], first_digit: int, decimal_comma: bool) -> int:
    n_sep = len(kinds)
    n_point = sum(k == KIND_POINT for k in kinds)
    n_comma = sum(k == KIND_COMMA for k in kinds)
    n_space = sum(k == KIND_SPACE for k in kinds)
    last = max((k for k in range(n_sep) if kinds[k] != KIND_SPACE), default=-1)
    at = -1
    if n_point > 0 and n_comma > 0:
        if (n_point if kinds[last] == KIND_POINT else n_comma) > 1 or last != n_sep - 1:
            return -2
        at = last
    elif n_point + n_comma == 1:
        if last != n_sep - 1:
            return -2
        before, after = runs[last], runs[last + 1]
        proven = after != 3 or before == 0 or before > 3 or n_space > 0 or (before == 1 and first_digit == 0)
        if proven or (kinds[last] == KIND_COMMA) == decimal_comma:
            at = last
    group = 0
    for k in range(n_sep):
        if k == at:
            continue
        if group == 0:
            group = kinds[k]
        elif kinds[k] != group:
            return -2
        if runs[k + 1] != 3:
            return -2
    if group != 0 and (runs[0] < 1 or runs[0] > 3):
        return -2
    return at


# Whole numbers, and decimals whose single mark no column convention changes (not d{1,3}[.,]ddd).
_PLAIN = r"^[+-]?(?:\d+|\d+[.,]\d{1,2}|\d+[.,]\d{4,}|\d{4,}[.,]\d{3}|0[.,]\d{3})$"


# Whole numbers grouped by spaces ("582 270", Norwegian Excel's U+00A0), with any decimals: the spaces prove the mark.
_GROUPED = r"^[+-]?\d{1,3}(?:[ \t\x{00a0}\x{202f}\x{2009}\x{2007}]\d{3})+(?:[.,]\d+)?$"


def _digits_at_most_15(text: pa.Array) -> np.ndarray:
    return (pc.subtract(pc.utf8_length(text), pc.utf8_length(pc.replace_substring_regex(text, r"\d", ""))).to_numpy(zero_copy_only=False) <= 15)


def read_column(column: pa.Array, decimal_comma: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(values float64, CELL_* status int8, FLAG_* bits int8) per cell of a string column; null reads as missing.

    One regular-expression pass per column on the common path (register extracts are mostly
    plain numbers); the digit count (JavaScript's exact path is for at most 15 digits) is only
    taken for cells longer than 15 characters, and the grouped pattern only for what is left.
    """
    n = len(column)
    values = np.full(n, np.nan)
    status = np.full(n, CELL_INVALID, np.int8)
    flags = np.zeros(n, np.int8)
    raw = column.cast(pa.string())
    text = pc.utf8_trim(raw, characters=SPACES).fill_null("")
    mask = pc.match_substring_regex(text, _PLAIN).to_numpy(zero_copy_only=False).copy()
    empty = pc.equal(text, "").to_numpy(zero_copy_only=False)
    other = np.flatnonzero(~mask & ~empty)
    if len(other):
        grouped = pc.match_substring_regex(pc.take(text, pa.array(other)), _GROUPED).to_numpy(zero_copy_only=False)
        mask[other[grouped]] = True
    long = np.flatnonzero(mask & (pc.utf8_length(text).to_numpy(zero_copy_only=False) > 15))
    if len(long):
        mask[long[~_digits_at_most_15(pc.take(text, pa.array(long)))]] = False
    if mask.any():
        picked = pc.filter(text, pa.array(mask))
        values[mask] = pc.cast(pc.replace_substring_regex(pc.replace_substring(picked, ",", "."), r"^\+|[ \t\x{00a0}\x{202f}\x{2009}\x{2007}]", ""), pa.float64()).to_numpy(zero_copy_only=False)
        status[mask] = CELL_NUMBER
    status[empty] = CELL_MISSING
    rest = np.flatnonzero(~mask & ~empty)
    if len(rest):
        cells = pc.take(raw, pa.array(rest)).to_pylist()
        for k, cell in zip(rest, cells):
            v, st, fl = read_cell(cell, decimal_comma)
            values[k], status[k], flags[k] = v, st, fl
    return values, status, flags
