import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixtureCard } from '../../../../test/csv/helpers';
import { ingestAll } from '../csv/ingest';
import type { Problem } from '../problems';
import { RFC_4180 } from './csv-writer';
import { reportEntries, validationReportChunks, type ReportSource, type ReportText } from './validation-report';

interface Expected {
  rows: number;
  status?: number[];
  problems?: { code: string; line: number }[];
  rowProblems?: { code: string; line: number; column?: number; field?: string }[];
}
const expected = JSON.parse(readFileSync('test/fixtures/csv/hostile/expected.json', 'utf8')) as Record<string, Expected>;
const card = fixtureCard();
const hostile = (name: string) => ingestAll(new Uint8Array(readFileSync(`test/fixtures/csv/hostile/${name}`)), card);

const text: ReportText = {
  headers: { line: 'linje', id: 'id', status: 'status', code: 'kode', message: 'melding', column: 'kolonne', field: 'kolonnenavn' },
  status: { scored: 'scoret', warned: 'advarsel', rejected: 'avvist', file: 'fil' },
  undetailed: 'se filen',
  describe: (p: Problem) => `sentence ${p.code} at ${p.line}`,
};

/** The report read back by papaparse, an independent reader: header row, then records. */
function readBack(source: ReportSource, t: ReportText = text): string[][] {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let csv = '';
  for (const chunk of validationReportChunks(source, t, RFC_4180)) csv += decoder.decode(chunk, { stream: true });
  csv += decoder.decode();
  return Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
}

function empty(rows: number, status: number[]): ReportSource {
  return {
    rows,
    status: Uint8Array.from(status),
    line: Uint32Array.from(status, (_, i) => i + 2),
    ids: status.map((_, i) => `id${i}`),
    problems: [],
    rowProblems: { row: new Uint32Array(0), problems: [] },
  };
}

describe('validationReportChunks', () => {
  it('lists each bad cell of the hostile file at the line and column the Python fixture writer recorded', () => {
    const want = expected['bad-cells.csv'];
    const [header, ...records] = readBack(hostile('bad-cells.csv'));
    expect(header).toEqual(['linje', 'id', 'status', 'kode', 'melding', 'kolonne', 'kolonnenavn']);
    const rowRecords = records.filter((r) => r[2] !== 'fil');
    expect(rowRecords.map((r) => [Number(r[0]), r[3], Number(r[5]), r[6]])).toEqual(
      want.rowProblems!.map((p) => [p.line, p.code, p.column, p.field]),
    );
  });

  it('gives each row line the status Python expects for that line', () => {
    const want = expected['bad-cells.csv'];
    const words = ['scoret', 'advarsel', 'avvist'];
    const records = readBack(hostile('bad-cells.csv')).slice(1).filter((r) => r[2] !== 'fil');
    for (const r of records) {
      // Data starts on line 2, so line L is row L - 2.
      expect(r[2], `line ${r[0]}`).toBe(words[want.status![Number(r[0]) - 2]]);
    }
  });

  it('writes the sentence from the caller for each problem', () => {
    const records = readBack(hostile('bad-cells.csv')).slice(1);
    for (const r of records) expect(r[4]).toBe(`sentence ${r[3]} at ${r[0]}`);
  });

  it('lists every row of a blocked file, though no row has a problem of its own, after the problem that blocked it', () => {
    const result = hostile('missing-features.csv');
    const records = readBack(result).slice(1);
    expect(records[0].slice(0, 4)).toEqual(['1', '', 'fil', 'csv.missing_features']);
    const rows = records.filter((r) => r[2] !== 'fil');
    expect(rows).toHaveLength(expected['missing-features.csv'].rows);
    expect(rows[0].slice(2, 5)).toEqual(['avvist', '', 'se filen']);
  });

  it('lists a row once per problem and skips rows that scored cleanly', () => {
    const source = empty(3, [0, 1, 2]);
    const p = (code: string, line: number): Problem => ({ code, severity: 'warning', line });
    source.rowProblems = { row: Uint32Array.of(1, 1, 2), problems: [p('a', 3), p('b', 3), p('c', 4)] };
    const records = readBack(source).slice(1);
    expect(records.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['3', 'id1', 'advarsel', 'a'],
      ['3', 'id1', 'advarsel', 'b'],
      ['4', 'id2', 'avvist', 'c'],
    ]);
  });

  it('shows ids through the caller, so national ids can be masked', () => {
    const records = readBack(empty(1, [2]), { ...text, id: (id) => `*${id.slice(-1)}` }).slice(1);
    expect(records[0][1]).toBe('*0');
  });

  it('neutralises a formula in an id', () => {
    const source = empty(1, [2]);
    source.ids = ['=HYPERLINK("x")'];
    expect(readBack(source)[1][1]).toBe(`'=HYPERLINK("x")`);
  });

  it('is only the header for an empty intake and for one clean row', () => {
    expect(readBack(empty(0, []))).toHaveLength(1);
    expect(readBack(empty(1, [0]))).toHaveLength(1);
  });

  it('leaves the line and column empty for a file problem that has none', () => {
    const source = empty(0, []);
    source.problems = [{ code: 'model.x', severity: 'error' }];
    expect(readBack(source)[1].slice(0, 6)).toEqual(['', '', 'fil', 'model.x', 'sentence model.x at undefined', '']);
  });
});

describe('reportEntries', () => {
  it('holds as many entries as report lines without a header', () => {
    const result = hostile('bad-cells.csv');
    expect(reportEntries(result).kind.length).toBe(readBack(result).length - 1);
  });
});
