import { detectEncoding, type BinaryKind } from '../csv/detectEncoding';
import { detectDelimiter, detectNewline, sepLine } from '../csv/detectDialect';
import { StreamDecoder } from '../csv/StreamDecoder';
import { RecordReader } from '../csv/RecordReader';
import type { Delimiter } from '../csv/options';

/** A small CSV file (a list, an outcomes file) as records of text, each with the line it starts on. */
export interface TextTable {
  header: string[];
  /** Data records in file order, blank lines left out. */
  rows: string[][];
  /** 1-based physical line each data record starts on. */
  lines: number[];
  delimiter: Delimiter;
}

/**
 * Reads a whole small CSV file with the intake's pieces: encoding from the bytes
 * (detectEncoding: BOM, UTF-16, UTF-8, else windows-1252), Excel's `sep=` line, the delimiter
 * and line ending sniffed (detectDialect), records by papaparse through RecordReader, which
 * counts physical lines. Lists and outcomes files hold thousands of rows, not millions, so the
 * file is read in one piece. A known binary format (a spreadsheet saved as .xlsx, an image)
 * gives its kind instead.
 */
export function readTable(bytes: Uint8Array): TextTable | { binary: BinaryKind } | { empty: true } {
  const guess = detectEncoding(bytes, false);
  if (guess.binary) return { binary: guess.binary };
  const text = new StreamDecoder(guess.encoding, guess.asciiOnly).decode(bytes.subarray(guess.bom), true);
  const sep = sepLine(text);
  const body = sep ? text.slice(sep.length) : text;
  const newline = detectNewline(body.slice(0, 65536));
  const delimiter = sep?.delimiter ?? detectDelimiter(body.slice(0, 65536), newline, body.length > 65536);
  const records: string[][] = [];
  const lines: number[] = [];
  const offset = sep ? 1 : 0;
  const reader = new RecordReader(delimiter, {
    record(fields, line) {
      if (!fields || (fields.length === 1 && fields[0].trim() === '')) return;
      records.push(fields);
      lines.push(line + offset);
    },
  });
  reader.push(body);
  reader.finish();
  if (records.length === 0) return { empty: true };
  return { header: records[0].map((h) => h.trim()), rows: records.slice(1), lines: lines.slice(1), delimiter };
}
