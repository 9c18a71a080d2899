import { problem, type Problem, type Severity } from '../problems';

/**
 * Every problem code CSV intake can raise, with its severity and the params its message
 * uses (besides line, column and field, which every message may use). The message
 * catalogue (src/lib/i18n/messages/intake.ts) has a sentence for each as `problem.<code>`.
 *
 * Severity at row level is the row's fate: an 'error' rejects the row (status 2, its
 * features NaN), a 'warning' scores it and flags it (status 1).
 */
export const CSV_PROBLEMS = {
  // The file as a whole.
  'csv.empty_file': { severity: 'error', params: [] },
  'csv.binary_file': { severity: 'error', params: ['kind', 'format'] },
  'csv.not_text': { severity: 'error', params: [] },
  'csv.header_missing': { severity: 'error', params: [] },
  'csv.header_too_long': { severity: 'error', params: ['limit'] },
  'csv.too_many_columns': { severity: 'error', params: ['count', 'limit'] },
  'csv.no_rows': { severity: 'error', params: [] },
  'csv.missing_features': { severity: 'error', params: ['features', 'count'] },
  'csv.national_id_as_feature': { severity: 'error', params: ['feature'] },
  'csv.mapping_unknown_header': { severity: 'error', params: ['key', 'header'] },
  'csv.mapping_unknown_key': { severity: 'warning', params: ['key'] },
  'csv.feature_absent': { severity: 'warning', params: ['feature'] },
  'csv.duplicate_header': { severity: 'warning', params: ['first'] },
  'csv.ambiguous_mapping': { severity: 'warning', params: ['feature', 'columns'] },
  'csv.no_id_column': { severity: 'info', params: [] },
  'csv.national_id_column': { severity: 'info', params: [] },
  'csv.national_ids_found': { severity: 'warning', params: ['count'] },
  'csv.encoding_switched': { severity: 'info', params: [] },
  'csv.invalid_encoding': { severity: 'warning', params: ['encoding'] },
  'csv.mixed_decimal': { severity: 'warning', params: ['decimal', 'other', 'count'] },
  'csv.trailing_empty_fields': { severity: 'info', params: ['count'] },
  'csv.mixed_line_endings': { severity: 'info', params: ['endings'] },
  'csv.problems_truncated': { severity: 'info', params: ['shown', 'total'] },
  // One record.
  'csv.ragged_row': { severity: 'error', params: ['expected', 'found'] },
  'csv.malformed_quote': { severity: 'error', params: [] },
  'csv.unterminated_quote': { severity: 'error', params: ['lines'] },
  'csv.record_too_long': { severity: 'error', params: ['limit', 'lines'] },
  // One cell.
  'csv.not_a_number': { severity: 'error', params: ['value'] },
  'csv.wrong_unit': { severity: 'error', params: ['value'] },
  'csv.negative': { severity: 'error', params: ['value'] },
  'csv.not_binary': { severity: 'error', params: ['value'] },
  'csv.out_of_range': { severity: 'warning', params: ['value', 'min', 'max'] },
  'csv.not_integer': { severity: 'warning', params: ['value'] },
  'csv.unknown_category': { severity: 'warning', params: ['value'] },
  'csv.missing_value': { severity: 'warning', params: [] },
  'csv.missing_id': { severity: 'warning', params: [] },
  'csv.duplicate_id': { severity: 'warning', params: ['first'] },
  'csv.national_id_checksum': { severity: 'warning', params: [] },
  'csv.label_invalid': { severity: 'warning', params: ['value'] },
  'csv.control_characters': { severity: 'info', params: [] },
} as const satisfies Record<string, { severity: Severity; params: readonly string[] }>;

export type CsvProblemCode = keyof typeof CSV_PROBLEMS;

export const CSV_PROBLEM_CODES = Object.keys(CSV_PROBLEMS) as CsvProblemCode[];

/** A CSV problem with the severity its code always has. */
export function csvProblem(code: CsvProblemCode, where: Omit<Problem, 'code' | 'severity'> = {}): Problem {
  return problem(code, CSV_PROBLEMS[code].severity, where);
}
