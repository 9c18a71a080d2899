import type { Interval } from './interval';

/**
 * MOVER for a sum of two independent estimates (Zou & Donner 2008, "Construction of
 * confidence limits about effect measures: a general approach", Stat Med 27:1693, eq. 6
 * with the sign of the second term flipped): each side's distance is the root of the sum
 * of squares of the two estimates' distances to their own limits on that side.
 */
export function moverSum(a: number, ia: Interval, b: number, ib: Interval): Interval {
  const low = a + b - Math.hypot(a - ia[0], b - ib[0]);
  const high = a + b + Math.hypot(ia[1] - a, ib[1] - b);
  return [low, high];
}

/**
 * MOVER for a ratio a/b of two independent positive estimates, applied on the log scale
 * (log a − log b; Zou & Donner 2008 §3, the same recovery of variance from each estimate's
 * own limits): unlike the direct MOVER-R formula (Donner & Zou 2012) it stays defined when
 * b's upper limit is more than twice b, which Wilson's interval gives for a handful of
 * errors. Edge cases by monotonicity: a = 0 gives [0, a_high / b_low]; b = 0 or b_low = 0
 * leaves the ratio without an upper bound (null).
 */
export function moverRatio(a: number, ia: Interval, b: number, ib: Interval): Interval | null {
  if (!(b > 0) || !(ib[0] > 0)) return null;
  if (a === 0) return [0, ia[1] / ib[0]];
  if (!(ia[0] > 0)) return [0, ratioHigh(a, ia, b, ib)];
  const la = Math.log(a);
  const lb = Math.log(b);
  const low = la - lb - Math.hypot(la - Math.log(ia[0]), Math.log(ib[1]) - lb);
  return [Math.exp(low), ratioHigh(a, ia, b, ib)];
}

function ratioHigh(a: number, ia: Interval, b: number, ib: Interval): number {
  const la = Math.log(a);
  const lb = Math.log(b);
  return Math.exp(la - lb + Math.hypot(Math.log(ia[1]) - la, lb - Math.log(ib[0])));
}

/**
 * MOVER for a product a·b of two independent non-negative estimates, on the log scale as for
 * the ratio. A zero estimate gives [0, a_high·b_high]; a zero lower limit, a lower bound of 0.
 */
export function moverProduct(a: number, ia: Interval, b: number, ib: Interval): Interval {
  if (!(a > 0) || !(b > 0)) return [0, ia[1] * ib[1]];
  const la = Math.log(a);
  const lb = Math.log(b);
  const high = Math.exp(la + lb + Math.hypot(Math.log(ia[1]) - la, Math.log(ib[1]) - lb));
  if (!(ia[0] > 0) || !(ib[0] > 0)) return [0, high];
  return [Math.exp(la + lb - Math.hypot(la - Math.log(ia[0]), lb - Math.log(ib[0]))), high];
}
