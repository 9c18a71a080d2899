/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection): = + - @, tab (0x09) and carriage
 * return (0x0D); plus their full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), which some
 * spreadsheet versions normalise to the ASCII ones, and the minus sign U+2212 for the same reason.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\u2212']);

/**
 * A negative number as a person or our own writer types it: -1234, -1234.5, -1234,50,
 * -1 234,50 (space, no-break space U+00A0 or narrow no-break space U+202F between groups of
 * three), with an optional exponent. It cannot run anything, so it stays a number.
 */
const NEGATIVE_NUMBER = /^-(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The text of a cell made safe to open in a spreadsheet: a text that would start a formula
 * gets a leading apostrophe, which Excel and LibreOffice show as text and do not evaluate, as
 * OWASP recommends. Negative numbers stay numbers. CSV quoting is the writer's job, not this.
 */
export function safeCell(text: string): string {
  if (text.length === 0 || !TRIGGERS.has(text[0])) return text;
  if (NEGATIVE_NUMBER.test(text)) return text;
  return `'${text}`;
}
