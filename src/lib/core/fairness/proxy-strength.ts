import type { FeatureKind } from '../model/card';
import type { Groups } from './groups';
import { proxyOfColumn, type Binning, type ProxyColumn } from './proxy-column';

/** The `feature` of the model's score in a ProxyRow. */
export const SCORE = -1;

/**
 * A proxy at least this strong tells a group from the rest about as well as a screening test
 * rated "acceptable discrimination" (AUC 0.7–0.8; Hosmer, Lemeshow & Sturdivant, Applied
 * Logistic Regression, 3rd ed. 2013, §5.2.4). A convention, not a legal limit.
 */
export const STRONG_PROXY = 0.7;

/** A strong proxy is worth a sentence when it is among the model's this many most important features. */
export const TOP_DRIVERS = 5;

/** One feature's (or the score's) proxy strength for the sensitive column. */
export interface ProxyRow extends ProxyColumn {
  /** Feature index in card order; SCORE (-1) for the model's score. */
  feature: number;
}

/** Deciles for continuous and integer features (and the score), one bin per value for binary, ordinal and categorical ones. */
export function binningOf(kind: FeatureKind): Binning {
  return kind === 'continuous' || kind === 'integer' ? 'deciles' : 'values';
}

/** Feature k of every row, out of the row-major rows × f matrix. */
export function featureColumn(features: Float32Array, f: number, k: number): Float32Array {
  const n = Math.floor(features.length / f);
  const out = new Float32Array(n);
  for (let r = 0; r < n; r++) out[r] = features[r * f + k];
  return out;
}

/** The rows with a score: the population every proxy figure is measured on. */
export function scoredRows(prob: ArrayLike<number>): Uint32Array {
  let n = 0;
  for (let r = 0; r < prob.length; r++) if (!Number.isNaN(prob[r])) n++;
  const out = new Uint32Array(n);
  for (let r = 0, i = 0; r < prob.length; r++) if (!Number.isNaN(prob[r])) out[i++] = r;
  return out;
}

/**
 * The proxy row of column `feature` (SCORE for the score): one sort, every group's AUC, the NMI.
 * The page calls it one column at a time so it can yield between columns.
 */
export function proxyRow(feature: number, features: Float32Array, kinds: readonly FeatureKind[], prob: Float32Array, rows: Uint32Array, groups: Groups): ProxyRow {
  const values = feature === SCORE ? prob : featureColumn(features, kinds.length, feature);
  const binning = feature === SCORE ? 'deciles' : binningOf(kinds[feature]);
  return { feature, ...proxyOfColumn(values, rows, groups.codes, groups.names.length, binning) };
}

/** Every feature's proxy row in card order, then the score's. */
export function proxyRows(features: Float32Array, kinds: readonly FeatureKind[], prob: Float32Array, groups: Groups): ProxyRow[] {
  const rows = scoredRows(prob);
  return [...kinds.map((_, k) => k), SCORE].map((k) => proxyRow(k, features, kinds, prob, rows, groups));
}

/** A strong proxy that is also one of the model's most important drivers. */
export interface ProxyFinding {
  feature: number;
  /** Group index (Groups.names) the feature tells apart best, its AUC for membership (below 0.5: low values point to the group), and max(AUC, 1 − AUC). */
  group: number;
  auc: number;
  strength: number;
  /** 0-based place in the importance ranking (0 = the most important driver). */
  rank: number;
}

/**
 * Features with strength ≥ STRONG_PROXY among the TOP_DRIVERS by importance (mean |φ|), most
 * important first. `importance` is in card order; a feature without importance is never top.
 */
export function strongProxyDrivers(rows: readonly ProxyRow[], importance: ArrayLike<number>): ProxyFinding[] {
  const ranking = Array.from({ length: importance.length }, (_, k) => k)
    .filter((k) => importance[k] > 0)
    .sort((a, b) => importance[b] - importance[a] || a - b);
  const out: ProxyFinding[] = [];
  ranking.slice(0, TOP_DRIVERS).forEach((k, rank) => {
    const row = rows.find((r) => r.feature === k);
    if (row && row.strength >= STRONG_PROXY) out.push({ feature: k, group: row.group, auc: row.auc[row.group], strength: row.strength, rank });
  });
  return out;
}

/** Each feature's share of the summed importance (mean |φ| / Σ mean |φ|); NaN when all are 0. */
export function importanceShares(importance: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let k = 0; k < importance.length; k++) total += importance[k];
  return Float64Array.from({ length: importance.length }, (_, k) => (total > 0 ? importance[k] / total : NaN));
}
