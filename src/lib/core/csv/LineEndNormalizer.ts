import type { Delimiter, Newline } from './options';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;

/**
 * Turns every line break outside quotes — CR LF, LF or a lone CR — into LF, so that one
 * parser setting reads a file whose rows end in a mix of them (extracts concatenated on
 * different systems). Quoted cells keep their text exactly: Excel writes a line break in
 * a cell as a bare LF even in a CR LF file, and that is data, not a row end.
 *
 * "Outside quotes" follows papaparse's own rules (papaparse.js, Parser.parse), so this pass
 * and the parser behind it never disagree on where a quoted cell ends: a quote opens one
 * only as the first character of a field; inside, "" is a quote; a quote followed by
 * optional spaces and then the delimiter, a line break or the end of the text closes it;
 * any other quote is kept as text (papaparse reports it as malformed and reads on).
 *
 * Streaming: push text in pieces of any size; a closing quote whose look-ahead reaches the
 * end of a piece is held back until the next. Each kind of line break seen outside quotes
 * is recorded, and `mixedAt` gives the first break of a second kind, as an index into the
 * text returned by the push that met it (-1 otherwise), once per stream.
 */
export class LineEndNormalizer {
  /** Kinds of line break seen outside quotes, in the order first seen; looking stops at the second (mixed is mixed). */
  readonly kinds: Newline[] = [];
  /**
   * Set by the push that first meets a second kind of break: the index, in that push's
   * output, of the LF the break became (-1: the last character of the previous output).
   * Null in every other push.
   */
  mixedAt: number | null = null;

  private readonly delimiter: number;
  private quoted = false;
  /** Last raw character handled (-1 at the start, where a field starts). */
  private last = -1;
  /** The last character handled was a CR outside quotes, already written as LF; an LF next completes it. */
  private crPending = false;
  private held = '';

  constructor(delimiter: Delimiter) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The text so far ends in a CR outside quotes (written as LF): an LF next belongs to it. */
  get endsInCR(): boolean {
    return this.crPending;
  }

  push(piece: string, final = false): string {
    this.mixedAt = null;
    const text = this.held.length > 0 ? this.held + piece : piece;
    this.held = '';
    const n = text.length;
    let out = '';
    let i = 0;
    while (i < n) {
      if (this.crPending) {
        this.crPending = false;
        const crlf = text.charCodeAt(i) === LF;
        this.note(crlf ? '\r\n' : '\r', out.length - 1);
        if (crlf) {
          this.last = LF;
          i++;
          continue;
        }
      }
      if (!this.quoted) {
        let q = text.indexOf('"', i);
        while (q >= 0 && !this.fieldStartsAt(text, q)) q = text.indexOf('"', q + 1);
        const end = q < 0 ? n : q;
        if (end > i) out += this.outside(text.slice(i, end), out.length);
        if (q < 0) break;
        if (this.crPending) {
          // A quote right after a CR: the CR was a break of its own.
          this.crPending = false;
          this.note('\r', out.length - 1);
        }
        this.quoted = true;
        this.last = QUOTE;
        out += '"';
        i = q + 1;
        continue;
      }
      let j = text.indexOf('"', i);
      for (;;) {
        if (j < 0) {
          out += text.slice(i);
          this.last = text.charCodeAt(n - 1);
          i = n;
          break;
        }
        if (text.charCodeAt(j + 1) === QUOTE) {
          j = text.indexOf('"', j + 2);
          continue;
        }
        let k = j + 1;
        while (k < n && text.charCodeAt(k) === SPACE) k++;
        if (k === n && !final) {
          // Whether this quote closes the cell depends on what follows: decide with the next piece.
          out += text.slice(i, j);
          if (j > i) this.last = text.charCodeAt(j - 1);
          this.held = text.slice(j);
          i = n;
          break;
        }
        const c = text.charCodeAt(k);
        if (k === n || c === this.delimiter || c === CR || c === LF) {
          out += text.slice(i, j + 1);
          this.quoted = false;
          this.last = QUOTE;
          i = j + 1;
          break;
        }
        j = text.indexOf('"', j + 1);
      }
    }
    if (final && this.crPending) {
      this.crPending = false;
      this.note('\r', out.length - 1);
    }
    return out;
  }

  /** A quote at text[q] outside quotes opens a quoted cell only as a field's first character. */
  private fieldStartsAt(text: string, q: number): boolean {
    const before = q > 0 ? text.charCodeAt(q - 1) : this.last;
    return before === -1 || before === this.delimiter || before === LF || before === CR;
  }

  /** Text outside quotes with its line breaks as LF; `at`: where it lands in the push's output. */
  private outside(s: string, at: number): string {
    if (this.kinds.length < 2) this.classify(s, at);
    this.last = s.charCodeAt(s.length - 1);
    // Whether a CR at the end is a CR LF is known only from the next character.
    this.crPending = this.last === CR;
    if (s.indexOf('\r') < 0) return s;
    return s.replace(/\r\n?/g, '\n');
  }

  /**
   * Records the kinds of break in s (a CR at its very end is left to the next character).
   * Native searches first; breaks are walked one by one only when s may add a kind, since
   * a file keeps to one kind for millions of rows.
   */
  private classify(s: string, at: number): void {
    const crlf = s.indexOf('\r\n') >= 0;
    const cr = s.indexOf('\r') >= 0 && /\r(?!\n|$)/.test(s);
    const lf = s.indexOf('\n') >= 0 && /(^|[^\r])\n/.test(s);
    const kinds = (crlf ? 1 : 0) + (cr ? 1 : 0) + (lf ? 1 : 0);
    if (kinds === 0) return;
    if (kinds === 1) {
      const only: Newline = crlf ? '\r\n' : cr ? '\r' : '\n';
      if (this.kinds.length === 0) this.kinds.push(only);
      if (this.kinds[0] === only) return;
    }
    this.walk(s, at);
  }

  /** Notes each break of s in order; `at`: where s lands in the output, whose breaks are all LF. */
  private walk(s: string, at: number): void {
    let removed = 0;
    for (let i = 0; i < s.length && this.kinds.length < 2; i++) {
      const c = s.charCodeAt(i);
      if (c === LF) this.note('\n', at + i - removed);
      else if (c === CR) {
        if (i + 1 === s.length) return;
        if (s.charCodeAt(i + 1) === LF) {
          this.note('\r\n', at + i - removed);
          removed++;
          i++;
        } else this.note('\r', at + i - removed);
      }
    }
  }

  private note(kind: Newline, at: number): void {
    if (this.kinds.includes(kind)) return;
    this.kinds.push(kind);
    if (this.kinds.length === 2) this.mixedAt = at;
  }
}
