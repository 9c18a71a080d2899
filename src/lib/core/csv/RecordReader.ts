import Papa from 'papaparse';
import { countLineBreaks } from './countLineBreaks';
import { LineEndNormalizer } from './LineEndNormalizer';
import { MAX_RECORD_CHARS, type Delimiter, type Newline } from './options';

export const RECORD_OK = 0;
/** A quoted cell whose closing quote is followed by something other than a delimiter or line end. */
export const RECORD_MALFORMED_QUOTE = 1;
/** A quote opened and never closed: the record runs to the end of the file. */
export const RECORD_UNTERMINATED_QUOTE = 2;
/** Longer than the record limit; skipped without being parsed (fields are null). */
export const RECORD_TOO_LONG = 3;

export interface RecordSink {
  /**
   * One record. `line`: 1-based physical line it starts on; `lines`: physical lines it
   * spans (quoted line breaks included); `issue`: RECORD_*; `fields` null only for
   * RECORD_TOO_LONG. The array is the sink's to keep or drop.
   */
  record(fields: string[] | null, line: number, lines: number, issue: number): void;
}

interface SkipState {
  line: number;
  breaks: number;
  quoted: boolean;
  fieldStart: boolean;
  afterCR: boolean;
  quotePending: boolean;
  lastWasBreak: boolean;
}

/**
 * Where each record of text[0, end) ends (just past its line break), from papaparse's step
 * mode, whose meta.cursor after each row is that position. Used only for blocks longer than
 * the record limit, since a row at a time is slower.
 */
function recordEnds(text: string, end: number, delimiter: Delimiter, final: boolean): number[] {
  const ends: number[] = [];
  const parser = new Papa.Parser({
    delimiter,
    newline: '\n',
    quoteChar: '"',
    step: (row: { meta: { cursor: number } }) => void ends.push(row.meta.cursor),
  });
  parser.parse(end === text.length ? text : text.slice(0, end), 0, !final);
  return ends;
}

/** Ends in a line break; inside quotes (an unterminated one) breaks keep their raw form. */
function endsWithBreak(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 10 || c === 13;
}

/**
 * Records from text that arrives in pieces, parsed by papaparse's core Parser the way its
 * own ChunkStreamer does it (papaparse.js, ChunkStreamer.parseChunk): parse the unparsed
 * tail plus the new text with ignoreLastRow, keep what follows `meta.cursor` — the last
 * record, possibly incomplete — for the next piece. The delimiter is fixed up front so no
 * piece is guessed differently from another. Outside quotes, CR LF, LF and a lone CR each
 * end a record, however they are mixed: a LineEndNormalizer turns them all into LF before
 * the parser sees the text, so papaparse always runs with newline LF.
 *
 * An incomplete record longer than the limit (an unterminated quote, a megabyte cell) is
 * not re-parsed with every piece, which would be quadratic: a small quote-aware scanner
 * skips to its end instead, counting lines, and reports it as one rejected record.
 */
export class RecordReader {
  /** 1-based physical line on which the next record starts. */
  line = 1;
  /** The physical line ended by the first line break of a second kind outside quotes; 0 while there is none. */
  mixedLine = 0;

  private pending = '';
  private readonly parser: Papa.Parser;
  private readonly delimiterCode: number;
  private readonly normalizer: LineEndNormalizer;
  private skip: SkipState | null = null;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly sink: RecordSink,
    private readonly maxChars = MAX_RECORD_CHARS,
  ) {
    this.parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    this.delimiterCode = delimiter.charCodeAt(0);
    this.normalizer = new LineEndNormalizer(delimiter);
  }

  /** Kinds of line break seen outside quotes so far, in the order first seen (at most two: see LineEndNormalizer.kinds). */
  get lineEndings(): readonly Newline[] {
    return this.normalizer.kinds;
  }

  /** The physical line of character `at` of `text`, text that is about to be pushed. */
  lineOf(text: string, at: number): number {
    const splitCRLF = this.normalizer.endsInCR && text.charCodeAt(0) === 10 && at > 0 ? 1 : 0;
    return this.linesSoFar() + countLineBreaks(text, 0, at) - splitCRLF;
  }

  /** The line the next character pushed starts on, counting text still held. */
  private linesSoFar(): number {
    const s = this.skip;
    return s ? s.line + s.breaks : this.line + countLineBreaks(this.pending);
  }

  push(raw: string): void {
    this.take(this.normalizer.push(raw));
  }

  /** The end of the text: hands out the last record, terminated or not. */
  finish(): void {
    this.take(this.normalizer.push('', true));
    this.end();
  }

  private take(text: string): void {
    const at = this.normalizer.mixedAt;
    if (at !== null) this.mixedLine = this.linesSoFar() + (at < 0 ? -1 : countLineBreaks(text, 0, at));
    if (text.length > 0) this.feed(text);
  }

  private feed(text: string): void {
    if (this.skip) {
      const end = this.scan(text);
      if (end < 0) return;
      const s = this.skip;
      this.skip = null;
      this.line = s.line + s.breaks;
      this.sink.record(null, s.line, s.breaks, RECORD_TOO_LONG);
      text = text.slice(end);
    }
    this.pending = this.pending.length > 0 ? this.pending + text : text;
    if (this.pending.length === 0) return;
    this.parse(false);
    // The record's text is longer than the limit (one character of slack for its line break).
    if (this.pending.length > this.maxChars + 1) {
      const rest = this.pending;
      this.pending = '';
      this.skip = { line: this.line, breaks: 0, quoted: false, fieldStart: true, afterCR: false, quotePending: false, lastWasBreak: false };
      this.feed(rest);
    }
  }

  private end(): void {
    const s = this.skip;
    if (s) {
      this.skip = null;
      const lines = s.breaks + (s.lastWasBreak ? 0 : 1);
      this.sink.record(null, s.line, lines, s.quoted ? RECORD_UNTERMINATED_QUOTE : RECORD_TOO_LONG);
      this.line = s.line + lines;
      return;
    }
    if (this.pending.length > 0) this.parse(true);
  }

  private parse(final: boolean): void {
    const text = this.pending;
    const result = this.parser.parse(text, 0, !final);
    const rows = result.data as string[][];
    const cursor = final ? text.length : (result.meta.cursor as number);
    let issues: Map<number, number> | null = null;
    for (const e of result.errors as { code: string; row: number }[]) {
      if (e.row >= rows.length) continue; // belongs to the held-back last record
      issues ??= new Map();
      const issue = e.code === 'MissingQuotes' ? RECORD_UNTERMINATED_QUOTE : RECORD_MALFORMED_QUOTE;
      issues.set(e.row, Math.max(issues.get(e.row) ?? 0, issue));
    }
    // Line breaks beyond one per record hide in quoted cells; only records up to the last of them need counting.
    let extra = final ? Infinity : countLineBreaks(text, 0, cursor) - rows.length;
    // Only a block longer than the limit can hold a record longer than it; then find where each ends.
    const ends = cursor > this.maxChars ? recordEnds(text, cursor, this.delimiter, final) : null;
    for (let r = 0; r < rows.length; r++) {
      const fields = rows[r];
      if (ends && ends[r] - (r > 0 ? ends[r - 1] : 0) - (final && r === rows.length - 1 ? 0 : 1) > this.maxChars) {
        let lines = 1;
        for (const f of fields) lines += countLineBreaks(f);
        const line = this.line;
        this.line += lines;
        this.sink.record(null, line, lines, RECORD_TOO_LONG);
        continue;
      }
      let lines = 1;
      if (extra > 0) {
        for (const f of fields) lines += countLineBreaks(f);
        extra -= lines - 1;
      }
      // A quote left open to the end swallows the file's final line break, which starts no line.
      if (final && r === rows.length - 1 && lines > 1 && endsWithBreak(text)) lines--;
      const line = this.line;
      this.line += lines;
      this.sink.record(fields, line, lines, issues?.get(r) ?? RECORD_OK);
    }
    this.pending = final ? '' : text.slice(cursor);
  }

  /**
   * Scans a skipped record to its end with papaparse's quoting rules (a cell is quoted
   * when it starts with a quote; "" inside is a quote). Returns the index just past the
   * record's line break, or -1 when the text ends first (the state carries over). The text
   * is normalised: every line break is one LF, quoted ones included.
   */
  private scan(text: string): number {
    const s = this.skip as SkipState;
    if (text.length > 0) s.lastWasBreak = endsWithBreak(text);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (s.afterCR) {
        s.afterCR = false;
        // A CR LF inside quotes is one break.
        if (c === 10) continue;
      }
      if (s.quotePending) {
        s.quotePending = false;
        if (c === 34) continue;
        s.quoted = false;
      }
      if (c === 10 || c === 13) {
        s.breaks++;
        if (!s.quoted && c === 10) return i + 1;
        s.afterCR = c === 13;
        continue;
      }
      if (s.quoted) {
        if (c === 34) {
          if (i + 1 === text.length) s.quotePending = true;
          else if (text.charCodeAt(i + 1) === 34) i++;
          else s.quoted = false;
        }
        continue;
      }
      if (c === 34 && s.fieldStart) s.quoted = true;
      s.fieldStart = c === this.delimiterCode;
    }
    return -1;
  }
}
