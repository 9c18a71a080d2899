/**
 * Counts of probabilities (0–1) in `bins` equal-width bins; NaN (rejected rows) is skipped.
 * Returns counts only: the chart computes scales from them, and a million rows cost one pass.
 */
export function histogram(values: Float32Array | Float64Array, bins: number): Uint32Array {
  const counts = new Uint32Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) continue;
    counts[Math.min(bins - 1, Math.floor(v * bins))]++;
  }
  return counts;
}
