/** CSV intake: bytes of a Norwegian extract → columnar features, row status and problems. */
export { Ingest, ingestAll, type IngestResult, type RowBlock } from './ingest';
export { sniff, type SniffResult } from './sniff';
export type { ColumnPlan, ColumnRole, IdKind, MatchKind, Plan } from './buildPlan';
export { CSV_PROBLEMS, CSV_PROBLEM_CODES, type CsvProblemCode } from './codes';
export { STATUS_REJECTED, STATUS_SCORED, STATUS_WARNED, STATUS_NAMES, type RowStatus } from './row-status';
export {
  MAX_COLUMNS,
  MAX_RECORD_CHARS,
  MAX_ROW_PROBLEMS,
  SNIFF_BYTES,
  type Decimal,
  type Delimiter,
  type Encoding,
  type IngestOptions,
  type Newline,
} from './options';
export { looksLikeNationalId, nationalIdChecksumOk } from './nationalId';
