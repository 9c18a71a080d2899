import { columnIndex, OUTCOME_COLUMNS } from './outcomes-columns';
import { looksLikeManifest } from './read-manifest';
import { readTable } from './read-table';

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export interface SortedLoopFiles {
  list?: NamedBytes;
  manifest?: NamedBytes;
  outcomes?: NamedBytes;
  /** Files that are none of the three (or a second of a kind). */
  other: NamedBytes[];
}

/**
 * Tells dropped files apart by content, not name: the manifest is JSON with this project's
 * manifest schema; of the CSV files, the one with an `utfall` column holds the outcomes and
 * the other is the list (the link then checks the list against the manifest's hash).
 */
export function sortLoopFiles(files: readonly NamedBytes[]): SortedLoopFiles {
  const out: SortedLoopFiles = { other: [] };
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (const f of files) {
    const head = f.bytes.subarray(0, 1 << 16);
    const kind = looksLikeManifest(decoder.decode(f.bytes.length < 1 << 20 ? f.bytes : head)) ? 'manifest' : csvKind(f.bytes);
    if (kind && !out[kind]) out[kind] = f;
    else out.other.push(f);
  }
  return out;
}

function csvKind(bytes: Uint8Array): 'list' | 'outcomes' | null {
  const table = readTable(bytes);
  if (!('header' in table) || table.header.length < 2) return null;
  return columnIndex(table.header, OUTCOME_COLUMNS.outcome) >= 0 ? 'outcomes' : 'list';
}
