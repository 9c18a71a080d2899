import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvChunks, csvHeader, csvRecords, csvText, EXCEL_NORWEGIAN, formatNumber, hasControlCharacters, RFC_4180, type CsvColumn } from './csv-writer';

const columns: CsvColumn[] = [
  { header: 'skattyter_id', text: ['A-001', '=cmd|calc', 'Ærlig; "sitat"', 'linje\nskift', '0042'] },
  { header: 'sannsynlighet', numbers: Float64Array.of(0.123456789, 0.5, NaN, 1e-7, -0), decimals: 6 },
  { header: 'beløp', numbers: Float32Array.of(-1234.5, 54000, 0, Infinity, 12.25) },
];
const rows = Uint32Array.of(4, 0, 1, 2, 3);

function parse(text: string, delimiter: string) {
  return Papa.parse<string[]>(text, { delimiter, newline: '\r\n' }).data;
}

describe('csvText / csvChunks', () => {
  it('writes Excel (Norwegian): BOM, semicolons, decimal comma, CRLF, and reads back the same through papaparse', () => {
    const text = csvText(columns, rows, EXCEL_NORWEGIAN);
    expect(text.startsWith('\uFEFFskattyter_id;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const data = parse(text.slice(1), ';');
    expect(data.slice(0, 6)).toEqual([
      ['skattyter_id', 'sannsynlighet', 'beløp'],
      ['0042', '0', '12,25'],
      ['A-001', '0,123457', '-1234,5'],
      ["'=cmd|calc", '0,5', '54000'],
      ['Ærlig; "sitat"', '', '0'],
      ['linje\nskift', '0', ''],
    ]);
  });

  it('writes RFC 4180: commas, decimal point, CRLF, no BOM, quotes doubled inside quoted fields', () => {
    const text = csvText(columns, rows, RFC_4180);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toContain('"Ærlig; ""sitat"""');
    const data = parse(text, ',');
    expect(data[2]).toEqual(['A-001', '0.123457', '-1234.5']);
    expect(data[5]).toEqual(['linje\nskift', '0', '']); // 1e-7 rounded to 6 decimals
    expect(data.length).toBe(7); // header, five rows, and the empty string after the last CRLF
  });

  it('quotes a field holding the delimiter only in the dialect where it is the delimiter', () => {
    const col: CsvColumn[] = [{ header: 'h', text: ['a,b', 'a;b'] }];
    expect(csvText(col, [0, 1], RFC_4180)).toBe('h\r\n"a,b"\r\na;b\r\n');
    expect(csvText(col, [0, 1], EXCEL_NORWEGIAN)).toBe('\uFEFFh\r\na,b\r\n"a;b"\r\n');
  });

  it('neutralises a header that would start a formula', () => {
    expect(csvText([{ header: '@evil', text: ['x'] }], [0], RFC_4180)).toBe("'@evil\r\nx\r\n");
  });

  it('streams in chunks of UTF-8 bytes that add up to the whole file', () => {
    const n = 2500;
    const col: CsvColumn[] = [{ header: 'i', numbers: Float64Array.from({ length: n }, (_, i) => i) }];
    const chunks = [...csvChunks(col, Uint32Array.from({ length: n }, (_, i) => i), EXCEL_NORWEGIAN, 1000)];
    expect(chunks.length).toBe(4); // BOM, then 1000 + 1000 + 500 rows (the first with the header)
    expect([...chunks[0]]).toEqual([0xef, 0xbb, 0xbf]);
    const joined = Buffer.concat(chunks).toString('utf8');
    expect(joined).toBe(csvText(col, Uint32Array.from({ length: n }, (_, i) => i), EXCEL_NORWEGIAN));
    expect(parse(joined.slice(1), ';').slice(1, -1).map((r) => Number(r[0]))).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('writes just the header for no rows, and one record for one row', () => {
    const col: CsvColumn[] = [{ header: 'p', numbers: Float64Array.of(0.25) }];
    expect(csvText(col, [], RFC_4180)).toBe('p\r\n');
    expect(csvText(col, [0], RFC_4180)).toBe('p\r\n0.25\r\n');
  });
});

describe('control characters', () => {
  // Every C0 control but tab (0x09), LF (0x0A) and CR (0x0D), and DEL (0x7F): 30 code points.
  const controls = [...Array.from({ length: 32 }, (_, c) => c).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d), 0x7f].map((c) => String.fromCharCode(c));

  it('replaces each control character in a cell with U+FFFD, one for one', () => {
    expect(controls).toHaveLength(30);
    const cell = `a${controls.join('')}b`;
    expect(csvText([{ header: 'h', text: [cell] }], [0], RFC_4180)).toBe(`h\r\na${'\uFFFD'.repeat(30)}b\r\n`);
  });

  it('replaces a NUL in an id and in a header, in both dialects', () => {
    const col: CsvColumn[] = [{ header: 'id\u0000', text: ['S1\u0000\u0000', '\u007F'] }];
    expect(csvText(col, [0, 1], RFC_4180)).toBe('id\uFFFD\r\nS1\uFFFD\uFFFD\r\n\uFFFD\r\n');
    expect(csvText(col, [0, 1], EXCEL_NORWEGIAN)).toBe('\uFEFFid\uFFFD\r\nS1\uFFFD\uFFFD\r\n\uFFFD\r\n');
  });

  it('keeps tab, LF and CR, quoting the field that holds a line break', () => {
    const col: CsvColumn[] = [{ header: 'h', text: ['a\tb', 'a\nb', 'a\rb'] }];
    expect(csvText(col, [0, 1, 2], RFC_4180)).toBe('h\r\na\tb\r\n"a\nb"\r\n"a\rb"\r\n');
  });

  it('replaces before it neutralises: a leading control character becomes U+FFFD, which starts no formula', () => {
    expect(csvText([{ header: 'h', text: ['\u0001=1+1', '=1\u0000'] }], [0, 1], RFC_4180)).toBe("h\r\n\uFFFD=1+1\r\n'=1\uFFFD\r\n");
  });

  it('tells whether a text holds one, by the same class', () => {
    for (const c of controls) expect(hasControlCharacters(`x${c}y`)).toBe(true);
    for (const s of ['', 'plain', 'tab\there', 'line\r\nbreak', 'æøå \u0080\u009F \uFFFD']) expect(hasControlCharacters(s)).toBe(false);
  });
});

describe('csvHeader / csvRecords', () => {
  it('add up to csvChunks: the BOM and header once, then records for rows that arrive in batches', () => {
    const whole = Buffer.concat([...csvChunks(columns, rows, EXCEL_NORWEGIAN)]);
    const parts = Buffer.concat([csvHeader(columns, EXCEL_NORWEGIAN), ...csvRecords(columns, rows.subarray(0, 2), EXCEL_NORWEGIAN), ...csvRecords(columns, rows.subarray(2), EXCEL_NORWEGIAN)]);
    expect(parts.equals(whole)).toBe(true);
    expect([...csvRecords(columns, [], RFC_4180)]).toEqual([]);
  });
});

describe('formatNumber', () => {
  it('writes plain digits: no grouping, no exponent, no negative zero', () => {
    expect(formatNumber(1234567.5, undefined, ',')).toBe('1234567,5');
    expect(formatNumber(1e21, undefined, '.')).toBe('1000000000000000000000');
    expect(formatNumber(-1e-7, undefined, '.')).toBe('-0.0000001');
    expect(formatNumber(-0.0000001, 3, '.')).toBe('0');
    expect(formatNumber(2.5, 0, '.')).toBe('3');
    expect(formatNumber(NaN, 2, '.')).toBe('');
  });
});
