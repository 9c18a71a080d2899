import type { IngestResult } from '../csv/ingest';
import { STATUS_SCORED } from '../csv/row-status';
import type { Problem } from '../problems';
import { csvChunks, EXCEL_NORWEGIAN, type CsvColumn, type CsvDialect } from './csv-writer';

/** What the report needs of an intake: statuses, lines, ids and problems, all columnar. */
export type ReportSource = Pick<IngestResult, 'rows' | 'status' | 'line' | 'ids' | 'problems' | 'rowProblems'>;

/** The words of the report in the reader's language; the problem codes stay as they are. */
export interface ReportText {
  headers: { line: string; id: string; status: string; code: string; message: string; column: string; field: string };
  /** A word for each row status (STATUS_SCORED, STATUS_WARNED, STATUS_REJECTED), and one for a problem with the whole file. */
  status: { scored: string; warned: string; rejected: string; file: string };
  /**
   * The sentence for a warned or rejected row whose own problems were not kept: beyond
   * MAX_ROW_PROBLEMS, or every row of a file whose header blocked scoring. Such rows are
   * still listed, so no row with a status other than scored is missing from the report.
   */
  undetailed: string;
  describe: (p: Problem) => string;
  /** How an id is shown: a masked national id, say. Default: as written. */
  id?: (id: string) => string;
}

const KIND_FILE = 0;
const KIND_PROBLEM = 1;
const KIND_ROW = 2;

/**
 * The lines of the report in order, as two parallel columns: `kind` (file problem, row
 * problem, row without detail) and `ref` (index into problems, rowProblems or rows).
 * File problems come first, then each warned or rejected row in file order with all its
 * problems. Typed arrays, so a million warned rows cost 5 MB, not a million objects.
 */
export function reportEntries(source: ReportSource): { kind: Uint8Array; ref: Uint32Array } {
  const { status, rowProblems, problems } = source;
  const byRow = rowProblems.row;
  let flagged = 0;
  for (let r = 0; r < source.rows; r++) if (status[r] !== STATUS_SCORED) flagged++;
  // Upper bound: every problem, plus every flagged row that has none, plus file problems.
  const size = problems.length + byRow.length + flagged;
  const kind = new Uint8Array(size);
  const ref = new Uint32Array(size);
  let n = 0;
  for (let i = 0; i < problems.length; i++) {
    kind[n] = KIND_FILE;
    ref[n++] = i;
  }
  let k = 0;
  for (let r = 0; r < source.rows; r++) {
    const from = k;
    while (k < byRow.length && byRow[k] === r) {
      kind[n] = KIND_PROBLEM;
      ref[n++] = k++;
    }
    if (k === from && status[r] !== STATUS_SCORED) {
      kind[n] = KIND_ROW;
      ref[n++] = r;
    }
  }
  return { kind: kind.subarray(0, n), ref: ref.subarray(0, n) };
}

/**
 * The validation report as CSV byte chunks (Excel with Norwegian settings by default):
 * one line per problem of the file and per problem of each row, and one line for each
 * warned or rejected row that has no problem of its own on record. Columns: the 1-based
 * physical line in the input file, the id (through text.id), the row's status, the
 * stable problem code, the sentence, the 1-based column and its header. Cells pass
 * through safeCell, since ids and headers come from an untrusted file.
 */
export function* validationReportChunks(source: ReportSource, text: ReportText, dialect: CsvDialect = EXCEL_NORWEGIAN): Generator<Uint8Array, void, undefined> {
  const { kind, ref } = reportEntries(source);
  const { problems, rowProblems, status, line, ids } = source;
  const showId = text.id ?? ((id: string) => id);
  const statusWord = [text.status.scored, text.status.warned, text.status.rejected]; // by row status
  const problemOf = (e: number): Problem | null => (kind[e] === KIND_FILE ? problems[ref[e]] : kind[e] === KIND_PROBLEM ? rowProblems.problems[ref[e]] : null);
  const rowOf = (e: number): number => (kind[e] === KIND_PROBLEM ? rowProblems.row[ref[e]] : kind[e] === KIND_ROW ? ref[e] : -1);

  const lineNumbers = new Float64Array(kind.length);
  const columnNumbers = new Float64Array(kind.length);
  for (let e = 0; e < kind.length; e++) {
    const p = problemOf(e);
    const r = rowOf(e);
    lineNumbers[e] = p?.line ?? (r >= 0 ? line[r] : NaN);
    columnNumbers[e] = p?.column ?? NaN;
  }
  const columns: CsvColumn[] = [
    { header: text.headers.line, numbers: lineNumbers },
    { header: text.headers.id, text: (e) => (rowOf(e) >= 0 ? showId(ids[rowOf(e)]) : '') },
    { header: text.headers.status, text: (e) => (rowOf(e) >= 0 ? statusWord[status[rowOf(e)]] : text.status.file) },
    { header: text.headers.code, text: (e) => problemOf(e)?.code ?? '' },
    {
      header: text.headers.message,
      text: (e) => {
        const p = problemOf(e);
        return p ? text.describe(p) : text.undetailed;
      },
    },
    { header: text.headers.column, numbers: columnNumbers },
    { header: text.headers.field, text: (e) => problemOf(e)?.field ?? '' },
  ];
  const order = new Uint32Array(kind.length);
  for (let e = 0; e < order.length; e++) order[e] = e;
  yield* csvChunks(columns, order, dialect);
}
