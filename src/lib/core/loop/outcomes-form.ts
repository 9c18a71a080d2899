import type { CsvColumn } from '../export/csv-writer';
import { RANDOM_CONTROL } from '../select/control-sample';
import { ADDED_BY_HAND } from '../export/control-list';
import { ARM_WORDS, OUTCOME_COLUMNS } from './outcomes-columns';

/**
 * The outcomes form written beside a list, one row per list position in list order: the
 * list's own id column (the same header and the same, possibly masked, text), `liste` (the
 * list key), `utvalg` (`modell` / `kontroll` / `hånd` for a row a reviewer added), and `utfall` and `korrigert_beløp` empty for
 * the caseworkers to fill in. Written through the safe CSV writer in the list's dialect.
 */
export function outcomesFormColumns(id: CsvColumn, kind: ArrayLike<number>, key: string): CsvColumn[] {
  return [
    id,
    { header: OUTCOME_COLUMNS.key, text: () => key },
    { header: OUTCOME_COLUMNS.arm, text: (i) => (kind[i] === RANDOM_CONTROL ? ARM_WORDS.random : kind[i] === ADDED_BY_HAND ? ARM_WORDS.hand : ARM_WORDS.model) },
    { header: OUTCOME_COLUMNS.outcome, text: () => '' },
    { header: OUTCOME_COLUMNS.amount, text: () => '' },
  ];
}

/** The form's file name beside a list: "liste.csv" → "liste.utfall.csv". */
export function outcomesFormFileName(listFileName: string): string {
  return `${listFileName.replace(/\.csv$/i, '')}.utfall.csv`;
}
