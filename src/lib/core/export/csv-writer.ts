import type { NumberColumn } from '../metrics/types';
import { safeCell } from './safe-cell';

/** How a CSV file is spelled. Both dialects end records with CRLF, as RFC 4180 §2.1 asks. */
export interface CsvDialect {
  id: 'excel-nb' | 'rfc4180';
  delimiter: ';' | ',';
  decimal: ',' | '.';
  /** Start with the UTF-8 byte order mark (EF BB BF), which is how Excel recognises UTF-8. */
  bom: boolean;
}

/**
 * Excel with Norwegian regional settings: the list separator is ';' because ',' is the
 * decimal mark, and without a BOM Excel reads the file as Windows-1252 and breaks æ, ø, å.
 */
export const EXCEL_NORWEGIAN: CsvDialect = { id: 'excel-nb', delimiter: ';', decimal: ',', bom: true };
/** RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): ',' between fields, '.' in numbers, UTF-8 without BOM. */
export const RFC_4180: CsvDialect = { id: 'rfc4180', delimiter: ',', decimal: '.', bom: false };

export type CsvColumn =
  | {
      header: string;
      /** NaN and ±Infinity are written as an empty cell. */
      numbers: NumberColumn;
      /** Round to at most this many decimals (trailing zeros dropped); default: shortest exact form. */
      decimals?: number;
    }
  | {
      header: string;
      /** Free text, made safe against formula injection (safeCell) before quoting. */
      text: ArrayLike<string | null | undefined> | ((row: number) => string);
    };

const CRLF = '\r\n';
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * A CSV file as a sequence of UTF-8 byte chunks of about `rowsPerChunk` records each: the
 * header record, then one record per entry of `rows` (row indices, in list order). Hand the
 * chunks to a Blob or a stream and to Sha256 one at a time; the file never exists as one
 * string, which for 10^6 rows would be hundreds of megabytes of UTF-16.
 */
export function* csvChunks(
  columns: readonly CsvColumn[],
  rows: ArrayLike<number>,
  dialect: CsvDialect,
  rowsPerChunk = 10_000,
): Generator<Uint8Array, void, undefined> {
  if (dialect.bom) yield BOM.slice();
  yield* records(columns, rows, dialect, rowsPerChunk, headerRecord(columns, dialect));
}

/**
 * The start of a file whose rows arrive in batches (the CLI's second pass over its input):
 * the BOM when the dialect has one, and the header record. Follow it with csvRecords per
 * batch; together they are the bytes csvChunks writes for the same columns and rows.
 */
export function csvHeader(columns: readonly Pick<CsvColumn, 'header'>[], dialect: CsvDialect): Uint8Array {
  const header = new TextEncoder().encode(headerRecord(columns, dialect));
  if (!dialect.bom) return header;
  const out = new Uint8Array(BOM.length + header.length);
  out.set(BOM);
  out.set(header, BOM.length);
  return out;
}

/** The records of `rows` without BOM or header, in chunks as csvChunks writes them. */
export function csvRecords(
  columns: readonly CsvColumn[],
  rows: ArrayLike<number>,
  dialect: CsvDialect,
  rowsPerChunk = 10_000,
): Generator<Uint8Array, void, undefined> {
  return records(columns, rows, dialect, rowsPerChunk, '');
}

function headerRecord(columns: readonly Pick<CsvColumn, 'header'>[], dialect: CsvDialect): string {
  const sep = dialect.delimiter;
  return columns.map((c) => quote(safeCell(replaceControlCharacters(c.header)), sep)).join(sep) + CRLF;
}

function* records(
  columns: readonly CsvColumn[],
  rows: ArrayLike<number>,
  dialect: CsvDialect,
  rowsPerChunk: number,
  start: string,
): Generator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  const cells = columns.map((c) => cellWriter(c, dialect));
  const sep = dialect.delimiter;
  let text = start;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let line = '';
    for (let c = 0; c < cells.length; c++) line += (c === 0 ? '' : sep) + cells[c](r);
    text += line + CRLF;
    if ((i + 1) % rowsPerChunk === 0) {
      yield encoder.encode(text);
      text = '';
    }
  }
  if (text.length > 0) yield encoder.encode(text);
}

/** The whole file as one string, BOM included when the dialect has one; for small lists and tests. */
export function csvText(columns: readonly CsvColumn[], rows: ArrayLike<number>, dialect: CsvDialect): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  for (const chunk of csvChunks(columns, rows, dialect)) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

function cellWriter(column: CsvColumn, dialect: CsvDialect): (row: number) => string {
  const sep = dialect.delimiter;
  if ('numbers' in column) {
    const { numbers, decimals } = column;
    return (row) => formatNumber(numbers[row], decimals, dialect.decimal);
  }
  const { text } = column;
  const get = typeof text === 'function' ? text : (row: number) => text[row] ?? '';
  return (row) => quote(safeCell(replaceControlCharacters(get(row))), sep);
}

/** Plain digits with the dialect's decimal mark: no grouping, no exponent, "-0" written as "0". */
export function formatNumber(x: number, decimals: number | undefined, mark: ',' | '.'): string {
  if (!Number.isFinite(x)) return '';
  if (x === 0) return '0';
  let s = decimals === undefined ? String(x) : trimZeros(x.toFixed(decimals));
  if (s.includes('e')) s = Math.abs(x) < 1 ? trimZeros(x.toFixed(20)) : BigInt(Math.round(x)).toString();
  if (s === '-0') s = '0';
  return mark === '.' ? s : s.replace('.', ',');
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * C0 control characters but tab, LF and CR, and DEL. A spreadsheet shows them as nothing,
 * so a cell can hold what nobody sees; XML 1.0, which an .xlsx is written in, cannot hold
 * the C0 ones at all; and a NUL ends the text early in tools written in C. Tab, LF and CR
 * are ordinary text and quoting keeps them inside their field.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** True when `s` holds a character that the safe writer replaces with U+FFFD (see replaceControlCharacters). */
export function hasControlCharacters(s: string): boolean {
  return CONTROL_CHARACTER.test(s);
}

/** Each control character (CONTROL_CHARACTER) replaced by U+FFFD, one for one, so the cell shows that something was there. */
function replaceControlCharacters(s: string): string {
  return CONTROL_CHARACTER.test(s) ? s.replace(CONTROL_CHARACTERS, '\uFFFD') : s;
}

/** RFC 4180 §2.6–2.7: a field holding the delimiter, a quote, CR or LF is quoted, quotes doubled. */
export function quote(cell: string, sep: string): string {
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === sep || ch === '"' || ch === '\n' || ch === '\r') return `"${cell.replaceAll('"', '""')}"`;
  }
  return cell;
}
