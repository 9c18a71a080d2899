import { looksLikeNationalId } from './nationalId';
import { CELL_NUMBER, NumberReader, STYLE_AMBIGUOUS, STYLE_COMMA, STYLE_POINT } from './numberReader';

/** What the sample's values say about one column. */
export interface ColumnProfile {
  /** Cells that are not blank. */
  filled: number;
  /** Cells that read as numbers. */
  numeric: number;
  /** Cells that prove a decimal comma (1 234,5 · 0,25 · 1.234,56) or a decimal point. */
  comma: number;
  point: number;
  /** Cells like 1.234 that only the column's convention can settle. */
  ambiguous: number;
  /** Cells of exactly 11 digits whose first six read as a date. */
  nationalIds: number;
  /** Cells of exactly 11 digits. */
  elevenDigits: number;
}

function isElevenDigits(s: string): boolean {
  if (s.length !== 11) return false;
  for (let i = 0; i < 11; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function profileColumns(width: number, rows: readonly (readonly string[])[]): ColumnProfile[] {
  const reader = new NumberReader();
  const profiles: ColumnProfile[] = Array.from({ length: width }, () => ({
    filled: 0,
    numeric: 0,
    comma: 0,
    point: 0,
    ambiguous: 0,
    nationalIds: 0,
    elevenDigits: 0,
  }));
  for (const row of rows) {
    const n = Math.min(width, row.length);
    for (let j = 0; j < n; j++) {
      const cell = row[j].trim();
      if (cell === '') continue;
      const p = profiles[j];
      p.filled++;
      if (isElevenDigits(cell)) {
        p.elevenDigits++;
        if (looksLikeNationalId(cell)) p.nationalIds++;
      }
      reader.read(cell, true);
      if (reader.status !== CELL_NUMBER) continue;
      p.numeric++;
      if (reader.style === STYLE_COMMA) p.comma++;
      else if (reader.style === STYLE_POINT) p.point++;
      else if (reader.style === STYLE_AMBIGUOUS) p.ambiguous++;
    }
  }
  return profiles;
}
