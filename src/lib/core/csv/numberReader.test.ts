import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CELL_INVALID,
  CELL_MISSING,
  CELL_NUMBER,
  FLAG_CURRENCY,
  FLAG_PERCENT,
  NumberReader,
  STYLE_AMBIGUOUS,
  STYLE_COMMA,
  STYLE_NONE,
  STYLE_POINT,
} from './numberReader';

const reader = new NumberReader();
const read = (s: string, decimalComma = true) => reader.read(s, decimalComma);

describe('NumberReader', () => {
  it.each([
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234,56', 1234.56],
    ['1.234,56', 1234.56],
    ['1234,56', 1234.56],
    ['1234.56', 1234.56],
    ['1,234.56', 1234.56],
    ['1 234 567,89', 1234567.89],
    ['1.234.567', 1234567],
    ['−1 234,56', -1234.56],
    ['–500', -500],
    ['-0,5', -0.5],
    ['+7', 7],
    ['500-', -500],
    ['500,-', 500],
    ['1 500,- kr', 1500],
    ['kr 1 234,50', 1234.5],
    ['kr. 99', 99],
    ['-kr 500', -500],
    ['kr -500', -500],
    ['12 345 NOK', 12345],
    ['NOK 12', 12],
    ['0,123', 0.123],
    ['1234,567', 1234.567],
    ['1 234,567', 1234.567],
    [',5', 0.5],
    ['.5', 0.5],
    ['1,5E+06', 1500000],
    ['2.5e-3', 0.0025],
    ['  42  ', 42],
    ['007', 7],
    ['12345678901234567', 12345678901234567],
    ['0', 0],
  ])('reads %j as %d', (cell, value) => {
    expect(read(cell)).toBe(value);
    expect(reader.status).toBe(CELL_NUMBER);
  });

  it('reads a lone minus zero as negative zero, not as missing', () => {
    expect(Object.is(read('-0'), -0)).toBe(true);
  });

  it.each(['', '   ', '\u00a0', '-', '−', '–', '—', '.', 'NA', 'na', 'N/A', 'n/a', 'NaN', 'null', 'NULL', '#N/A', '#I/T', 'None'])(
    'reads %j as missing',
    (cell) => {
      expect(read(cell)).toBeNaN();
      expect(reader.status).toBe(CELL_MISSING);
    },
  );

  it.each(['12,5,3', '1.2.3', '1,23,456', '12 34', 'abc', '12abc', '#VERDI!', '#DIV/0!', '1..5', '1,,5', '--5', '+', 'kr', '1e', '1e9999', '1 234.567,89', '(500)', '5 5 5 5'])(
    'refuses %j',
    (cell) => {
      expect(read(cell)).toBeNaN();
      expect(reader.status).toBe(CELL_INVALID);
    },
  );

  it('settles a single separator before exactly three digits by the column convention', () => {
    expect(read('1.234', true)).toBe(1234);
    expect(reader.style).toBe(STYLE_AMBIGUOUS);
    expect(read('1.234', false)).toBe(1.234);
    expect(read('1,234', true)).toBe(1.234);
    expect(read('1,234', false)).toBe(1234);
    expect(read('12,500', false)).toBe(12500);
  });

  it('reports which decimal convention a cell proves', () => {
    read('1 234,5');
    expect(reader.style).toBe(STYLE_COMMA);
    read('1,234.5');
    expect(reader.style).toBe(STYLE_POINT);
    read('1.234.567');
    expect(reader.style).toBe(STYLE_COMMA);
    read('1234');
    expect(reader.style).toBe(STYLE_NONE);
  });

  it('flags percent and currency so the caller can check the unit', () => {
    expect(read('80 %')).toBe(80);
    expect(reader.flags).toBe(FLAG_PERCENT);
    expect(read('12,5%')).toBe(12.5);
    expect(reader.flags).toBe(FLAG_PERCENT);
    expect(read('100 kr')).toBe(100);
    expect(reader.flags).toBe(FLAG_CURRENCY);
    expect(read('100')).toBe(100);
    expect(reader.flags).toBe(0);
  });

  it('agrees with Number() on plain decimal text, beyond 15 digits too', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 8 }), (v, d) => {
        const text = v.toFixed(d);
        expect(read(text, false)).toBe(Number(text));
        expect(read(text.replace('.', ','), true)).toBe(Number(text));
      }),
    );
  });

  it('reads back any number written in any supported Norwegian format', () => {
    const spaces = [' ', '\u00a0', '\u202f', '\u2009'];
    const format = fc.record({
      cents: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
      decimals: fc.integer({ min: 0, max: 2 }),
      comma: fc.boolean(),
      group: fc.integer({ min: 0, max: 4 }),
      minus: fc.constantFrom('-', '\u2212', '\u2013', 'trailing'),
      unit: fc.constantFrom('', ' kr', 'kr ', ' NOK', '%', ' %', ',-'),
      pad: fc.constantFrom('', ' ', '\u00a0'),
    });
    fc.assert(
      fc.property(format, (f) => {
        // An independent writer: the value is cents / 100 rounded to `decimals`, as text.
        const scale = 10n ** BigInt(2 - f.decimals);
        const units = f.cents / scale;
        const negative = units < 0n;
        const digits = (negative ? -units : units).toString().padStart(f.decimals + 1, '0');
        const whole = digits.slice(0, digits.length - f.decimals);
        const frac = digits.slice(digits.length - f.decimals);
        const sep = f.group === 0 ? '' : f.group === 4 ? (f.comma ? '.' : ',') : spaces[f.group - 1];
        const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        let text = grouped + (f.decimals > 0 ? (f.comma ? ',' : '.') + frac : '');
        if (f.unit === ',-' && (f.decimals > 0 || f.minus === 'trailing')) return; // "500,-" is whole kroner, sign in front
        if (negative) text = f.minus === 'trailing' ? text + '-' : f.minus + text;
        text = f.unit === 'kr ' ? 'kr ' + text : text + f.unit;
        const expected = Number(`${negative ? '-' : ''}${whole}.${frac || '0'}`);
        const value = read(f.pad + text + f.pad, f.comma);
        expect(reader.status, text).toBe(CELL_NUMBER);
        expect(value, text).toBe(expected === 0 && negative ? -0 : expected);
      }),
      { numRuns: 2000 },
    );
  });
});
