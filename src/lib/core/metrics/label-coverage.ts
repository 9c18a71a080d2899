import { scoredCount } from './rank-order';
import { isLabel, type NumberColumn } from './types';

/** One score decile of the scored rows: how many have a known outcome, and what it says. */
export interface DecileCoverage {
  /** 1 = the tenth with the highest scores. */
  decile: number;
  rows: number;
  labelled: number;
  /** labelled / rows. */
  coverage: number;
  positives: number;
  /** positives / labelled; NaN when nothing is labelled. */
  observedRate: number;
  meanProbability: number;
  minProbability: number;
  maxProbability: number;
}

/**
 * Label coverage by score decile. Outcomes exist only for returns someone chose to control,
 * so when coverage rises with the score the observed rates are selection-biased: metrics on
 * the labelled rows describe the controlled population, not the file (the "selective labels"
 * problem, Lakkaraju et al. 2017, KDD, doi:10.1145/3097983.3098066). The UI shows this table
 * with that note. Deciles split the scored rows in rank order into `groups` parts whose sizes
 * differ by at most one (tied scores may straddle a boundary). O(n) given the ranking.
 */
export function labelCoverageByDecile(
  order: Uint32Array,
  prob: NumberColumn,
  label: NumberColumn,
  groups = 10,
): DecileCoverage[] {
  const n = scoredCount(order, prob);
  const out: DecileCoverage[] = [];
  for (let d = 0; d < groups; d++) {
    const a = Math.floor((d * n) / groups);
    const b = Math.floor(((d + 1) * n) / groups);
    let labelled = 0;
    let positives = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = a; i < b; i++) {
      const r = order[i];
      const p = prob[r];
      sum += p;
      if (p < min) min = p;
      if (p > max) max = p;
      const y = label[r];
      if (isLabel(y)) {
        labelled++;
        positives += y;
      }
    }
    const rows = b - a;
    out.push({
      decile: d + 1,
      rows,
      labelled,
      coverage: rows > 0 ? labelled / rows : NaN,
      positives,
      observedRate: labelled > 0 ? positives / labelled : NaN,
      meanProbability: rows > 0 ? sum / rows : NaN,
      minProbability: rows > 0 ? min : NaN,
      maxProbability: rows > 0 ? max : NaN,
    });
  }
  return out;
}
