import type { IngestResult } from '../csv/ingest';
import { STATUS_REJECTED } from '../csv/row-status';
import { rankOrder, ranksOf } from '../metrics/rank-order';

/**
 * A scored file, the one shape the browser's state, its views and exports, the worker
 * protocol and the CLI all read. Its helpers live beside what they are about: row statuses
 * in csv/row-status.ts, a row's contributions in explain/contrib-row.ts, the capacity in
 * metrics/clamp-capacity.ts.
 */
export interface ScoredFile {
  /** The file's name as the user chose it (the CLI: the input path's last part), for exports and their manifest. */
  fileName: string;
  ingest: IngestResult;
  /** P(incorrect deduction) per data row, in input order; NaN for rejected rows (nanForRejected). */
  probability: Float32Array;
  /** Row indices by descending probability, rejected rows last (rankOrder). */
  order: Uint32Array;
  /** 1-based rank per row, 0 for rejected rows (ranksOf). */
  rank: Uint32Array;
}

/**
 * A scored file before its rows are ranked: what scoreStream gives. Ranking is a sort of its
 * own, which the browser runs on a worker once every engine's scores are in (engine-pool.ts).
 */
export type UnrankedFile = Omit<ScoredFile, 'order' | 'rank'>;

/** The file with its ranking, computed here (rankOrder, ranksOf). */
export function ranked(file: UnrankedFile): ScoredFile {
  const order = rankOrder(file.probability);
  return { ...file, order, rank: ranksOf(order, file.probability) };
}

/**
 * Rejected rows have no score: sets their probability to NaN in place, whatever the engine
 * returned for their all-NaN features, so they rank last and are never selected. Returns
 * `probability`.
 */
export function nanForRejected(probability: Float32Array, status: Uint8Array): Float32Array {
  const n = Math.min(probability.length, status.length);
  for (let i = 0; i < n; i++) if (status[i] === STATUS_REJECTED) probability[i] = NaN;
  return probability;
}
