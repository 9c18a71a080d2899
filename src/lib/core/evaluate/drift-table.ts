import type { ModelCard } from '../model/card';
import { populationStability } from '../metrics';
import { chiSquareQuantile } from './chi-square';
import { STATUS_REJECTED } from '../csv/row-status';
import type { IngestResult } from '../csv/ingest';

/** The usual reading of the population stability index (Yurdakul 2018, Western Michigan University, ch. 2; Siddiqi 2006, Credit Risk Scorecards, p. 137). */
export type PsiLevel = 'stable' | 'some' | 'major';
export const PSI_SOME = 0.1;
export const PSI_MAJOR = 0.25;

/**
 * A PSI above the 95th percentile of its no-change distribution is read as a shift: with few
 * non-missing values a large PSI can be pure sampling noise (a feature filled in for 50 rows).
 */
export const NOISE_LEVEL = 0.95;

export interface DriftRow {
  /** Index of the feature in the card. */
  feature: number;
  /** Against the card's drift_reference, on the non-missing values; NaN when all are missing. */
  psi: number;
  level: PsiLevel | null;
  /** driftReading(psi, noiseThreshold): what the table and its headline say. */
  reading: DriftReading | null;
  /** PSI that sampling alone exceeds with probability 1 − NOISE_LEVEL; NaN when it cannot be told. */
  noiseThreshold: number;
  /** psi − noiseThreshold, floored at 0: the part of the PSI noise does not explain. */
  excess: number;
  outsideShare: number;
  missingShare: number;
  trainingMissingShare: number;
  /** Mean |SHAP| (log-odds) over explained rows; NaN until explanations exist. */
  importance: number;
}

/**
 * The one reading of a feature's drift, shared by the table's rows and its headline so the two
 * cannot disagree. The noise limit decides whether the feature moved at all; the PSI level only
 * says by how much, so a PSI within noise is never called a large change and a PSI beyond noise
 * is never called stable:
 * - 'stable': below PSI_SOME and within the noise limit (or the limit cannot be told);
 * - 'noise': PSI_SOME or more, but within the noise limit: sampling can explain it (few values);
 * - 'slight': below PSI_SOME, but beyond the noise limit (a large file sees small real shifts);
 * - 'some', 'major': beyond the noise limit (or the limit cannot be told), by the PSI level;
 * - null: no PSI (every value missing).
 */
export type DriftReading = 'stable' | 'noise' | 'slight' | 'some' | 'major';

export function driftReading(psi: number, noiseThreshold: number): DriftReading | null {
  const level = psiLevel(psi);
  if (level === null) return null;
  const beyondNoise = Number.isFinite(noiseThreshold) ? psi > noiseThreshold : level !== 'stable';
  if (!beyondNoise) return level === 'stable' ? 'stable' : 'noise';
  return level === 'stable' ? 'slight' : level;
}

/** Moved more than sampling explains: the rows the headline names. */
export function driftMoved(reading: DriftReading | null): boolean {
  return reading === 'slight' || reading === 'some' || reading === 'major';
}

/** Moved beyond noise by a PSI of PSI_SOME or more: worth a warning. */
export function driftWorrying(reading: DriftReading | null): boolean {
  return reading === 'some' || reading === 'major';
}

export function psiLevel(psi: number): PsiLevel | null {
  if (!Number.isFinite(psi)) return null;
  return psi < PSI_SOME ? 'stable' : psi <= PSI_MAJOR ? 'some' : 'major';
}

/**
 * PSI, share outside the training range and missing share of every feature of a row-major
 * rows × F float32 matrix (NaN missing), on the rows in `subset` (all rows without it).
 *
 * Noise threshold: when nothing has changed, (1/n + 1/N)⁻¹ · PSI is asymptotically χ² with
 * B − 1 degrees of freedom, n and N the non-missing values in the file and in training and B
 * the bins in use (Yurdakul & Naranjo 2020, "Statistical properties of the population
 * stability index", Journal of Risk Model Validation 14(4)).
 */
export function driftTable(
  features: Float32Array,
  rows: number,
  card: ModelCard,
  subset?: Uint32Array,
  importance?: ArrayLike<number> | null,
): DriftRow[] {
  const f = card.features.length;
  const column = new Float32Array(rows);
  return card.features.map((feature, k) => {
    for (let r = 0; r < rows; r++) column[r] = features[r * f + feature.index];
    const t = feature.training;
    const s = populationStability(column, t, subset);
    let bins = 0;
    for (let b = 0; b < s.actual.length; b++) if (!(s.actual[b] === 0 && s.expected[b] === 0)) bins++;
    const nTraining = t.n * (1 - t.missing_share);
    const noiseThreshold =
      bins > 1 && s.nonMissing > 0 && nTraining > 0 ? chiSquareQuantile(NOISE_LEVEL, bins - 1) * (1 / s.nonMissing + 1 / nTraining) : NaN;
    const excess = Number.isFinite(s.psi) ? Math.max(0, s.psi - (Number.isFinite(noiseThreshold) ? noiseThreshold : 0)) : NaN;
    return {
      feature: k,
      psi: s.psi,
      level: psiLevel(s.psi),
      reading: driftReading(s.psi, noiseThreshold),
      noiseThreshold,
      excess,
      outsideShare: s.outsideShare,
      missingShare: s.missingShare,
      trainingMissingShare: t.missing_share,
      importance: importance ? importance[k] : NaN,
    };
  });
}

/**
 * Most worrying first: drift beyond noise weighted by how much the model leans on the feature
 * (mean |SHAP|), so a big shift in a feature the model ignores ranks below a moderate shift in
 * one it relies on; PSI alone until explanations exist. Ties, e.g. every feature within noise,
 * fall back to PSI × importance, then PSI. NaN last.
 */
export function byDriftImpact(rows: readonly DriftRow[]): DriftRow[] {
  const weight = (r: DriftRow) => (Number.isFinite(r.importance) ? r.importance : 1);
  const key = (v: number) => (Number.isFinite(v) ? v : -Infinity);
  return rows
    .slice()
    .sort(
      (a, b) =>
        key(b.excess * weight(b)) - key(a.excess * weight(a)) ||
        key(b.psi * weight(b)) - key(a.psi * weight(a)) ||
        key(b.psi) - key(a.psi) ||
        a.feature - b.feature,
    );
}

/** What the drift table's headline says: the features that moved beyond noise, most worrying first, and whether any is worth a warning. */
export interface DriftHeadline {
  /** Features (card order) that moved (driftMoved), in the order of `rows`. */
  moved: number[];
  worrying: boolean;
}

/** The headline of a drift table already ordered by byDriftImpact: the drift tab and the selection report say the same. */
export function driftHeadline(rows: readonly DriftRow[]): DriftHeadline {
  const moved = rows.filter((r) => driftMoved(r.reading));
  return { moved: moved.map((r) => r.feature), worrying: moved.some((r) => driftWorrying(r.reading)) };
}

/**
 * The drift table of a file as the drift tab and the selection report show it: the rows read
 * into features (all but the rejected ones), within `mask` when given (1 = in the segment),
 * most worrying first (byDriftImpact).
 */
export function fileDriftRows(
  ingest: Pick<IngestResult, 'features' | 'rows' | 'status'>,
  card: ModelCard,
  importance: ArrayLike<number> | null,
  mask?: Uint8Array,
): DriftRow[] {
  const keep = (r: number) => ingest.status[r] !== STATUS_REJECTED && (!mask || mask[r] === 1);
  let m = 0;
  for (let r = 0; r < ingest.rows; r++) if (keep(r)) m++;
  const subset = new Uint32Array(m);
  for (let r = 0, j = 0; r < ingest.rows; r++) if (keep(r)) subset[j++] = r;
  return byDriftImpact(driftTable(ingest.features, ingest.rows, card, subset, importance));
}
