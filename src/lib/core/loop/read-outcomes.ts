import { CELL_INVALID, CELL_MISSING, NumberReader } from '../csv/numberReader';
import type { Problem } from '../problems';
import { loopProblem } from './codes';
import { columnIndex, OUTCOME_COLUMNS } from './outcomes-columns';
import { readTable } from './read-table';

/** An outcome cell: 1 error found, 0 none found, NOT_CHECKED empty (or invalid). */
export const NOT_CHECKED = -1;

/** The outcomes file as columns, one entry per data row. */
export interface Outcomes {
  ids: string[];
  lines: number[];
  /** 1, 0 or NOT_CHECKED. */
  outcome: Int8Array;
  /** Corrected amount in NOK; NaN when empty or unreadable. */
  amount: Float64Array;
  /** The `liste` cell of each row, or null when the file has no such column. */
  keys: string[] | null;
  problems: Problem[];
}

/**
 * Reads an outcomes file: the list's id column (header `idHeader`), `utfall` (1, 0 or empty;
 * anything else is a problem naming line and column and the row counts as not checked),
 * optionally `korrigert_beløp` (NOK, decimal comma or point, space or thin-space thousands,
 * read by the intake's NumberReader) and `liste`. Delimiter and encoding are sniffed.
 */
export function readOutcomes(bytes: Uint8Array, name: string, idHeader: string): Outcomes | { problem: Problem } {
  const table = readTable(bytes);
  if (!('header' in table)) return { problem: loopProblem('loop.outcomes_unreadable', { name, detail: 'binary' in table ? table.binary : 'empty' }) };
  const { header, rows, lines } = table;
  const idAt = columnIndex(header, idHeader);
  if (idAt < 0) return { problem: loopProblem('loop.outcomes_no_id', { name, id: idHeader }) };
  const outcomeAt = columnIndex(header, OUTCOME_COLUMNS.outcome);
  if (outcomeAt < 0) return { problem: loopProblem('loop.outcomes_no_outcome', { name }) };
  const amountAt = columnIndex(header, OUTCOME_COLUMNS.amount);
  const keyAt = columnIndex(header, OUTCOME_COLUMNS.key);
  // A ';' file is Norwegian Excel's, where ',' is the decimal mark; NumberReader settles the rest.
  const decimalComma = table.delimiter !== ',';
  const reader = new NumberReader();
  const n = rows.length;
  const ids: string[] = new Array(n);
  const outcome = new Int8Array(n);
  const amount = new Float64Array(n);
  const keys: string[] | null = keyAt >= 0 ? new Array(n) : null;
  const problems: Problem[] = [];
  for (let i = 0; i < n; i++) {
    const f = rows[i];
    ids[i] = (f[idAt] ?? '').trim();
    const cell = (f[outcomeAt] ?? '').trim();
    if (cell === '1') outcome[i] = 1;
    else if (cell === '0') outcome[i] = 0;
    else {
      outcome[i] = NOT_CHECKED;
      if (cell !== '') problems.push(loopProblem('loop.outcome_invalid', { value: cell.slice(0, 40) }, { line: lines[i], column: outcomeAt + 1, field: header[outcomeAt] }));
    }
    amount[i] = NaN;
    if (amountAt >= 0) {
      const text = f[amountAt] ?? '';
      const x = reader.read(text, decimalComma);
      if (reader.status === CELL_INVALID) problems.push(loopProblem('loop.amount_invalid', { value: text.trim().slice(0, 40) }, { line: lines[i], column: amountAt + 1, field: header[amountAt] }));
      else if (reader.status !== CELL_MISSING) amount[i] = x;
    }
    if (keys) keys[i] = (f[keyAt] ?? '').trim();
  }
  return { ids, lines, outcome, amount, keys, problems };
}
