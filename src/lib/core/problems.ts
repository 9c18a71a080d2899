/**
 * Problems are values, not exceptions: a stable code, where it happened, and the
 * parameters a message needs. The UI and the CLI turn them into sentences through the
 * message catalogues (src/lib/i18n), keyed `problem.<code>`. Codes never change meaning
 * once released; add new ones instead.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Stable code, e.g. 'csv.unterminated_quote'. */
  code: string;
  severity: Severity;
  /** 1-based physical line in the file where the problem is, when it belongs to a line. */
  line?: number;
  /** 1-based column (field position) in that line, when it belongs to a cell. */
  column?: number;
  /** Header name of the column, when known. */
  field?: string;
  /** Parameters for the message: numbers, names, short excerpts of the cell (never whole rows). */
  params?: Record<string, string | number>;
}

export function problem(
  code: string,
  severity: Severity,
  where: Omit<Problem, 'code' | 'severity'> = {},
): Problem {
  return { code, severity, ...where };
}

/**
 * The values a problem's message may use: its params plus `line`, `column` and `field`,
 * so a catalogue sentence can say "Linje {line}, kolonne {column} ({field})".
 */
export function problemParams(p: Problem): Record<string, string | number> {
  const out: Record<string, string | number> = { ...p.params };
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  if (p.field !== undefined) out.field = p.field;
  return out;
}
