import type { Problem } from '../problems';
import { loopProblem } from './codes';
import type { LinkManifest } from './read-manifest';
import { readTable } from './read-table';

/** The model arm (ranks 1..model_count) and the random arm (ranks above) of a list's positions. */
export const ARM_MODEL = 1;
export const ARM_RANDOM = 2;
/** Rows a reviewer added by hand (core/decisions): appended after the model's and the random rows, in neither sample. */
export const ARM_HAND = 3;

export interface ListArms {
  /** The id header (the list's column 0, as the manifest records it). */
  idHeader: string;
  /** Id text per list position, as written (masked ids stay masked). */
  ids: string[];
  /** ARM_MODEL, ARM_RANDOM or ARM_HAND per list position. */
  arm: Uint8Array;
  /**
   * List positions of each id, in list order. Masked national ids can repeat (two people born
   * the same day): the k-th outcome row with such an id is matched to its k-th position, which
   * is how the outcomes form lists them.
   */
  positionOf: Map<string, number[]>;
}

/**
 * The list's ids and arms. The arms come from the rank column (position 1): the model's rows
 * are exactly ranks 1..model_count and the random rows rank after them (core/select/
 * control-sample.ts), whatever the list's language or order; rows a reviewer added by hand
 * follow the drawn list (positions from model_count + control_count on). The caller has checked the
 * bytes against the manifest's hash, so anything unreadable here means a manifest and list
 * that do not belong together.
 */
export function readListArms(bytes: Uint8Array, manifest: LinkManifest, name: string): ListArms | { problem: Problem } {
  const table = readTable(bytes);
  const bad = (detail: string) => ({ problem: loopProblem('loop.list_unreadable', { name, detail }) });
  if (!('header' in table)) return bad('binary' in table ? table.binary : 'empty');
  const idHeader = manifest.export.columns[0];
  if (table.header[0] !== idHeader.trim() || table.header.length < 2) return bad(`${table.header.slice(0, 2).join(', ')} ≠ ${manifest.export.columns.slice(0, 2).join(', ')}`);
  const n = table.rows.length;
  const ids: string[] = new Array(n);
  const arm = new Uint8Array(n);
  const positionOf = new Map<string, number[]>();
  const modelCount = manifest.selection.model_count;
  // Positions past the drawn list (model_count + control_count) are rows added by hand (export/control-list.ts).
  const drawn = modelCount + manifest.selection.control_count;
  for (let i = 0; i < n; i++) {
    const fields = table.rows[i];
    const rank = Number(fields[1]);
    if (!Number.isInteger(rank) || rank < 1) return bad(`line ${table.lines[i]}: ${fields[1] ?? ''}`);
    ids[i] = (fields[0] ?? '').trim();
    arm[i] = i >= drawn ? ARM_HAND : rank <= modelCount ? ARM_MODEL : ARM_RANDOM;
    const at = positionOf.get(ids[i]);
    if (at) at.push(i);
    else positionOf.set(ids[i], [i]);
  }
  return { idHeader, ids, arm, positionOf };
}
