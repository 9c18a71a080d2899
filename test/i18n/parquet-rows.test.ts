import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/lib/i18n/describe-problem';
import { csvProblem, type CsvProblemCode } from '../../src/lib/core/csv/codes';
import { LOCALES } from '../../src/lib/i18n/locale';
import { PARQUET_PROBLEMS, PARQUET_PROBLEM_CODES, parquetProblem } from '../../src/lib/core/parquet/codes';
import { parquet } from '../../src/lib/i18n/messages/parquet';

/** The cell problems a Parquet row can have (RowCoercer's, for a row read from cells). */
const CELL_CODES: CsvProblemCode[] = [
  'csv.not_a_number', 'csv.wrong_unit', 'csv.negative', 'csv.not_binary', 'csv.out_of_range', 'csv.not_integer', 'csv.unknown_category',
  'csv.missing_value', 'csv.missing_id', 'csv.duplicate_id', 'csv.national_id_checksum', 'csv.label_invalid', 'csv.control_characters',
];
const ROW = { nb: 'Rad 6, kolonne 4 (alder)', nn: 'Rad 6, kolonne 4 (alder)', en: 'Row 6, column 4 (alder)' } as const;
const LINE = { nb: 'Linje 6, kolonne 4 (alder)', nn: 'Linje 6, kolonne 4 (alder)', en: 'Line 6, column 4 (alder)' } as const;

describe('a Parquet row’s problems', () => {
  it('say "rad"/"row" where a CSV’s say "linje"/"line", in every language', () => {
    for (const locale of LOCALES) {
      for (const code of CELL_CODES) {
        const where = { line: 6, column: 4, field: 'alder', params: { value: 'x', min: 0, max: 1, first: 2, encoding: 'utf-8' } };
        const csv = describeProblem(locale, csvProblem(code, where));
        const parquet = describeProblem(locale, csvProblem(code, { ...where, params: { ...where.params, unit: 'row' } }));
        expect(csv.startsWith(LINE[locale]), `${locale} ${code}: ${csv}`).toBe(true);
        if (code === 'csv.duplicate_id') continue;
        expect(parquet, `${locale} ${code}`).toBe(ROW[locale] + csv.slice(LINE[locale].length));
      }
    }
  });

  it('name the duplicate id’s first row a row too', () => {
    const where = { line: 6, column: 1, field: 'id', params: { first: 2, unit: 'row' } };
    const said = Object.fromEntries(LOCALES.map((locale) => [locale, describeProblem(locale, csvProblem('csv.duplicate_id', where))]));
    expect(said).toEqual({
      nb: 'Rad 6, kolonne 1 (id): samme id som på rad 2.',
      nn: 'Rad 6, kolonne 1 (id): same id som på rad 2.',
      en: 'Row 6, column 1 (id): the same id as on row 2.',
    });
    // The CSV's sentence is unchanged.
    expect(describeProblem('en', csvProblem('csv.duplicate_id', { ...where, params: { first: 2 } }))).toBe('Line 6, column 1 (id): the same id as on line 2.');
  });
});

describe('Parquet messages', () => {
  it('have a sentence for every code in every language, using only the placeholders it fills', () => {
    const vocabulary = new Set(['row_1', 'row_n', 'row_def', 'Row_1', 'Row_n', 'Row_def']);
    for (const code of PARQUET_PROBLEM_CODES) {
      const allowed = new Set<string>(['line', 'column', 'field', ...PARQUET_PROBLEMS[code].params]);
      for (const locale of LOCALES) {
        const text = (parquet[locale] as Record<string, string>)[`problem.${code}`];
        expect(text, `${locale} ${code}`).toBeTruthy();
        for (const [, name] of text.matchAll(/\{(\w+)\}/g)) expect(allowed.has(name) || vocabulary.has(name), `${locale} ${code} {${name}}`).toBe(true);
      }
    }
  });

  it('name the unreadable row group and its rows', () => {
    const p = parquetProblem('parquet.row_group_unreadable', { params: { group: 2, first: 65537, last: 131072, detail: 'thrift unhandled type: 15' } });
    expect(describeProblem('nb', p)).toBe('Radgruppe 2 (rad 65\u00a0537–131\u00a0072) kan ikke leses (thrift unhandled type: 15). De radene er avvist; resten av fila er lest.');
  });
});
