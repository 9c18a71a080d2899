import { rankOrder } from '../metrics/rank-order';
import { Xoshiro128StarStar } from '../select/xoshiro128';
import type { FileScores } from './read-parquet';

/** Rows re-scored and re-explained here when a file's scores are taken (all when fewer). */
export const CHECK_ROWS = 1000;
/** Of them, the file's highest-ranked: the rows the results table shows first. */
export const CHECK_TOP = 100;
/** Fixed, so the same file is always checked on the same rows. */
export const CHECK_SEED = 20;
/**
 * Agreement asked of a re-scored row: the probability within 1e-6 (both are onnxruntime's
 * float32 output of the same model and inputs; float32 has 24 bits, ~6e-8 at 1) and each
 * contribution within 1e-5 in the model's output space (float32 sums of up to a few hundred
 * tree values, in another order on another machine).
 */
export const SCORE_TOLERANCE = 1e-6;
export const CONTRIB_TOLERANCE = 1e-5;

/**
 * The rows to check, ascending: the CHECK_TOP highest by the file's own probabilities, then a
 * seeded uniform draw (partial Fisher–Yates on xoshiro128**) from the rest, CHECK_ROWS in all.
 */
export function batchSample(probability: Float32Array, size = CHECK_ROWS, top = CHECK_TOP, seed = CHECK_SEED): Uint32Array {
  const n = probability.length;
  if (n <= size) return Uint32Array.from({ length: n }, (_, i) => i);
  const order = rankOrder(probability);
  const first = Math.min(top, size);
  const picked = new Set<number>();
  for (let i = 0; i < first; i++) picked.add(order[i]);
  const rest = order.slice(first);
  const rng = Xoshiro128StarStar.fromSeed(seed);
  for (let i = 0; picked.size < size; i++) {
    const j = i + rng.below(rest.length - i);
    [rest[i], rest[j]] = [rest[j], rest[i]];
    picked.add(rest[i]);
  }
  return Uint32Array.from([...picked].sort((a, b) => a - b));
}

export interface BatchCheck {
  /** Rows re-scored here. */
  checked: number;
  /** Rows whose re-scored probability or contributions, or whose status (every row's is compared), differ from the file's; ascending. */
  mismatched: Uint32Array;
  maxScoreDiff: number;
  maxContribDiff: number;
}

/**
 * Compares what the file says with what this app computed. `rows`: the sample; `probability`
 * and `contrib` (rows.length × (F + 1), φ in card order then the base; null: contributions not
 * re-computed) the app's values for them, in the same order. `status`: the app's intake's
 * status of every row, compared with the file's row_status for every row.
 */
export function compareBatch(file: FileScores, status: Uint8Array, rows: Uint32Array, probability: Float32Array, contrib: Float32Array | null, F: number): BatchCheck {
  const bad = new Set<number>();
  for (let r = 0; r < status.length; r++) if (file.status[r] !== status[r]) bad.add(r);
  let maxScoreDiff = 0;
  let maxContribDiff = 0;
  const stride = F + 1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const d = difference(file.probability[r], probability[i]);
    maxScoreDiff = Math.max(maxScoreDiff, d);
    if (d > SCORE_TOLERANCE) bad.add(r);
    if (!contrib || !file.contrib || Number.isNaN(probability[i])) continue;
    for (let k = 0; k < stride; k++) {
      const c = difference(file.contrib[r * stride + k], contrib[i * stride + k]);
      maxContribDiff = Math.max(maxContribDiff, c);
      if (c > CONTRIB_TOLERANCE) bad.add(r);
    }
  }
  return { checked: rows.length, mismatched: Uint32Array.from([...bad].sort((a, b) => a - b)), maxScoreDiff, maxContribDiff };
}

/** |a − b|; 0 when both are missing, Infinity when only one is. */
function difference(a: number, b: number): number {
  const na = Number.isNaN(a);
  const nb = Number.isNaN(b);
  if (na || nb) return na && nb ? 0 : Infinity;
  return Math.abs(a - b);
}
