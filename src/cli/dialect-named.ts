import { EXCEL_NORWEGIAN, RFC_4180, type CsvDialect } from '../lib/core/export/csv-writer';

/** A CSV dialect by the name the command line takes (--list-dialect, --output-dialect), or null for any other name. */
export function dialectNamed(name: string): CsvDialect | null {
  return name === EXCEL_NORWEGIAN.id ? EXCEL_NORWEGIAN : name === RFC_4180.id ? RFC_4180 : null;
}
