import { describe, expect, it } from 'vitest';
import { safeCell } from './safe-cell';

describe('safeCell', () => {
  it('prefixes an apostrophe to every text that starts a formula (OWASP list)', () => {
    for (const attack of ['=1+1', '+1+1', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")']) {
      expect(safeCell(attack)).toBe(`'${attack}`);
    }
  });

  it('also catches the full-width forms and the minus sign', () => {
    for (const attack of ['＝1+1', '＋1', '－1+cmd', '＠SUM(A1)', '\u22121+1']) expect(safeCell(attack)).toBe(`'${attack}`);
  });

  it('leaves negative numbers as numbers, with or without grouping and decimals', () => {
    for (const n of ['-1234', '-1 234,50', '-1\u00A0234,50', '-1\u202F234', '-1234.5', '-0,5', '-1e5', '-12 345 678']) {
      expect(safeCell(n)).toBe(n);
    }
  });

  it('prefixes a minus that only looks like the start of a number', () => {
    for (const t of ['-1+1', '-1 23', '-12,3,4', '-', '- 1', '-1e5+cmd', '-1234\n=1']) expect(safeCell(t)).toBe(`'${t}`);
  });

  it('leaves ordinary text, positive numbers and the empty string alone', () => {
    for (const t of ['', 'Oslo', '54000', '1 234,50', 'a=b', " '=x", 'ID-0042']) expect(safeCell(t)).toBe(t);
  });
});
