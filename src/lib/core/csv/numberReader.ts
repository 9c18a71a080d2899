/**
 * Reads numbers as Norwegian extracts write them, one cell at a time, without a regular
 * expression or a temporary string on the common path (a million rows × 40 columns is
 * forty million cells).
 *
 * Accepted, around optional spaces (space, tab, U+00A0, U+2007, U+2009, U+202F):
 *   sign        '-', '+', U+2212 minus, U+2013 en dash; or a trailing '-' (SAP writes 500-)
 *   currency    'kr', 'kr.', 'NOK' before or after the number      → FLAG_CURRENCY
 *   percent     '%' after the number                                → FLAG_PERCENT
 *   groups      space-like, '.' or ',' between groups of exactly three digits
 *   decimals    ',' or '.'; '500,-' is Norwegian for 500 kroner even
 *   exponent    'e' / 'E' as Excel writes large numbers (1,5E+06)
 *   missing     empty, '-', '−', '–', '—', '.' (SAS), NA, N/A, NaN, null, #N/A and Norwegian Excel's #I/T
 *
 * Which of '.' and ',' is the decimal separator: when both occur, the last one; when one
 * occurs more than once, it groups thousands; when one occurs once and is not followed
 * by exactly three digits, it is the decimal. Only a single separator followed by exactly
 * three digits after one to three leading digits ('1.234', '12,500') is ambiguous; the
 * column's convention (`decimalComma`) settles it and `style` reports STYLE_AMBIGUOUS.
 */

export const CELL_NUMBER = 0;
export const CELL_MISSING = 1;
export const CELL_INVALID = 2;

/** The decimal convention a cell proves by itself (evidence for the column's convention). */
export const STYLE_NONE = 0;
export const STYLE_COMMA = 1;
export const STYLE_POINT = 2;
export const STYLE_AMBIGUOUS = 3;

export const FLAG_PERCENT = 1;
export const FLAG_CURRENCY = 2;

const MAX_SEPARATORS = 12;
const KIND_SPACE = 1;
const KIND_POINT = 2;
const KIND_COMMA = 3;

/** 10^k for k ≤ 22 is exact in binary64, so integer / 10^k is correctly rounded like parseFloat. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

const MISSING_WORDS = new Set(['na', 'n/a', 'nan', 'null', '#n/a', '#i/t', 'none']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isMinus(c: number): boolean {
  return c === 45 || c === 0x2212 || c === 0x2013;
}

export class NumberReader {
  /** CELL_NUMBER, CELL_MISSING or CELL_INVALID for the last cell read. */
  status = CELL_NUMBER;
  /** STYLE_* evidence of the last cell. */
  style = STYLE_NONE;
  /** FLAG_* bits of the last cell. */
  flags = 0;

  private readonly kinds = new Int32Array(MAX_SEPARATORS);
  private readonly runs = new Int32Array(MAX_SEPARATORS + 1);

  /** The value of `s` (NaN when missing or invalid; see `status`). */
  read(s: string, decimalComma: boolean): number {
    this.style = STYLE_NONE;
    this.flags = 0;
    let i = 0;
    let n = s.length;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    while (n > i && isSpace(s.charCodeAt(n - 1))) n--;
    if (i === n) return this.missing();

    let c = s.charCodeAt(i);
    if (n - i === 1 && (c === 45 || c === 0x2212 || c === 0x2013 || c === 0x2014 || c === 46)) return this.missing();
    if (!isDigit(c) && c !== 45 && c !== 43 && c !== 46 && c !== 44 && !isMinus(c)) {
      if (n - i <= 4 && MISSING_WORDS.has(s.slice(i, n).toLowerCase())) return this.missing();
    }

    let sign = 0;
    if (isMinus(c) || c === 43) {
      sign = c === 43 ? 1 : -1;
      c = s.charCodeAt(++i);
    }
    const afterCurrency = this.currency(s, i, n);
    if (afterCurrency > i) {
      i = afterCurrency;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      c = s.charCodeAt(i);
      if (sign === 0 && (isMinus(c) || c === 43)) {
        sign = c === 43 ? 1 : -1;
        i++;
      }
    }

    // Digits, split into runs by separators.
    const kinds = this.kinds;
    const runs = this.runs;
    let nSep = 0;
    let run = 0;
    let digits = 0;
    let mant = 0;
    let firstDigit = -1;
    while (i < n) {
      c = s.charCodeAt(i);
      if (isDigit(c)) {
        if (firstDigit < 0) firstDigit = c - 48;
        mant = mant * 10 + (c - 48);
        run++;
        digits++;
        i++;
        continue;
      }
      const kind = c === 46 ? KIND_POINT : c === 44 ? KIND_COMMA : isSpace(c) ? KIND_SPACE : 0;
      if (kind === 0) break;
      if (kind === KIND_SPACE && !(run > 0 && i + 1 < n && isDigit(s.charCodeAt(i + 1)))) break;
      if (run === 0 && digits > 0) return this.invalid(); // two separators in a row
      if (nSep === MAX_SEPARATORS) return this.invalid();
      runs[nSep] = run;
      kinds[nSep++] = kind;
      run = 0;
      i++;
    }
    runs[nSep] = run;
    if (digits === 0) return this.invalid();

    // A trailing '.' or ',' with no digits after: "500,-" (whole kroner) or "12.".
    if (nSep > 0 && run === 0) {
      nSep--;
      if (i < n && s.charCodeAt(i) === 45) i++;
    }

    let exponent = 0;
    let hasExponent = false;
    if (i < n && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
      i++;
      let expSign = 1;
      c = s.charCodeAt(i);
      if (c === 43 || isMinus(c)) {
        expSign = c === 43 ? 1 : -1;
        i++;
      }
      const start = i;
      while (i < n && isDigit(s.charCodeAt(i))) exponent = exponent * 10 + (s.charCodeAt(i++) - 48);
      if (i === start || i - start > 3) return this.invalid();
      exponent *= expSign;
      hasExponent = true;
    }

    if (sign === 0 && i < n && isMinus(s.charCodeAt(i))) {
      sign = -1;
      i++;
    }
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i < n && s.charCodeAt(i) === 37) {
      this.flags |= FLAG_PERCENT;
      i++;
    } else {
      const after = this.currency(s, i, n);
      if (after > i) i = after;
    }
    if (i !== n) return this.invalid();

    const decimalAt = this.decimalSeparator(nSep, firstDigit, decimalComma);
    if (decimalAt === -2) return this.invalid();
    const fraction = decimalAt >= 0 ? runs[decimalAt + 1] : 0;

    let value: number;
    if (digits <= 15 && !hasExponent) value = fraction === 0 ? mant : mant / POW10[fraction];
    else value = this.slowValue(s, fraction, exponent);
    this.status = CELL_NUMBER;
    return sign < 0 ? -value : value;
  }

  /**
   * Index of the decimal separator among the separators, -1 for none, -2 when the
   * separators do not form a number. Sets `style`.
   */
  private decimalSeparator(nSep: number, firstDigit: number, decimalComma: boolean): number {
    const kinds = this.kinds;
    const runs = this.runs;
    let nPoint = 0;
    let nComma = 0;
    let nSpace = 0;
    let last = -1;
    for (let k = 0; k < nSep; k++) {
      const kind = kinds[k];
      if (kind === KIND_SPACE) nSpace++;
      else {
        if (kind === KIND_POINT) nPoint++;
        else nComma++;
        last = k;
      }
    }
    let decimalAt = -1;
    if (nPoint > 0 && nComma > 0) {
      if ((kinds[last] === KIND_POINT ? nPoint : nComma) > 1 || last !== nSep - 1) return -2;
      decimalAt = last;
      this.style = kinds[last] === KIND_COMMA ? STYLE_COMMA : STYLE_POINT;
    } else if (nPoint + nComma === 1) {
      if (last !== nSep - 1) return -2;
      const before = runs[last];
      const after = runs[last + 1];
      const proven =
        after !== 3 || before === 0 || before > 3 || nSpace > 0 || (before === 1 && firstDigit === 0);
      if (proven) {
        decimalAt = last;
        this.style = kinds[last] === KIND_COMMA ? STYLE_COMMA : STYLE_POINT;
      } else {
        this.style = STYLE_AMBIGUOUS;
        if ((kinds[last] === KIND_COMMA) === decimalComma) decimalAt = last;
      }
    } else if (nPoint + nComma > 1) {
      // 1.234.567 groups with points, so the column writes decimal commas, and vice versa.
      this.style = nPoint > 0 ? STYLE_COMMA : STYLE_POINT;
    }
    // Grouping separators: one kind, each followed by exactly three digits, after 1–3 leading digits.
    let groupKind = 0;
    for (let k = 0; k < nSep; k++) {
      if (k === decimalAt) continue;
      if (groupKind === 0) groupKind = kinds[k];
      else if (kinds[k] !== groupKind) return -2;
      if (runs[k + 1] !== 3) return -2;
    }
    if (groupKind !== 0 && (runs[0] < 1 || runs[0] > 3)) return -2;
    return decimalAt;
  }

  /** Length of a currency marker ('kr', 'kr.', 'NOK', any case) at i, as the new index; i when none. */
  private currency(s: string, i: number, n: number): number {
    if (i + 1 >= n) return i; // also keeps charCodeAt in bounds, which V8 optimises far better
    const c0 = s.charCodeAt(i) | 32;
    const c1 = s.charCodeAt(i + 1) | 32;
    if (c0 === 107 && c1 === 114) {
      const next = i + 2 < n ? s.charCodeAt(i + 2) : 32;
      if (i + 2 === n || isSpace(next) || isDigit(next) || isMinus(next)) return this.flag(i + 2);
      if (next === 46) return this.flag(i + 3);
    }
    if (c0 === 110 && c1 === 111 && (s.charCodeAt(i + 2) | 32) === 107 && i + 2 < n) return this.flag(i + 3);
    return i;
  }

  private flag(end: number): number {
    this.flags |= FLAG_CURRENCY;
    return end;
  }

  /** Beyond 15 significant digits or with an exponent: let the engine round the normalised text. */
  private slowValue(s: string, fraction: number, exponent: number): number {
    let digits = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (isDigit(c)) digits += s[i];
      else if (c === 101 || c === 69) break;
    }
    const whole = digits.slice(0, digits.length - fraction) || '0';
    const text = fraction > 0 ? `${whole}.${digits.slice(digits.length - fraction)}` : whole;
    return Number(`${text}e${exponent}`);
  }

  private missing(): number {
    this.status = CELL_MISSING;
    return NaN;
  }

  private invalid(): number {
    this.status = CELL_INVALID;
    return NaN;
  }
}
