/**
 * The knobs of CSV intake. Every 'auto' is resolved by `sniff` from the first
 * SNIFF_BYTES of the file and shown to the user, who may override it.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';
export type Newline = '\r\n' | '\n' | '\r';
export type Decimal = ',' | '.';

export interface IngestOptions {
  encoding?: 'auto' | Encoding;
  delimiter?: 'auto' | Delimiter;
  /** Forces every column's decimal convention; 'auto' decides per column from its values. */
  decimal?: 'auto' | Decimal;
  /**
   * Keys: a feature name from the model card, or 'id' / 'label'. Values: the header of
   * the column to use, or null for "no column" (allowed for nullable features, the id
   * and the label only). Read with Object.hasOwn, so header-like keys such as
   * '__proto__' are harmless.
   */
  mapping?: Record<string, string | null>;
}

/**
 * How many bytes `sniff` wants: pass the first SNIFF_BYTES of the file, or the whole
 * file when it is shorter. A sample shorter than this is taken to be the whole file
 * (its last line is complete); a sample of this size or more is taken to be cut.
 */
export const SNIFF_BYTES = 65536;

/**
 * A record (one row, quoted line breaks included) longer than this many characters is
 * rejected and skipped instead of parsed: real rows are a few hundred characters, and
 * without a bound an unterminated quote would make the parser hold and re-scan the
 * rest of the file for every chunk.
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** A header with more columns than this blocks scoring: no extract of tax returns is that wide. */
export const MAX_COLUMNS = 10_000;

/**
 * Row problems kept in full detail; beyond this only counts per code are kept, so a
 * file where every one of a million rows warns does not cost a million objects.
 */
export const MAX_ROW_PROBLEMS = 100_000;

/** Characters of a cell quoted in a problem. */
export const EXCERPT_CHARS = 40;

/** Data rows the preview in a SniffResult holds. */
export const PREVIEW_ROWS = 20;
