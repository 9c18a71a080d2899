import { normalizeHeader } from '../csv/normalizeHeader';

/**
 * The outcomes file's columns besides the list's id header. Norwegian names, the same in every
 * language of the app: they are a file format shared between offices, not text on screen.
 * `korrigert_belop` is accepted for `korrigert_beløp` (normalizeHeader reads both alike).
 */
export const OUTCOME_COLUMNS = {
  key: 'liste',
  arm: 'utvalg',
  outcome: 'utfall',
  amount: 'korrigert_beløp',
} as const;

/** The values of the form's `utvalg` column. */
export const ARM_WORDS = { model: 'modell', random: 'kontroll', hand: 'hånd' } as const;

/** Index of the header matching `name` exactly (trimmed), else after normalizeHeader; −1 when absent. */
export function columnIndex(header: readonly string[], name: string): number {
  const exact = header.findIndex((h) => h.trim() === name);
  if (exact >= 0) return exact;
  const wanted = normalizeHeader(name);
  return header.findIndex((h) => normalizeHeader(h) === wanted);
}
