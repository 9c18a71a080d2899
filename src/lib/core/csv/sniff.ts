import type { ModelCard } from '../model/card';
import type { Problem } from '../problems';
import { buildPlan, emptyPlan, type Dialect, type Plan } from './buildPlan';
import { csvProblem } from './codes';
import { BINARY_FORMAT_NAMES, detectEncoding, type EncodingSource } from './detectEncoding';
import { detectDelimiter, detectNewline, sepLine } from './detectDialect';
import { MAX_COLUMNS, PREVIEW_ROWS, SNIFF_BYTES, type IngestOptions, type Newline } from './options';
import { profileColumns } from './profileColumns';
import { RECORD_UNTERMINATED_QUOTE, RecordReader } from './RecordReader';

export interface SniffResult {
  plan: Plan;
  encodingSource: EncodingSource;
  /** The file starts with a byte-order mark. */
  bom: boolean;
  delimiterSource: 'detected' | 'option' | 'sep-line';
  /** Kinds of line break outside quotes in the sample, in the order first seen; more than one: mixed. */
  lineEndings: Newline[];
  /** 1-based line of an Excel `sep=` line, or 0. */
  sepLine: number;
  /** The first data rows of the sample as text, for the preview dialog (mask plan.columns[j].nationalId). */
  preview: string[][];
  /** File-level problems; any error blocks scoring (plan.blocked). */
  problems: Problem[];
  /** UTF-8 chosen only because the sample is ASCII; intake may still switch to windows-1252. */
  asciiOnly: boolean;
  /** The sample is the start of a longer file. */
  truncated: boolean;
}

/**
 * Control characters (other than tab, LF, CR) per character above which the sample is
 * taken as binary: text exports hold none, while random bytes decoded as windows-1252
 * give about one in eight.
 */
const MAX_CONTROL_SHARE = 0.01;

/** The file-level note that a file mixes line endings, each of which ends a row. */
export function mixedLineEndings(reader: RecordReader): Problem {
  const names = reader.lineEndings.map((n) => (n === '\r\n' ? 'CRLF' : n === '\n' ? 'LF' : 'CR')).join(', ');
  return csvProblem('csv.mixed_line_endings', { line: reader.mixedLine, params: { endings: names } });
}

function controlShare(text: string): number {
  const n = Math.min(text.length, 16384);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

/**
 * Reads the first SNIFF_BYTES of a file (or all of it, if shorter) and decides how to
 * read the rest: encoding, delimiter, line ending, header, each column's decimal
 * convention and role, and the problems that block scoring. Options override any guess.
 */
export function sniff(sample: Uint8Array, card: ModelCard, options: IngestOptions = {}): SniffResult {
  const truncated = sample.length >= SNIFF_BYTES;
  const guess = detectEncoding(sample, truncated, options.encoding ?? 'auto');
  const base = {
    encodingSource: guess.source,
    bom: guess.bom > 0,
    delimiterSource: 'detected' as SniffResult['delimiterSource'],
    lineEndings: [] as Newline[],
    sepLine: 0,
    preview: [] as string[][],
    asciiOnly: guess.asciiOnly,
    truncated,
  };
  const fallback: Dialect = { encoding: guess.encoding, delimiter: ';', newline: '\r\n' };
  const fail = (p: Problem, dialect = fallback): SniffResult => ({
    ...base,
    plan: emptyPlan(dialect, card.features.length),
    problems: [p],
  });

  if (sample.length === 0) return fail(csvProblem('csv.empty_file', { line: 1 }));
  if (guess.binary) {
    return fail(csvProblem('csv.binary_file', { line: 1, params: { kind: guess.binary, format: BINARY_FORMAT_NAMES[guess.binary] } }));
  }
  const text = new TextDecoder(guess.encoding).decode(sample, { stream: truncated });
  if (controlShare(text) > MAX_CONTROL_SHARE) return fail(csvProblem('csv.not_text', { line: 1 }));

  const sep = sepLine(text);
  const body = sep ? text.slice(sep.length) : text;
  const newline = detectNewline(body);
  // Field counts only: quoted line breaks turning into LF changes no count.
  let delimiter = sep?.delimiter ?? detectDelimiter(body.replace(/\r\n?/g, '\n'), '\n', truncated);
  if (options.delimiter && options.delimiter !== 'auto') delimiter = options.delimiter;
  const dialect: Dialect = { encoding: guess.encoding, delimiter, newline };
  base.delimiterSource = options.delimiter && options.delimiter !== 'auto' ? 'option' : sep ? 'sep-line' : 'detected';
  base.sepLine = sep ? 1 : 0;

  let header: string[] | null = null;
  let headerLine = 0;
  let headerIssue = 0;
  let headerLines = 1;
  const rows: string[][] = [];
  const reader = new RecordReader(delimiter, {
    record(fields, line, lines, issue) {
      if (!fields) return;
      if (header === null) {
        if (fields.length === 1 && fields[0].trim() === '') return;
        [header, headerLine, headerIssue, headerLines] = [fields, line, issue, lines];
      } else if (!fields.every((f) => f.trim() === '')) rows.push(fields);
    },
  });
  reader.line = sep ? 2 : 1;
  reader.push(body);
  if (!truncated) reader.finish();

  if (header === null) {
    if (!truncated) return fail(csvProblem('csv.empty_file', { line: 1 }), dialect);
    const count = body.split(delimiter).length;
    if (count > MAX_COLUMNS) return fail(csvProblem('csv.too_many_columns', { line: reader.line, params: { count, limit: MAX_COLUMNS } }), dialect);
    return fail(csvProblem('csv.header_too_long', { line: reader.line, params: { limit: SNIFF_BYTES } }), dialect);
  }
  const head = header as string[];
  if (headerIssue === RECORD_UNTERMINATED_QUOTE) {
    return fail(csvProblem('csv.unterminated_quote', { line: headerLine, column: head.length, params: { lines: headerLines } }), dialect);
  }
  if (head.length > MAX_COLUMNS) {
    return fail(csvProblem('csv.too_many_columns', { line: headerLine, params: { count: head.length, limit: MAX_COLUMNS } }), dialect);
  }

  const profiles = profileColumns(head.length, rows);
  const { plan, problems } = buildPlan(head, headerLine, dialect, profiles, card, options);
  base.lineEndings = [...reader.lineEndings];
  if (reader.mixedLine > 0) problems.push(mixedLineEndings(reader));
  if (rows.length === 0 && !truncated) {
    problems.push(csvProblem('csv.no_rows', { line: headerLine }));
    plan.blocked = true;
  }
  return { ...base, plan, problems, preview: rows.slice(0, PREVIEW_ROWS) };
}
