import type { NumberColumn } from '../metrics/types';
import { poissonBootstrapSums, quantileSorted } from './poisson-bootstrap';

/** Resamples and seed of the bootstrap of the difference in errors found. */
export interface BootstrapOptions {
  /** Default 2,000. */
  resamples?: number;
  /** A 64-bit unsigned seed; default 0. */
  seed?: number | bigint;
}

export const BOOTSTRAP_RESAMPLES = 2000;

/** Known positives on each model's list of the first k rows, and their difference. */
export interface FoundAtCapacity {
  /** Rows on the champion's list whose outcome is 1 (a count). */
  champion: number;
  /** Rows on the challenger's list whose outcome is 1. */
  challenger: number;
  /** Rows on the champion's list with a known outcome (0 or 1). */
  championLabelled: number;
  /** Rows on the challenger's list with a known outcome. */
  challengerLabelled: number;
  /** challenger − champion, with the 2.5 % and 97.5 % percentiles of its Poisson bootstrap over rows. */
  difference: { value: number; ci95: [number, number] };
}

/**
 * Errors found at capacity by each list, counted on known outcomes only: a listed row without a
 * label counts as found by neither (its outcome is unknown), so with labels on a subset the
 * figures are the positives among the labelled rows each list takes. The difference is paired:
 * only rows on one list and not the other change it (+1 for a positive entering, −1 for a
 * positive leaving), and the bootstrap resamples rows with one weight per row for both models
 * (poissonBootstrapSums), so the interval is that of the difference, not of two separate counts.
 * `entering`/`leaving` as topLists gives them; every list in rows, any order. O(k + B·s), s the
 * swapped positives.
 */
export function foundAtCapacity(
  label: NumberColumn,
  championTop: ArrayLike<number>,
  challengerTop: ArrayLike<number>,
  entering: ArrayLike<number>,
  leaving: ArrayLike<number>,
  options: BootstrapOptions = {},
): FoundAtCapacity {
  const a = countKnown(label, championTop);
  const b = countKnown(label, challengerTop);
  const swapped: number[] = [];
  for (let i = 0; i < entering.length; i++) if (label[entering[i]] === 1) swapped.push(entering[i]);
  const gained = swapped.length;
  for (let i = 0; i < leaving.length; i++) if (label[leaving[i]] === 1) swapped.push(leaving[i]);
  const sign = new Map<number, number>();
  swapped.forEach((row, i) => sign.set(row, i < gained ? 1 : -1));
  // Rows in ascending order: the documented order in which the bootstrap draws their weights.
  const rows = Uint32Array.from(swapped).sort();
  const values = Float64Array.from(rows, (r) => sign.get(r)!);
  const sums = poissonBootstrapSums(values, options.resamples ?? BOOTSTRAP_RESAMPLES, options.seed ?? 0);
  return {
    champion: a.positives,
    challenger: b.positives,
    championLabelled: a.labelled,
    challengerLabelled: b.labelled,
    difference: { value: b.positives - a.positives, ci95: [quantileSorted(sums, 0.025), quantileSorted(sums, 0.975)] },
  };
}

function countKnown(label: NumberColumn, rows: ArrayLike<number>): { positives: number; labelled: number } {
  let positives = 0;
  let labelled = 0;
  for (let i = 0; i < rows.length; i++) {
    const y = label[rows[i]];
    if (y === 1) positives++;
    if (y === 0 || y === 1) labelled++;
  }
  return { positives, labelled };
}
