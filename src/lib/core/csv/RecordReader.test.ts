import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt } from '../../../../test/csv/helpers';
import type { Delimiter, Newline } from './options';
import { RECORD_MALFORMED_QUOTE, RECORD_OK, RECORD_TOO_LONG, RECORD_UNTERMINATED_QUOTE, RecordReader } from './RecordReader';

interface Seen {
  fields: string[] | null;
  line: number;
  lines: number;
  issue: number;
}

function read(pieces: string[], delimiter: Delimiter, newline: Newline, maxChars?: number): Seen[] {
  const seen: Seen[] = [];
  const reader = new RecordReader(delimiter, newline, { record: (fields, line, lines, issue) => seen.push({ fields, line, lines, issue }) }, maxChars);
  for (const p of pieces) reader.push(p);
  reader.finish();
  return seen;
}

/** RFC 4180 writing, independent of the reader: quote a cell holding a quote, the delimiter, CR or LF. */
function write(records: string[][], delimiter: string, newline: string, finalBreak: boolean): { text: string; lines: number[] } {
  let text = '';
  const lines: number[] = [];
  records.forEach((r, i) => {
    lines.push(1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0));
    text += r.map((f) => (/["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f)).join(delimiter);
    if (i < records.length - 1 || finalBreak) text += newline;
  });
  return { text, lines };
}

const cell = fc.array(fc.constantFrom('a', '1', ',', ';', '\t', '|', '"', '\r', '\n', 'ø', ' '), { maxLength: 6 }).map((a) => a.join(''));
const dialect = fc.record({
  delimiter: fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
  newline: fc.constantFrom<Newline>('\r\n', '\n', '\r'),
  finalBreak: fc.boolean(),
});

/** Records the mixed-line-ending rule (RecordReader.parse) reads differently, by design. */
function fair(records: string[][], newline: Newline, finalBreak: boolean): boolean {
  if (records.length === 0) return false;
  const last = records[records.length - 1];
  if (!finalBreak && last.length === 1 && last[0] === '') return false; // an empty last line without a break is no record
  return records.every((r) => !(newline === '\n' && r[r.length - 1].endsWith('\r')) && !(newline === '\r' && r[0].startsWith('\n')));
}

describe('RecordReader', () => {
  it('reads back what an RFC 4180 writer wrote, with the physical line of each record', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), dialect, (records, d) => {
        fc.pre(fair(records, d.newline, d.finalBreak));
        const { text, lines } = write(records, d.delimiter, d.newline, d.finalBreak);
        const seen = read([text], d.delimiter, d.newline);
        expect(seen.map((s) => s.fields)).toEqual(records);
        expect(seen.map((s) => s.line)).toEqual(lines);
        expect(seen.every((s) => s.issue === RECORD_OK)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives identical records however the text is split: between CR and LF, inside quotes, inside escaped quotes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), dialect, fc.array(fc.nat(), { maxLength: 12 }), (records, d, cuts) => {
        fc.pre(fair(records, d.newline, d.finalBreak));
        const { text } = write(records, d.delimiter, d.newline, d.finalBreak);
        expect(read(cutAt(text, cuts), d.delimiter, d.newline)).toEqual(read([text], d.delimiter, d.newline));
      }),
      { numRuns: 500 },
    );
  });

  it('reads nothing from nothing', () => {
    expect(read([''], ';', '\n')).toEqual([]);
    expect(read([], ';', '\n')).toEqual([]);
  });

  it('reads one record without a line break', () => {
    expect(read(['a;b'], ';', '\n')).toEqual([{ fields: ['a', 'b'], line: 1, lines: 1, issue: RECORD_OK }]);
  });

  it('reads an empty line as one empty field, for the caller to skip and count', () => {
    expect(read(['a\n\nb\n'], ';', '\n').map((s) => [s.fields, s.line])).toEqual([
      [['a'], 1],
      [[''], 2],
      [['b'], 3],
    ]);
  });

  it('takes a CR LF in a file read as LF, and an LF after CR in a file read as CR, for the line end', () => {
    expect(read(['a;b\r\nc;d\n'], ';', '\n').map((s) => s.fields)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(read(['a;b\r\nc;d\r'], ';', '\r').map((s) => [s.fields, s.line])).toEqual([
      [['a', 'b'], 1],
      [['c', 'd'], 2],
    ]);
  });

  it('reports a quote never closed at its record, spanning the rest of the file', () => {
    const seen = read(['a;b\n1;"x\n2;3\n4;5\n'], ';', '\n');
    expect(seen[1]).toMatchObject({ line: 2, lines: 3, issue: RECORD_UNTERMINATED_QUOTE });
    expect(seen).toHaveLength(2);
  });

  it('reports a closing quote followed by text as malformed, the cell running on to the next closing quote', () => {
    expect(read(['a;b\n"x"y;2\n"z";3\n4;5\n'], ';', '\n')).toEqual([
      { fields: ['a', 'b'], line: 1, lines: 1, issue: RECORD_OK },
      { fields: ['x"y;2\n"z', '3'], line: 2, lines: 2, issue: RECORD_MALFORMED_QUOTE },
      { fields: ['4', '5'], line: 4, lines: 1, issue: RECORD_OK },
    ]);
  });

  it('skips a record longer than the limit, however it arrives, and goes on at the next line', () => {
    const long = 'x'.repeat(100);
    const text = `a;b\n1;"${long}\n${long}"\n2;3\n`;
    const expected = [
      { fields: ['a', 'b'], line: 1, lines: 1, issue: RECORD_OK },
      { fields: null, line: 2, lines: 2, issue: RECORD_TOO_LONG },
      { fields: ['2', '3'], line: 4, lines: 1, issue: RECORD_OK },
    ];
    expect(read([text], ';', '\n', 50)).toEqual(expected);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 20 }), (cuts) => {
        expect(read(cutAt(text, cuts), ';', '\n', 50)).toEqual(expected);
      }),
    );
  });

  it('reports a quote left open in a record beyond the limit as unterminated, with the lines it swallowed', () => {
    const text = `a;b\n1;"${'x'.repeat(100)}\n2;3\n4;5\n`;
    for (const pieces of [[text], cutAt(text, [10, 30, 70, 90, 110])]) {
      expect(read(pieces, ';', '\n', 50)).toEqual([
        { fields: ['a', 'b'], line: 1, lines: 1, issue: RECORD_OK },
        { fields: null, line: 2, lines: 3, issue: RECORD_UNTERMINATED_QUOTE },
      ]);
    }
  });

  it('counts lines through CR LF pairs split across pieces while skipping', () => {
    const text = `h\r\n${'y'.repeat(80)}\r\nz\r\n`;
    const seen = read(cutAt(text, [3, 60, 83, 84]), ';', '\r\n', 50);
    expect(seen.map((s) => [s.line, s.issue])).toEqual([
      [1, RECORD_OK],
      [2, RECORD_TOO_LONG],
      [3, RECORD_OK],
    ]);
  });

  it('tells where the n-th character of text about to be pushed lies', () => {
    const seen: number[] = [];
    const reader = new RecordReader(';', '\n', { record: (_f, line) => seen.push(line) });
    reader.push('a\nb\nc');
    expect(reader.lineOf('d\ne\nf', 4)).toBe(5);
    const crlf = new RecordReader(';', '\r\n', { record: () => undefined });
    crlf.push('a\r\nb\r');
    expect(crlf.lineOf('\nc', 2)).toBe(3);
  });
});
