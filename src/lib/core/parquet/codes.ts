import { problem, type Problem, type Severity } from '../problems';

/**
 * Every problem code the Parquet intake and the batch check raise, with its severity and the
 * params its message uses. Cell problems of a Parquet file are the CSV intake's (csv.*, same
 * rules), with `line` the 1-based data row and `params.unit` 'row' so the sentence says "rad".
 */
export const PARQUET_PROBLEMS = {
  /** Not a Parquet file the reader can open (no footer, a cut-off file): no rows. */
  'parquet.unreadable': { severity: 'error', params: ['detail'] },
  /** A row group that could not be decoded: its rows are rejected, the others read. */
  'parquet.row_group_unreadable': { severity: 'error', params: ['group', 'first', 'last', 'detail'] },
  /** A column of a type the app cannot read as a number or text (nested, say): read as empty. */
  'parquet.column_unsupported': { severity: 'warning', params: ['type'] },
  /** fradragsrisiko.* metadata present but not of a format this app knows. */
  'parquet.batch_format_unknown': { severity: 'warning', params: ['format'] },
  /** The batch output of another model: scored here with the active model like a plain extract. */
  'parquet.other_model': { severity: 'warning', params: ['name', 'sha'] },
  /** The batch output of the active model but without the columns needed to take its scores. */
  'parquet.batch_columns_missing': { severity: 'warning', params: ['columns'] },
  /** The metadata's row count is not the file's: rows were added or lost after the run (the sample check still decides). */
  'parquet.batch_rows_differ': { severity: 'warning', params: ['said', 'rows'] },
  /** Scores (and explanations) taken from the file; a sample re-scored here, all matched. */
  'parquet.batch_checked': { severity: 'info', params: ['rows', 'checked', 'explained'] },
  /** The scores of an export came from a batch output (ScoresFrom): said in the validation report and the selection report. */
  'parquet.scores_from_batch': { severity: 'info', params: ['name', 'sha', 'checked', 'matched', 'contributions'] },
  /** Rows of the sample whose score, contributions or status differ: the whole file was re-scored. */
  'parquet.batch_mismatch': { severity: 'warning', params: ['list', 'count', 'checked'] },
} as const satisfies Record<string, { severity: Severity; params: readonly string[] }>;

export type ParquetProblemCode = keyof typeof PARQUET_PROBLEMS;

export const PARQUET_PROBLEM_CODES = Object.keys(PARQUET_PROBLEMS) as ParquetProblemCode[];

export function parquetProblem(code: ParquetProblemCode, where: Omit<Problem, 'code' | 'severity'> = {}): Problem {
  return problem(code, PARQUET_PROBLEMS[code].severity, where);
}
