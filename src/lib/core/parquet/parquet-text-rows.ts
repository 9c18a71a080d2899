import type { AsyncBuffer } from 'hyparquet';
import { float32Text } from '../export/float32-text';
import { readGroup, text, type OpenedParquet } from './read-parquet';

/**
 * A Parquet file's input columns (`header`, the plan's) as the text a CSV would hold, row by row
 * in file order, one row group in memory at a time: for the CLI's scored output, whose contract
 * is the input's columns followed by its own. Null is an empty cell; a number is written in its
 * shortest form — a DOUBLE (and an integer, a DECIMAL) as JavaScript's shortest round-trip text
 * (ECMA-262 Number::toString), a FLOAT as the shortest text of the float32 (float32Text), not the
 * 17 digits of its widened double; a BOOLEAN as true / false, a date as ISO 8601 (read-parquet.ts
 * `text`). A column hyparquet cannot read (a nested one) and the rows of a row group it cannot
 * decode are empty cells: every row is still written, `line` its 1-based row number, as in
 * `IngestResult.line`.
 */
export async function* parquetTextRows(file: AsyncBuffer, opened: OpenedParquet, header: readonly string[]): AsyncGenerator<{ line: number; fields: string[] }> {
  const byName = new Map(opened.columns.map((c) => [c.name, c]));
  const readable = header.filter((name) => byName.get(name) !== undefined && byName.get(name)!.kind !== 'unsupported');
  const float32 = header.map((name) => byName.get(name)?.type.split(' ')[0] === 'FLOAT');
  let start = 0;
  for (const count of opened.groups) {
    let data = new Map<string, ArrayLike<unknown>>();
    if (opened.metadata && readable.length > 0) {
      try {
        data = await readGroup(file, opened.metadata, readable, start, count);
      } catch {
        // The intake rejected these rows and said why (parquet.row_group_unreadable); their cells stay empty here.
      }
    }
    const columns = header.map((name) => data.get(name) ?? null);
    for (let r = 0; r < count; r++) {
      const fields = columns.map((values, j) => cellText(values ? values[r] : null, float32[j]));
      yield { line: start + r + 1, fields };
    }
    start += count;
  }
}

function cellText(v: unknown, float32: boolean): string {
  if (typeof v === 'number') return float32 ? float32Text(v) : Number.isNaN(v) ? '' : String(v);
  if (typeof v === 'bigint') return String(v);
  return text(v);
}
