import { hasControlCharacters } from '../export/csv-writer';
import { containsNationalId } from './nationalId';

/** The cell holds a character the safe writer replaces with U+FFFD: a C0 control but tab, LF and CR, or DEL. */
export const CELL_CONTROL = 1;
/** The cell holds a national identity number (see containsNationalId). */
export const CELL_NATIONAL_ID = 2;

/** What a cell that is exported as written holds that needs care: CELL_* flags, 0 for nothing. */
export function screenCell(cell: string): number {
  return (hasControlCharacters(cell) ? CELL_CONTROL : 0) | (containsNationalId(cell) ? CELL_NATIONAL_ID : 0);
}
