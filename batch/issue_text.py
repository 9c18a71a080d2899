"""Row problems as the CLI words them: the catalogue's sentence (sent by src/cli/batch-spec.ts with
the task's words already in) with {line}, {column}, {field}, {value} … filled the way
src/lib/i18n/translate.ts fills them — numbers through Intl.NumberFormat with at most two
decimals, which this module reproduces for nb-NO, nn-NO and en-GB."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

# Intl.NumberFormat(nb-NO / nn-NO / en-GB): group, decimal, minus (CLDR).
_SYMBOLS = {"nb": ("\u00a0", ",", "\u2212"), "nn": ("\u00a0", ",", "\u2212"), "en": (",", ".", "-")}
_PLACE = re.compile(r"\{(\w+)\}")


def format_number(locale: str, value: float | int) -> str:
    """Intl.NumberFormat(tag, {maximumFractionDigits: 2}).format(value): ICU rounds the shortest decimal half away from zero."""
    group, point, minus = _SYMBOLS[locale]
    d = Decimal(repr(float(value))) if not isinstance(value, int) else Decimal(value)
    negative = d < 0 or (d == 0 and str(d).startswith("-"))
    q = abs(d).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{q:f}".partition(".")
    frac = frac.rstrip("0")
    grouped = ""
    while len(whole) > 3:
        grouped = group + whole[-3:] + grouped
        whole = whole[:-3]
    text = whole + grouped + (point + frac if frac else "")
    return (minus if negative else "") + text


def fill(template: str, locale: str, params: dict) -> str:
    def one(m: re.Match) -> str:
        name = m.group(1)
        if name not in params:
            return m.group(0)
        v = params[name]
        return v if isinstance(v, str) else format_number(locale, v)

    return _PLACE.sub(one, template)


# --- national identity numbers: src/lib/core/csv/nationalId.ts -------------------------------

_W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1]
_W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
_RUN = re.compile(r"(?<!\d)(\d{6}) ?(\d{5})(?!\d)", re.ASCII)
_MAYBE = re.compile(r"\d{6} ?\d{5}", re.ASCII)


def _digits11(s: str) -> bool:
    return len(s) == 11 and all("0" <= c <= "9" for c in s)


def looks_like_national_id(s: str) -> bool:
    if not _digits11(s):
        return False
    day, month = int(s[0:2]), int(s[2:4])
    if day > 40:
        day -= 40
    if month > 80:
        month -= 80
    elif month > 40:
        month -= 40
    return 1 <= day <= 31 and 1 <= month <= 12


def national_id_checksum_ok(s: str) -> bool:
    if not _digits11(s):
        return False
    d = [ord(c) - 48 for c in s]
    return sum(w * x for w, x in zip(_W1, d)) % 11 <= 3 and sum(w * x for w, x in zip(_W2, d)) % 11 == 0


def mask_national_ids(text: str) -> str:
    if not _MAYBE.search(text):
        return text

    def one(m: re.Match) -> str:
        digits = m.group(1) + m.group(2)
        return "\u2022" * 9 + digits[9:] if looks_like_national_id(digits) and national_id_checksum_ok(digits) else m.group(0)

    return _RUN.sub(one, text)


def contains_national_id(text: str) -> bool:
    if not _MAYBE.search(text):
        return False
    return any(looks_like_national_id(m.group(1) + m.group(2)) and national_id_checksum_ok(m.group(1) + m.group(2)) for m in _RUN.finditer(text))


EXCERPT_CHARS = 40
# JavaScript's String.prototype.trim: WhiteSpace and LineTerminator (ECMA-262 §12.2, §12.3).
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def js_trim(s: str) -> str:
    return s.strip(JS_SPACE)


def excerpt(s: str) -> str:
    """RowCoercer's excerpt: trimmed, national ids masked, at most 40 characters with an ellipsis."""
    t = mask_national_ids(js_trim(s))
    return t if len(t) <= EXCERPT_CHARS else t[: EXCERPT_CHARS - 1] + "\u2026"


def masked(s: str) -> str:
    return "\u2022" * min(len(js_trim(s)), EXCERPT_CHARS)


# A C0 control but tab, LF and CR, or DEL: src/lib/core/export/csv-writer.ts CONTROL_CHARACTER.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_header(name: str) -> str:
    """src/lib/core/csv/normalizeHeader.ts."""
    import unicodedata

    s = name.lower().replace("æ", "ae").replace("ø", "o").replace("ö", "o").replace("å", "a")
    s = unicodedata.normalize("NFD", s)
    return re.sub(r"[^a-z0-9]", "", s)
