import { rankOrder } from '../metrics/rank-order';
import type { NumberColumn } from '../metrics/types';
import { pairedOrder } from './paired-order';
import { Z_975 } from './normal-quantile';

/** Two correlated ROC AUCs on the same rows and the paired test of their difference. */
export interface DelongPaired {
  /** Labelled rows both models scored, with outcome 1 / 0. */
  positives: number;
  negatives: number;
  /** AUC of model A (the champion), 0–1: P(score of a positive > a negative's), ties ½. */
  aucA: number;
  /** AUC of model B (the challenger). */
  aucB: number;
  /** aucB − aucA. */
  difference: number;
  /** DeLong's variance of the difference; NaN with fewer than two positives or negatives. */
  variance: number;
  /** √variance. */
  se: number;
  /** difference ± Φ⁻¹(0.975)·se, the normal 95 % interval; [NaN, NaN] without a variance. */
  ci95: [number, number];
}

/**
 * Paired comparison of two AUCs on the rows where both scores are finite and the label is 0/1:
 * DeLong, DeLong & Clarke-Pearson (1988), "Comparing the areas under two or more correlated
 * receiver operating characteristic curves: a nonparametric approach", Biometrics 44(3):837–845.
 * Each positive's structural component V10 is the share of negatives it outscores, each
 * negative's V01 the share of positives that outscore it (ties ½); the AUC is their mean, and
 * var(θB − θA) = (S10_AA + S10_BB − 2·S10_AB)/m + (S01_AA + S01_BB − 2·S01_AB)/n with S the
 * sample covariances (divisor m − 1, n − 1) of the components over positives (m) and negatives (n).
 * The components come from one pass over each model's sorted scores, the O(n log n) route of
 * Sun & Xu (2014), "Fast implementation of DeLong's algorithm for comparing the areas under
 * correlated receiver operating characteristic curves", IEEE Signal Processing Letters 21(11):1389–1393,
 * instead of the paper's O(m·n) pairs.
 */
export function delongPaired(scoresA: NumberColumn, scoresB: NumberColumn, labels: NumberColumn): DelongPaired {
  const orderA = pairedOrder(scoresA, scoresB, labels, rankOrder(scoresA));
  const orderB = pairedOrder(scoresB, scoresA, labels, rankOrder(scoresB));
  return delongOfOrders(scoresA, scoresB, labels, orderA, orderB);
}

/** The same from two paired, labelled orders of the same rows (pairedOrder with labels). */
export function delongOfOrders(
  a: NumberColumn,
  b: NumberColumn,
  label: NumberColumn,
  orderA: Uint32Array,
  orderB: Uint32Array,
  scratch?: { compA: Float64Array; compB: Float64Array },
): DelongPaired {
  let m = 0;
  for (let i = 0; i < orderA.length; i++) if (label[orderA[i]] === 1) m++;
  const n = orderA.length - m;
  const compA = components(orderA, a, label, m, n, scratch?.compA ?? new Float64Array(a.length));
  const compB = components(orderB, b, label, m, n, scratch?.compB ?? new Float64Array(b.length));
  if (m === 0 || n === 0) {
    return { positives: m, negatives: n, aucA: NaN, aucB: NaN, difference: NaN, variance: NaN, se: NaN, ci95: [NaN, NaN] };
  }
  // Means first, then centred sums: two passes keep the covariances accurate at 10^6 rows.
  let pa = 0;
  let pb = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < orderA.length; i++) {
    const r = orderA[i];
    if (label[r] === 1) {
      pa += compA[r];
      pb += compB[r];
    } else {
      na += compA[r];
      nb += compB[r];
    }
  }
  pa /= m;
  pb /= m;
  na /= n;
  nb /= n;
  // S_AA + S_BB − 2·S_AB = the variance of the componentwise difference.
  let s10 = 0;
  let s01 = 0;
  for (let i = 0; i < orderA.length; i++) {
    const r = orderA[i];
    if (label[r] === 1) {
      const d = compB[r] - pb - (compA[r] - pa);
      s10 += d * d;
    } else {
      const d = compB[r] - nb - (compA[r] - na);
      s01 += d * d;
    }
  }
  const variance = m > 1 && n > 1 ? s10 / (m - 1) / m + s01 / (n - 1) / n : NaN;
  const se = Math.sqrt(variance);
  const difference = pb - pa;
  return {
    positives: m,
    negatives: n,
    aucA: pa,
    aucB: pb,
    difference,
    variance,
    se,
    ci95: [difference - Z_975 * se, difference + Z_975 * se],
  };
}

/**
 * Structural components into `out[row]`, walking the descending order one group of tied scores
 * at a time: a positive's V10 = (negatives below + ½ negatives tied) / n, a negative's
 * V01 = (positives above + ½ positives tied) / m.
 */
function components(order: Uint32Array, score: NumberColumn, label: NumberColumn, m: number, n: number, out: Float64Array): Float64Array {
  let posAbove = 0;
  let negAbove = 0;
  let i = 0;
  while (i < order.length) {
    const v = score[order[i]];
    let j = i;
    let pos = 0;
    let neg = 0;
    while (j < order.length && score[order[j]] === v) {
      if (label[order[j]] === 1) pos++;
      else neg++;
      j++;
    }
    const v10 = (n - negAbove - neg + neg / 2) / n;
    const v01 = (posAbove + pos / 2) / m;
    for (let t = i; t < j; t++) {
      const r = order[t];
      out[r] = label[r] === 1 ? v10 : v01;
    }
    posAbove += pos;
    negAbove += neg;
    i = j;
  }
  return out;
}
