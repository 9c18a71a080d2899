import Papa from 'papaparse';
import type { Delimiter, Newline } from './options';

export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

/**
 * The line ending used between records: the commonest of CRLF, LF and CR outside
 * quotes in the sample. Quotes matter because Excel writes a line break inside a cell
 * as a bare LF even in a CRLF file. A quote toggles the state; an escaped quote ("")
 * toggles it twice, so RFC 4180 escaping needs no special case.
 */
export function detectNewline(text: string): Newline {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/**
 * Excel reads and writes a first line `sep=;` (optionally quoted) naming the delimiter.
 * Returns the delimiter and the length of that line including its line break, or null.
 */
export function sepLine(text: string): { delimiter: Delimiter; length: number } | null {
  const m = /^"?sep=(.)"?[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (!m) return null;
  const d = m[1] as Delimiter;
  return DELIMITERS.includes(d) ? { delimiter: d, length: m[0].length } : null;
}

/**
 * Field counts of the first records of `text` for one delimiter, quotes respected by
 * papaparse's own parser. Empty records are left out; the last record is left out
 * when the text is cut, since it may be incomplete.
 */
export function fieldCounts(text: string, delimiter: Delimiter, newline: Newline, truncated: boolean, max = 50): number[] {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"', preview: max + 1 });
  const rows = parser.parse(text, 0, truncated).data as string[][];
  const counts: number[] = [];
  for (const row of rows) {
    if (row.length === 1 && row[0].trim() === '') continue;
    counts.push(row.length);
    if (counts.length === max) break;
  }
  return counts;
}

/**
 * The delimiter whose field counts agree best across the first records: the header's
 * count must be at least two and is compared with each later record's; ties go to
 * more fields, then to the order ; , tab | (semicolon first: Norwegian Excel writes it,
 * and a decimal comma makes ',' look plausible in a semicolon file only when every row
 * happens to hold the same number of decimals — which the header then contradicts).
 * Falls back to ';' when no candidate splits the header.
 */
export function detectDelimiter(text: string, newline: Newline, truncated: boolean): Delimiter {
  let best: Delimiter = ';';
  let bestScore = -1;
  let bestFields = 0;
  for (const d of DELIMITERS) {
    const counts = fieldCounts(text, d, newline, truncated);
    if (counts.length === 0 || counts[0] < 2) continue;
    const header = counts[0];
    let agree = 0;
    for (let i = 1; i < counts.length; i++) if (counts[i] === header) agree++;
    const score = counts.length > 1 ? agree / (counts.length - 1) : 1;
    if (score > bestScore || (score === bestScore && header > bestFields)) {
      best = d;
      bestScore = score;
      bestFields = header;
    }
  }
  return best;
}
