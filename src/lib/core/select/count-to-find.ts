/**
 * The least capacity k whose expected finds reach `goal` (0–1) of all expected finds in the
 * scored file: the smallest k with expected[k] ≥ goal · expected[scored] (capacityPlan's
 * running sums, so capacityAt(plan, k).expectedRecall ≥ goal and at k − 1 it is below).
 * Binary search: expected is non-decreasing. 0 for goal ≤ 0; null when nothing is expected.
 */
export function countToFind(expected: ArrayLike<number>, scored: number, goal: number): number | null {
  const total = expected[scored];
  if (!(total > 0) || !Number.isFinite(goal)) return null;
  if (goal <= 0) return 0;
  const target = Math.min(1, goal) * total;
  let lo = 0;
  let hi = scored;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (expected[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
