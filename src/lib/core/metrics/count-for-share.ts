/**
 * Number of rows in a share (0–1) of n rows, rounded half up and clamped to 0..n: "check 25 %"
 * of 1,001 scored returns is 250 returns. One rule for gains, capacity and segments, so a
 * figure shown at a share is always the figure at the same count.
 */
export function countForShare(share: number, n: number): number {
  if (!(share > 0) || n <= 0) return 0;
  if (share >= 1) return n;
  return Math.min(n, Math.floor(share * n + 0.5));
}
