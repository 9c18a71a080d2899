import type { Problem } from '../problems';
import { loopProblem } from './codes';
import type { Interval } from './interval';
import { moverProduct, moverRatio, moverSum } from './mover';
import { t975 } from './t-quantile';
import { chiSquare95 } from './chi-square-quantile';
import { wilsonFpc } from './wilson-fpc';

/** Below this many errors found in the random group the intervals are flagged (loop.too_few_random_errors). */
export const MIN_RANDOM_ERRORS = 5;

/**
 * Corrected amounts (NOK) over an arm's checked rows whose amount is known: a row checked
 * with no error found counts 0. `rows` defaults to the arm's checked rows and `errors` to its
 * errors; give them when some errors came without an amount.
 */
export interface ArmAmount {
  sum: number;
  sumSq: number;
  rows?: number;
  errors?: number;
  /** Σ log(amount) and Σ log(amount)² over the errors' amounts, when every one is positive: the log-normal interval for the mean amount. */
  logSum?: number;
  logSumSq?: number;
}

/** One arm of the list: rows on it, rows checked (outcome 0 or 1), errors found among them. */
export interface ArmCounts {
  selected: number;
  checked: number;
  errors: number;
  amount?: ArmAmount;
}

/** A point estimate with its 95 % interval; null where a denominator is 0 or nothing was checked. */
export interface Estimate {
  value: number | null;
  ci95: Interval | null;
}

export interface ArmEstimate {
  /** Rows the arm stands for: n_model for the model arm, N − n_model (the pool) for the random arm. */
  population: number;
  selected: number;
  checked: number;
  unchecked: number;
  errors: number;
  /** errors / checked, an estimate of the error rate in `population`. */
  hitRate: Estimate;
  /** Corrected amounts found (sum over the checked rows) and the arm's population total M·mean. */
  amountFound: number | null;
  amountTotal: Estimate | null;
}

export interface LoopEstimates {
  /** N: the scored rows the list was drawn from. */
  rows: number;
  model: ArmEstimate;
  random: ArmEstimate;
  /** (N − n_model)·hit_random. */
  errorsOutside: Estimate;
  /** n_model·hit_model + errorsOutside. */
  totalErrors: Estimate;
  /** n_model·hit_model / totalErrors. */
  recall: Estimate;
  /** hit_model / hit_random. */
  lift: Estimate;
  /** Corrected amounts (NOK), when the counts carried them: the pool's estimated total and the file's. */
  amountOutside: Estimate | null;
  amountTotal: Estimate | null;
  problems: Problem[];
}

/** The methods behind the intervals, as written into estimates.json (interval_method). */
export const INTERVAL_METHOD = {
  hit_rate: 'Wilson score interval with finite-population correction (effective n = c(M-1)/(M-c); zero width when every row was checked)',
  errors_outside: '(N - n_model) x the random arm hit rate interval',
  total_errors: 'MOVER sum of the two arm totals (Zou & Donner 2008)',
  model_recall: 'A/(A+B) from the MOVER interval of B/A on the log scale (Zou & Donner 2008), mapped monotonically',
  lift_model_vs_random: 'MOVER ratio of the two hit rates on the log scale (Zou & Donner 2008)',
  corrected_amount: 'M x mean per arm (Horvitz-Thompson); interval: MOVER product on the log scale of the Wilson-FPC error rate and the mean amount per error (t on the log scale by the delta method, with FPC); total: MOVER sum',
  coverage: 'simulated in src/lib/core/loop/coverage-simulation.test.ts; see README, Outcomes and estimates',
} as const;

const NONE: Estimate = { value: null, ci95: null };

/**
 * Unbiased estimates from a list's two arms (issue 18): the model arm is the n_model
 * highest-risk rows, the random arm a uniform sample without replacement of the other
 * N − n_model scored rows, and the unchecked rows of each arm are missing at random within
 * it — so each arm's checked rows are a simple random sample of its population, and
 * hit = e/c estimates the arm's error rate without bias. Point estimates exactly as the
 * issue gives them; intervals as in INTERVAL_METHOD. Pure arithmetic on counts, so it can be
 * called per segment.
 */
export function estimateLoop(input: { rows: number; model: ArmCounts; random: ArmCounts }): LoopEstimates {
  const N = input.rows;
  const modelPop = input.model.selected;
  const pool = Math.max(0, N - modelPop);
  const model = armEstimate(input.model, modelPop);
  const random = armEstimate(input.random, pool);
  const problems: Problem[] = [];
  if (input.random.selected === 0) problems.push(loopProblem('loop.no_random_arm'));
  if (input.model.selected > 0 && input.model.checked === 0) problems.push(loopProblem('loop.model_arm_unchecked'));
  if (input.random.selected > 0 && input.random.checked === 0) problems.push(loopProblem('loop.random_arm_unchecked'));
  if (input.random.checked > 0 && input.random.errors < MIN_RANDOM_ERRORS) {
    problems.push(loopProblem('loop.too_few_random_errors', { errors: input.random.errors, min: MIN_RANDOM_ERRORS }));
  }

  const p1 = model.hitRate;
  const p0 = random.hitRate;
  const A = scale(p1, modelPop);
  const B = scale(p0, pool);
  const errorsOutside = B;
  let totalErrors = NONE;
  let recall = NONE;
  if (A.value !== null && B.value !== null && A.ci95 && B.ci95) {
    totalErrors = { value: A.value + B.value, ci95: moverSum(A.value, A.ci95, B.value, B.ci95) };
    recall = recallOf(A.value, A.ci95, B.value, B.ci95);
  }
  const lift: Estimate =
    p1.value !== null && p0.value !== null && p0.value > 0 && p1.ci95 && p0.ci95
      ? { value: p1.value / p0.value, ci95: moverRatio(p1.value, p1.ci95, p0.value, p0.ci95) }
      : NONE;

  let amountTotal: Estimate | null = null;
  const amountOutside = random.amountTotal;
  if (model.amountTotal && random.amountTotal) {
    const a = model.amountTotal;
    const b = random.amountTotal;
    amountTotal =
      a.value !== null && b.value !== null
        ? { value: a.value + b.value, ci95: a.ci95 && b.ci95 ? moverSum(a.value, a.ci95, b.value, b.ci95) : null }
        : NONE;
  }
  return { rows: N, model, random, errorsOutside, totalErrors, recall, lift, amountOutside, amountTotal, problems };
}

function armEstimate(c: ArmCounts, population: number): ArmEstimate {
  const value = c.checked > 0 ? c.errors / c.checked : null;
  const hitRate: Estimate = { value, ci95: wilsonFpc(c.errors, c.checked, population) };
  let amountFound: number | null = null;
  let amountTotal: Estimate | null = null;
  if (c.amount) {
    amountFound = c.amount.sum;
    amountTotal = amountEstimate(c.amount, c.checked, c.errors, population);
  }
  return { population, selected: c.selected, checked: c.checked, unchecked: Math.max(0, c.selected - c.checked), errors: c.errors, hitRate, amountFound, amountTotal };
}

function scale(e: Estimate, by: number): Estimate {
  return { value: e.value === null ? null : e.value * by, ci95: e.ci95 ? [e.ci95[0] * by, e.ci95[1] * by] : null };
}

/**
 * recall = A/(A + B) = 1/(1 + B/A), decreasing in B/A: the interval of B/A (moverRatio) maps
 * to recall's. Where the ratio has no interval (A = 0) the bounds come from the two arm
 * intervals' corners, [A_low/(A_low + B_high), A_high/(A_high + B_low)], which hold by
 * monotonicity in each argument.
 */
function recallOf(A: number, iA: Interval, B: number, iB: Interval): Estimate {
  if (A + B <= 0) return NONE;
  const value = A / (A + B);
  const r = moverRatio(B, iB, A, iA);
  if (r) return { value, ci95: [1 / (1 + r[1]), 1 / (1 + r[0])] };
  const lo = iA[0] + iB[1] > 0 ? iA[0] / (iA[0] + iB[1]) : 0;
  const hi = iA[1] + iB[0] > 0 ? iA[1] / (iA[1] + iB[0]) : 1;
  return { value, ci95: [lo, hi] };
}

/**
 * An arm's total corrected amount, M·ȳ over the rows whose amount is known (Horvitz–Thompson
 * with equal inclusion probabilities). ȳ = p̂·μ̂ (error rate × mean amount per error); the
 * interval is the MOVER product on the log scale of Wilson–FPC for p and an interval for μ,
 * times M. For μ: with the logs of the amounts (all positive), the MOVER interval for a
 * log-normal mean (Zou, Huo & Taleban 2009, Environmetrics 20:172: η̂ + s²/2 with a t interval
 * for η and the χ² interval for s²/2, FPC on η's part), else a t interval on the log scale by the
 * delta method (se(log μ̂) = s·√(1 − r/M)/(μ̂·√e)), which covers less (README). Null when fewer
 * than two errors carry an amount or the sum is not positive; exact when every row's amount is known.
 */
function amountEstimate(a: ArmAmount, checked: number, errors: number, M: number): Estimate | null {
  const rows = a.rows ?? checked;
  const e = a.errors ?? errors;
  if (rows <= 0) return NONE;
  const value = (M * a.sum) / rows;
  if (rows >= M) return { value, ci95: [value, value] };
  if (e < 2 || a.sum <= 0) return { value, ci95: null };
  const p = e / rows;
  const pCi = wilsonFpc(e, rows, M)!;
  const fpc = 1 - rows / M;
  const t = t975(e - 1);
  let mu: number;
  let muCi: Interval;
  if (a.logSum !== undefined && a.logSumSq !== undefined) {
    const eta = a.logSum / e;
    const s2 = Math.max(0, (a.logSumSq - (a.logSum * a.logSum) / e) / (e - 1));
    const [chiLow, chiHigh] = chiSquare95(e - 1);
    const etaHalf = t * Math.sqrt((s2 * fpc) / e);
    const half = s2 / 2;
    const halfLow = ((e - 1) * s2) / (2 * chiHigh);
    const halfHigh = ((e - 1) * s2) / (2 * chiLow);
    const centre = eta + half;
    mu = Math.exp(centre);
    muCi = [Math.exp(centre - Math.hypot(etaHalf, half - halfLow)), Math.exp(centre + Math.hypot(etaHalf, halfHigh - half))];
  } else {
    mu = a.sum / e;
    const variance = Math.max(0, (a.sumSq - (a.sum * a.sum) / e) / (e - 1));
    const seLog = Math.sqrt((variance * fpc) / e) / mu;
    muCi = [mu * Math.exp(-t * seLog), mu * Math.exp(t * seLog)];
  }
  const ci = moverProduct(p, pCi, mu, muCi);
  return { value, ci95: [M * ci[0], M * ci[1]] };
}
