/**
 * Global importance: mean |φ| per feature over the rows explained so far (log-odds), the
 * usual SHAP summary (Lundberg et al. 2020). Rows whose `explained` flag is 0 are skipped,
 * so the chart can be drawn from the early sample and refined as the stream fills in.
 */
export function meanAbsExplained(contrib: Float32Array, f: number, explained: Uint8Array): { importance: Float64Array; rows: number } {
  const stride = f + 1;
  const importance = new Float64Array(f);
  let rows = 0;
  for (let r = 0; r < explained.length; r++) {
    if (!explained[r]) continue;
    rows++;
    const o = r * stride;
    for (let j = 0; j < f; j++) importance[j] += Math.abs(contrib[o + j]);
  }
  if (rows > 0) for (let j = 0; j < f; j++) importance[j] /= rows;
  return { importance, rows };
}

/** Feature indices by descending importance, ties by card order. */
export function byImportance(importance: Float64Array): number[] {
  return Array.from(importance.keys()).sort((a, b) => importance[b] - importance[a] || a - b);
}
