/**
 * The SHAP summary ("beeswarm") plot as a density, so it costs the same for 2,000 rows and
 * for 1,000,000: for one feature, φ values fall in `bins` equal-width bins over `domain`
 * (log-odds), and each bin keeps its count and the mean colour position of its rows'
 * feature values. Colour position 0–1 runs from the feature's 5th to its 95th training
 * percentile (from the model card), as shap's own summary plot clips colours at the 5th and
 * 95th percentiles; missing values get NaN and are drawn grey.
 */
export interface BeeswarmStrip {
  counts: Uint32Array;
  /** Mean colour position (0–1) of the rows in each bin, NaN when all are missing. */
  colour: Float32Array;
  /** Rows with a missing value in each bin. */
  missing: Uint32Array;
}

export function beeswarmStrip(
  contrib: Float32Array,
  features: Float32Array,
  f: number,
  feature: number,
  rows: ArrayLike<number>,
  domain: [number, number],
  bins: number,
  low: number,
  high: number,
): BeeswarmStrip {
  const counts = new Uint32Array(bins);
  const colourSum = new Float64Array(bins);
  const coloured = new Uint32Array(bins);
  const missing = new Uint32Array(bins);
  const [lo, hi] = domain;
  const span = hi - lo || 1;
  const range = high - low;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const phi = contrib[r * (f + 1) + feature];
    if (Number.isNaN(phi)) continue;
    const b = Math.max(0, Math.min(bins - 1, Math.floor(((phi - lo) / span) * bins)));
    counts[b]++;
    const v = features[r * f + feature];
    if (Number.isNaN(v)) missing[b]++;
    else {
      colourSum[b] += range > 0 ? Math.max(0, Math.min(1, (v - low) / range)) : 0.5;
      coloured[b]++;
    }
  }
  const colour = new Float32Array(bins);
  for (let b = 0; b < bins; b++) colour[b] = coloured[b] ? colourSum[b] / coloured[b] : NaN;
  return { counts, colour, missing };
}

/** The range of φ over the given rows and features, for a shared x axis. */
export function contribExtent(contrib: Float32Array, f: number, features: readonly number[], rows: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < rows.length; k++) {
    const o = rows[k] * (f + 1);
    for (const j of features) {
      const v = contrib[o + j];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [Math.min(lo, 0), Math.max(hi, 0)] : [-1, 1];
}

/** What colourLimits reads of a feature: its training range and quantiles (the model card's shape). */
export interface TrainingRange {
  training: { min: number; max: number; quantiles: { probs: readonly number[]; values: readonly number[] } };
}

/**
 * Each feature's colour range, low to high: its 5th and 95th training percentiles (the card's
 * quantile probs include 0.05 and 0.95), or its training min and max when those are missing
 * or do not span a range.
 */
export function colourLimits(features: readonly TrainingRange[]): [number, number][] {
  return features.map(({ training }) => {
    const q = training.quantiles;
    const at = (p: number) => q.values[q.probs.findIndex((v) => Math.abs(v - p) < 1e-9)] ?? NaN;
    const lo = at(0.05);
    const hi = at(0.95);
    return Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? [lo, hi] : [training.min, training.max];
  });
}
