/**
 * A capacity as the number of rows a selection takes: rounded to a whole row and clamped to
 * 0..scored (NaN gives 0). The one rule for the planner, its capacity field, capacityAt,
 * atCapacity and metricsBySegment, which floored or rounded each on its own.
 *
 * Rounding, not flooring: Math.round, halves up, as countForShare turns a share into a count.
 * Every capacity that reaches here is already whole (countForShare, or a typed count rounded
 * by the capacity field), so existing tests give the same figures under either rule; but a
 * whole count computed in floating point as 249.99999999 must stay 250, which only rounding keeps.
 */
export function clampCapacity(capacity: number, scored: number): number {
  if (!(capacity > 0) || scored <= 0) return 0;
  return Math.min(scored, Math.round(capacity));
}
