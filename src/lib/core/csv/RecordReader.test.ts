import fc from 'fast-check';
import Papa from 'papaparse';
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

function read(pieces: string[], delimiter: Delimiter, maxChars?: number): Seen[] {
  const seen: Seen[] = [];
  const reader = new RecordReader(delimiter, { record: (fields, line, lines, issue) => seen.push({ fields, line, lines, issue }) }, maxChars);
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

/** An empty last line without a break is no record. */
function fair(records: string[][], _newline: Newline, finalBreak: boolean): boolean {
  if (records.length === 0) return false;
  const last = records[records.length - 1];
  return finalBreak || !(last.length === 1 && last[0] === '');
}

describe('RecordReader', () => {
  it('reads back what an RFC 4180 writer wrote, with the physical line of each record', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), dialect, (records, d) => {
        fc.pre(fair(records, d.newline, d.finalBreak));
        const { text, lines } = write(records, d.delimiter, d.newline, d.finalBreak);
        const seen = read([text], d.delimiter);
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
        expect(read(cutAt(text, cuts), d.delimiter)).toEqual(read([text], d.delimiter));
      }),
      { numRuns: 500 },
    );
  });

  it('reads as many records from rows ended by a random mix of CR, LF and CR LF as papaparse reads from the same rows ended alike', () => {
    const breaks = fc.constantFrom('\r\n', '\n', '\r');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), breaks), { minLength: 1, maxLength: 10 }),
        fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
        fc.array(fc.nat(), { maxLength: 12 }),
        (rows, delimiter, cuts) => {
          // Quoted cells hold line breaks of every kind too; only the breaks between rows differ.
          const records = rows.map(([r]) => r);
          fc.pre(fair(records, '\n', true));
          const cellText = (f: string) => (/["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f);
          const lines = rows.map(([r, nl]) => r.map(cellText).join(delimiter) + nl);
          // A lone CR ending a row before an empty row ended by LF is a CR LF: no reader can tell them apart.
          fc.pre(lines.every((l, i) => !(l.endsWith('\r') && lines[i + 1]?.startsWith('\n'))));
          const mixed = lines.join('');
          const uniform = records.map((r) => r.map(cellText).join(delimiter) + '\n').join('');
          const papa = Papa.parse<string[]>(uniform, { delimiter, newline: '\n', quoteChar: '"' }).data;
          if (papa.length > 0 && papa[papa.length - 1].length === 1 && papa[papa.length - 1][0] === '') papa.pop();
          const seen = read(cutAt(mixed, cuts), delimiter);
          expect(seen.length).toBe(papa.length);
          expect(seen.map((s) => s.fields)).toEqual(papa);
          expect(seen.every((s) => s.issue === RECORD_OK)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads nothing from nothing', () => {
    expect(read([''], ';')).toEqual([]);
    expect(read([], ';')).toEqual([]);
  });

  it('reads one record without a line break', () => {
    expect(read(['a;b'], ';')).toEqual([{ fields: ['a', 'b'], line: 1, lines: 1, issue: RECORD_OK }]);
  });

  it('reads an empty line as one empty field, for the caller to skip and count', () => {
    expect(read(['a\n\nb\n'], ';').map((s) => [s.fields, s.line])).toEqual([
      [['a'], 1],
      [[''], 2],
      [['b'], 3],
    ]);
  });

  it('ends a row at CR LF, LF and a lone CR alike, however they are mixed', () => {
    expect(read(['a;b\r\nc;d\n'], ';').map((s) => s.fields)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(read(['a;b\r\nc;d\r'], ';').map((s) => [s.fields, s.line])).toEqual([
      [['a', 'b'], 1],
      [['c', 'd'], 2],
    ]);
    expect(read(['h;i\r\n1;2\r3;4\n5;6\r\n7;8\r'], ';').map((s) => [s.fields, s.line])).toEqual([
      [['h', 'i'], 1],
      [['1', '2'], 2],
      [['3', '4'], 3],
      [['5', '6'], 4],
      [['7', '8'], 5],
    ]);
  });

  it('keeps line breaks inside quotes as they are, and ends rows after quoted cells at any break', () => {
    expect(read(['a;"x\r\ny"\r1;"p\rq"\n2;3'], ';').map((s) => [s.fields, s.line, s.lines])).toEqual([
      [['a', 'x\r\ny'], 1, 2],
      [['1', 'p\rq'], 3, 2],
      [['2', '3'], 5, 1],
    ]);
  });

  it('takes a quote inside an unquoted cell as text, so it opens nothing', () => {
    expect(read(['a;5" pipe\r1;2\r3;"4"'], ';').map((s) => s.fields)).toEqual([['a', '5" pipe'], ['1', '2'], ['3', '4']]);
  });

  it('names the line where a second kind of line ending first ends a line', () => {
    const reader = new RecordReader(';', { record: () => undefined });
    for (const piece of cutAt('h;i\r\n1;2\r\n3;4\n5;6\r7;8', [6, 9])) reader.push(piece);
    reader.finish();
    expect([reader.lineEndings, reader.mixedLine]).toEqual([['\r\n', '\n'], 3]);
  });

  it('reports a quote never closed at its record, spanning the rest of the file', () => {
    const seen = read(['a;b\n1;"x\n2;3\n4;5\n'], ';');
    expect(seen[1]).toMatchObject({ line: 2, lines: 3, issue: RECORD_UNTERMINATED_QUOTE });
    expect(seen).toHaveLength(2);
  });

  it('reports a closing quote followed by text as malformed, the cell running on to the next closing quote', () => {
    expect(read(['a;b\n"x"y;2\n"z";3\n4;5\n'], ';')).toEqual([
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
    expect(read([text], ';', 50)).toEqual(expected);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 20 }), (cuts) => {
        expect(read(cutAt(text, cuts), ';', 50)).toEqual(expected);
      }),
    );
  });

  it('reports a quote left open in a record beyond the limit as unterminated, with the lines it swallowed', () => {
    const text = `a;b\n1;"${'x'.repeat(100)}\n2;3\n4;5\n`;
    for (const pieces of [[text], cutAt(text, [10, 30, 70, 90, 110])]) {
      expect(read(pieces, ';', 50)).toEqual([
        { fields: ['a', 'b'], line: 1, lines: 1, issue: RECORD_OK },
        { fields: null, line: 2, lines: 3, issue: RECORD_UNTERMINATED_QUOTE },
      ]);
    }
  });

  it('counts lines through CR LF pairs split across pieces while skipping', () => {
    const text = `h\r\n${'y'.repeat(80)}\r\nz\r\n`;
    const seen = read(cutAt(text, [3, 60, 83, 84]), ';', 50);
    expect(seen.map((s) => [s.line, s.issue])).toEqual([
      [1, RECORD_OK],
      [2, RECORD_TOO_LONG],
      [3, RECORD_OK],
    ]);
  });

  it('tells where the n-th character of text about to be pushed lies', () => {
    const seen: number[] = [];
    const reader = new RecordReader(';', { record: (_f, line) => seen.push(line) });
    reader.push('a\nb\nc');
    expect(reader.lineOf('d\ne\nf', 4)).toBe(5);
    const crlf = new RecordReader(';', { record: () => undefined });
    crlf.push('a\r\nb\r');
    expect(crlf.lineOf('\nc', 2)).toBe(3);
  });
});
