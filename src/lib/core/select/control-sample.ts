import { scoredCount } from '../metrics/rank-order';
import type { NumberColumn } from '../metrics/types';
import { problem, type Problem } from '../problems';
import { Xoshiro128StarStar } from './xoshiro128';

/** Selection type of a row: not selected, chosen by the model, or drawn for the random control group. */
export const NOT_SELECTED = 0;
export const BY_MODEL = 1;
export const RANDOM_CONTROL = 2;
export type SelectionKind = typeof NOT_SELECTED | typeof BY_MODEL | typeof RANDOM_CONTROL;

/**
 * 'grouped': the model's rows by descending risk, then the control rows in file order.
 * 'shuffled': the whole list in a seeded random order, so a caseworker cannot tell a control
 * return from its place in the list (blinding, as in a controlled trial).
 */
export type ListOrder = 'grouped' | 'shuffled';

export interface SelectionOptions {
  /** Returns that can be checked this season (a count of rows). */
  capacity: number;
  /** Share (0–1) of the capacity given to the random control group. */
  controlShare: number;
  /** Non-negative integer below 2^64; the same seed gives the same list. */
  seed: number | bigint;
  listOrder?: ListOrder;
}

export interface Selection {
  /** The final list: row indices in the order the list is handed out. */
  rows: Uint32Array;
  /** Selection type at each position of `rows` (BY_MODEL or RANDOM_CONTROL). */
  kind: Uint8Array;
  /** Selection type of every row of the file, NOT_SELECTED for rows not on the list. */
  kindByRow: Uint8Array;
  modelCount: number;
  controlCount: number;
  /** A warning when the file has fewer scored rows than the capacity. */
  problems: Problem[];
}

/**
 * The list to check: the capacity less a control share goes to the highest-risk scored rows
 * (ranking `order` from rankOrder), the rest is a simple random sample, without replacement,
 * of the scored rows outside the model's part. The control group gives an unbiased estimate
 * of the error rate among returns the model would not have chosen — what lets the agency
 * measure lift, as the student-loan agency's 2018 trial did (11.6 % failures among
 * model-selected against 5.5 % in a random control group).
 *
 * Deterministic: the same ranking, capacity, share and seed give the same list in Node and
 * in every browser (xoshiro128** seeded by SplitMix64; bounded draws by rejection; partial
 * Fisher–Yates, Knuth TAOCP vol. 2 §3.4.2 Algorithm P, over the candidates in rank order).
 * The control count is round(capacity × controlShare), half up. O(capacity) time and memory
 * beyond the two output columns.
 */
export function selectWithControl(order: Uint32Array, prob: NumberColumn, options: SelectionOptions): Selection {
  const { controlShare, seed } = options;
  if (!(controlShare >= 0 && controlShare <= 1)) throw new RangeError(`controlShare must be in 0..1, got ${controlShare}`);
  if (!(Number.isInteger(options.capacity) && options.capacity >= 0)) {
    throw new RangeError(`capacity must be a non-negative integer, got ${options.capacity}`);
  }
  const problems: Problem[] = [];
  const scored = scoredCount(order, prob);
  let capacity = options.capacity;
  if (capacity > scored) {
    problems.push(problem('select.capacity_above_scored', 'warning', { params: { capacity, scored } }));
    capacity = scored;
  }
  // With the capacity clamped to the scored rows the pool (scored − modelCount) always holds
  // at least controlCount rows.
  const controlCount = Math.floor(capacity * controlShare + 0.5);
  const modelCount = capacity - controlCount;
  const candidates = scored - modelCount;

  const rng = Xoshiro128StarStar.fromSeed(seed);
  const control = sampleWithoutReplacement(rng, candidates, controlCount);
  for (let i = 0; i < controlCount; i++) control[i] = order[modelCount + control[i]];

  const size = modelCount + controlCount;
  const rows = new Uint32Array(size);
  const kind = new Uint8Array(size);
  rows.set(order.subarray(0, modelCount));
  kind.fill(BY_MODEL, 0, modelCount);
  rows.set(control.sort(), modelCount);
  kind.fill(RANDOM_CONTROL, modelCount);
  if ((options.listOrder ?? 'grouped') === 'shuffled') shuffleTogether(rng, rows, kind);

  const kindByRow = new Uint8Array(prob.length);
  for (let i = 0; i < size; i++) kindByRow[rows[i]] = kind[i];
  return { rows, kind, kindByRow, modelCount, controlCount, problems };
}

/**
 * c distinct integers from 0..m-1, in draw order: the first c steps of a Fisher–Yates shuffle
 * of 0..m-1, with the displaced entries kept in a Map so memory is O(c), not O(m).
 */
function sampleWithoutReplacement(rng: Xoshiro128StarStar, m: number, c: number): Uint32Array {
  const out = new Uint32Array(c);
  const moved = new Map<number, number>();
  for (let i = 0; i < c; i++) {
    const j = i + rng.below(m - i);
    const atJ = moved.get(j) ?? j;
    out[i] = atJ;
    moved.set(j, moved.get(i) ?? i);
  }
  return out;
}

function shuffleTogether(rng: Xoshiro128StarStar, rows: Uint32Array, kind: Uint8Array): void {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
    [kind[i], kind[j]] = [kind[j], kind[i]];
  }
}
