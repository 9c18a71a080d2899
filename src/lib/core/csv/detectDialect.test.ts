import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectNewline, sepLine } from './detectDialect';

describe('detectNewline', () => {
  it('finds CR LF, LF and CR', () => {
    expect(detectNewline('a;b\r\n1;2\r\n')).toBe('\r\n');
    expect(detectNewline('a;b\n1;2\n')).toBe('\n');
    expect(detectNewline('a;b\r1;2\r')).toBe('\r');
  });

  it('ignores the LFs Excel writes inside quoted cells of a CR LF file', () => {
    expect(detectNewline('a;b\r\n"x\ny\nz";2\r\n"p\nq";3\r\n')).toBe('\r\n');
  });

  it('falls back to LF for one line and for nothing', () => {
    expect(detectNewline('a;b')).toBe('\n');
    expect(detectNewline('')).toBe('\n');
  });
});

describe('detectDelimiter', () => {
  it('picks the semicolon in a Norwegian file full of decimal commas', () => {
    expect(detectDelimiter('alder;lonn;km\n40;500 000,50;12,5\n41;1,5;3\n', '\n', false)).toBe(';');
  });

  it('picks the semicolon even when every row has the same number of decimal commas', () => {
    expect(detectDelimiter('alder;lonn;km\n40;500,50;12,5\n41;1,5;3,0\n', '\n', false)).toBe(';');
  });

  it('picks the comma, tab and pipe when they split the header and rows alike', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n', '\n', false)).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n', '\n', false)).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2,5|3\n', '\n', false)).toBe('|');
  });

  it('respects quotes: a quoted cell full of commas does not make a comma file', () => {
    expect(detectDelimiter('a;b;c\n"x, y, z";2;3\n"p, q";4;5\n', '\n', false)).toBe(';');
  });

  it('leaves out a last line cut by the end of a sample', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4,5,6,7,8,9', '\n', true)).toBe(';');
  });

  it('falls back to the semicolon when nothing splits the header', () => {
    expect(detectDelimiter('alder\n40\n', '\n', false)).toBe(';');
    expect(detectDelimiter('', '\n', false)).toBe(';');
  });
});

describe('sepLine', () => {
  it('reads the delimiter from an Excel sep= line, quoted or not', () => {
    expect(sepLine('sep=;\r\na;b')).toEqual({ delimiter: ';', length: 7 });
    expect(sepLine('"sep=,"\na,b')).toEqual({ delimiter: ',', length: 8 });
    expect(sepLine('SEP=|')).toEqual({ delimiter: '|', length: 5 });
  });

  it('ignores other first lines and unsupported delimiters', () => {
    expect(sepLine('separator;b\n')).toBeNull();
    expect(sepLine('sep=#\n')).toBeNull();
    expect(sepLine('')).toBeNull();
  });
});
