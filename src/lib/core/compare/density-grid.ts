import type { NumberColumn } from '../metrics/types';

/** Counts of rows per cell of the unit square of (champion, challenger) probabilities. */
export interface DensityGrid {
  /** Cells per axis. */
  bins: number;
  /**
   * bins × bins counts, row-major by challenger: cell (x, y) at y·bins + x, x the champion's
   * bin and y the challenger's; bin i holds probabilities in [i/bins, (i+1)/bins), the last one
   * also 1. Probabilities outside 0–1 fall in the end bins.
   */
  counts: Uint32Array;
  /** The largest count, for a colour scale. */
  max: number;
  /** Rows counted: both probabilities finite. */
  rows: number;
}

/** Past this many rows a scatter draws the density grid instead of points: a few thousand dots is what a chart can still tell apart. */
export const DENSITY_FROM_ROWS = 5000;

/** The 2-D histogram behind the comparison scatter for large files; O(n), charts only draw it. */
export function densityGrid(champion: NumberColumn, challenger: NumberColumn, bins = 64): DensityGrid {
  if (!(Number.isInteger(bins) && bins > 0)) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const counts = new Uint32Array(bins * bins);
  const n = Math.min(champion.length, challenger.length);
  let rows = 0;
  for (let r = 0; r < n; r++) {
    const a = champion[r];
    const b = challenger[r];
    if (!(Number.isFinite(a) && Number.isFinite(b))) continue;
    counts[bin(b, bins) * bins + bin(a, bins)]++;
    rows++;
  }
  let max = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] > max) max = counts[i];
  return { bins, counts, max, rows };
}

function bin(p: number, bins: number): number {
  const i = Math.floor(p * bins);
  return i < 0 ? 0 : i >= bins ? bins - 1 : i;
}
