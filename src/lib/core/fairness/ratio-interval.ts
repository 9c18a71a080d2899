import type { Share } from './wilson';

/**
 * The ratio of two independent proportions p1 / p2 with a 95 % interval by MOVER-R (the method
 * of variance estimates recovery for a ratio, Donner & Zou 2012, Statistical Methods in
 * Medical Research 21(4):347–359, eq. 5; Newcombe 2013, "Confidence Intervals for
 * Proportions and Related Measures of Effect Size", §10.4), built from each share's Wilson
 * interval (l, u):
 *   lower = (p1·p2 − √((p1·p2)² − l1·u2·(2p1 − l1)·(2p2 − u2))) / (u2·(2p2 − u2))
 *   upper = (p1·p2 + √((p1·p2)² − u1·l2·(2p1 − u1)·(2p2 − l2))) / (l2·(2p2 − l2))
 * Unlike the Katz log interval it stays finite when p1 is 0. NaN when p2 is 0 or unknown;
 * the upper end is +∞ when the reference's lower end is 0.
 */
export function ratioInterval(a: Share, b: Share): { value: number; ci95: [number, number] } {
  const p1 = a.value;
  const p2 = b.value;
  if (!(p2 > 0) || Number.isNaN(p1)) return { value: NaN, ci95: [NaN, NaN] };
  const [l1, u1] = a.ci95;
  const [l2, u2] = b.ci95;
  const pp = p1 * p2;
  const lower = (pp - Math.sqrt(Math.max(0, pp * pp - l1 * u2 * (2 * p1 - l1) * (2 * p2 - u2)))) / (u2 * (2 * p2 - u2));
  const denomUpper = l2 * (2 * p2 - l2);
  const upper = denomUpper > 0 ? (pp + Math.sqrt(Math.max(0, pp * pp - u1 * l2 * (2 * p1 - u1) * (2 * p2 - l2)))) / denomUpper : Infinity;
  return { value: p1 / p2, ci95: [Math.max(0, lower), upper] };
}
