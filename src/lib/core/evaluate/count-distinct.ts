/**
 * Adds a slice of a text column's values to `seen`, and stops once it holds more than `cap`:
 * past that a column is no segment (segmentSources), so its exact count is never needed. Fed
 * slice by slice as a column arrives on the page (engine-pool.ts), it leaves the same
 * `seen.size` as one pass over the whole column, and segmentSources need not scan a million
 * cells in the task that shows a scored file.
 */
export function countDistinct(seen: Set<string>, values: readonly string[], cap: number): void {
  for (let i = 0; i < values.length && seen.size <= cap; i++) seen.add(values[i]);
}
