import type { LinkedOutcomes } from './link-outcomes';
import { NOT_CHECKED } from './read-outcomes';

/**
 * The outcomes of a linked list laid on the rows of the file it was drawn from, for figures by
 * group: list position i is file row `listRows[i]` (the selection's rows in list order, as
 * controlList writes them). Only when the list is the one the open file, model and choices make
 * — the caller checks the manifest's hashes and list key — and has as many drawn positions as
 * `listRows`; rows added by hand (after the drawn list) are left out, as from the estimates.
 * Per row: 1, 0, or NaN (not checked, not on the list). Null when the lengths disagree.
 */
export function outcomeByRow(linked: Pick<LinkedOutcomes, 'outcomeAt' | 'manifest'>, listRows: Uint32Array, rows: number): Float64Array | null {
  const drawn = linked.manifest.selection.model_count + linked.manifest.selection.control_count;
  if (drawn !== listRows.length || linked.outcomeAt.length < drawn) return null;
  const out = new Float64Array(rows).fill(NaN);
  for (let i = 0; i < drawn; i++) {
    const y = linked.outcomeAt[i];
    if (y !== NOT_CHECKED) out[listRows[i]] = y;
  }
  return out;
}
