/**
 * Coverage of the 95 % intervals of estimateLoop by simulation (issue 18, "Done when"): the
 * whole chain on simulated files whose every row's error and amount are known. Per
 * replication: a new file of N rows with a risk score; errors drawn with a probability that
 * rises with the score; the model arm = the n_model highest scores; the random arm = a uniform
 * sample without replacement of the other rows; each listed row left unchecked at random;
 * estimates from the counts; each interval checked against the file's own truth (finite
 * population: the actual number of errors and amount in the file). An interval that cannot
 * be computed counts as a miss.
 *
 * The scenarios were fixed before any result was seen (base rate 3–5 %, DOMAIN.md; N 10⁴–10⁵;
 * capacity 2–10 %; control share 0.1–0.3; 0–20 % unchecked), chosen so the random group
 * expects at least about nine errors. Two more scenarios sit in the small-sample regime
 * (expected random-group errors below 5), where no discrete interval holds 95 %: those are
 * measured and printed, and the test only asks that the app flags them
 * (loop.too_few_random_errors) — their coverage is documented in the README, not asserted.
 */
import { describe, expect, test } from 'vitest';
import { Xoshiro128StarStar } from '../select/xoshiro128';
import { estimateLoop, type Estimate } from './estimate-loop';

interface Scenario {
  name: string;
  rows: number;
  baseRate: number;
  capacity: number;
  controlShare: number;
  unchecked: number;
  /** How the amounts of errors are drawn: log-normal (the default), or 1,000 + exponential (mean 12,000) to see how the log-normal interval fares off its assumption. */
  amounts?: 'log-normal' | 'exponential';
}

const MAIN: Scenario[] = [
  { name: 'S1', rows: 20_000, baseRate: 0.04, capacity: 0.1, controlShare: 0.2, unchecked: 0.1 },
  { name: 'S2', rows: 50_000, baseRate: 0.03, capacity: 0.05, controlShare: 0.3, unchecked: 0.2 },
  { name: 'S3', rows: 100_000, baseRate: 0.05, capacity: 0.02, controlShare: 0.1, unchecked: 0 },
  { name: 'S4', rows: 10_000, baseRate: 0.05, capacity: 0.1, controlShare: 0.3, unchecked: 0.05 },
  { name: 'S5', rows: 100_000, baseRate: 0.03, capacity: 0.1, controlShare: 0.2, unchecked: 0.15 },
];
const SMALL: Scenario[] = [
  { name: 'T1', rows: 10_000, baseRate: 0.03, capacity: 0.02, controlShare: 0.1, unchecked: 0.1 },
  { name: 'T2', rows: 20_000, baseRate: 0.04, capacity: 0.05, controlShare: 0.1, unchecked: 0 },
];
/** Main scenarios again with amounts that are not log-normal: measured and printed, not asserted (README). */
const OFF_MODEL: Scenario[] = [
  { ...MAIN[1], name: 'S2e', amounts: 'exponential' },
  { ...MAIN[4], name: 'S5e', amounts: 'exponential' },
];
const REPLICATIONS = 2000;
/** Slope of the log-odds of an error on the logit of the score's percentile: AUC ≈ 0.75. */
const SLOPE = 1.2;
/** Amount per error: log-normal, median NOK 12,000, σ 0.9 on the log scale (an assumption: no real amounts exist). */
const AMOUNT_MEDIAN = 12_000;
const AMOUNT_SIGMA = 0.9;

const KEYS = ['hit_model', 'hit_random', 'errors_outside', 'total_errors', 'recall', 'lift', 'amount_outside', 'amount_total'] as const;
type Key = (typeof KEYS)[number];

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The intercept giving the base rate on average over u ~ U(0,1) (bisection on a midpoint grid). */
function intercept(baseRate: number): number {
  const grid = 20_000;
  const mean = (a: number) => {
    let s = 0;
    for (let i = 0; i < grid; i++) {
      const u = (i + 0.5) / grid;
      s += logistic(a + SLOPE * Math.log(u / (1 - u)));
    }
    return s / grid;
  };
  let lo = -15;
  let hi = 5;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < baseRate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

class Random {
  private readonly g: Xoshiro128StarStar;
  constructor(seed: number) {
    this.g = Xoshiro128StarStar.fromSeed(seed);
  }
  uniform(): number {
    return (this.g.nextUint32() + 0.5) / 4294967296;
  }
  normal(): number {
    // Box–Muller; one value per call is enough here.
    return Math.sqrt(-2 * Math.log(this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  }
  below(n: number): number {
    return this.g.below(n);
  }
}

function covers(e: Estimate | null, truth: number): boolean {
  if (!e?.ci95) return false;
  // A relative tolerance for rounding in the zero-width intervals of fully checked arms.
  const slack = 1e-9 * Math.max(1, Math.abs(truth));
  return e.ci95[0] - slack <= truth && truth <= e.ci95[1] + slack;
}

interface Measured {
  coverage: Record<Key, number>;
  /** Every model-arm row checked: its hit rate is known, its interval has zero width and covers always. */
  exactModelArm: boolean;
  meanRandomErrors: number;
  flagged: number;
}

function simulate(s: Scenario, seed: number): Measured {
  const rng = new Random(seed);
  const a = intercept(s.baseRate);
  const N = s.rows;
  const listed = Math.round(N * s.capacity);
  const control = Math.floor(listed * s.controlShare + 0.5);
  const nModel = listed - control;
  const pool = N - nModel;
  const error = new Uint8Array(N);
  const amount = new Float64Array(N);
  // The score only orders the rows: row r (0 = highest) sits at percentile u = 1 − (r + ½)/N,
  // and its chance of an error is fixed by that; each replication draws the errors anew.
  const chance = new Float64Array(N);
  for (let r = 0; r < N; r++) {
    const u = 1 - (r + 0.5) / N;
    chance[r] = logistic(a + SLOPE * Math.log(u / (1 - u)));
  }
  const hits: Record<Key, number> = Object.fromEntries(KEYS.map((k) => [k, 0])) as Record<Key, number>;
  let randomErrors = 0;
  const exact = { hit_model: false };
  let flagged = 0;
  const muLog = Math.log(AMOUNT_MEDIAN);
  for (let rep = 0; rep < REPLICATIONS; rep++) {
    let E1 = 0, E0 = 0, A1 = 0, A0 = 0;
    for (let r = 0; r < N; r++) {
      const bad = rng.uniform() < chance[r] ? 1 : 0;
      error[r] = bad;
      amount[r] = !bad ? 0 : s.amounts === 'exponential' ? 1000 - 11_000 * Math.log(rng.uniform()) : Math.exp(muLog + AMOUNT_SIGMA * rng.normal());
      if (r < nModel) {
        E1 += bad;
        A1 += amount[r];
      } else {
        E0 += bad;
        A0 += amount[r];
      }
    }
    const model = newArm(nModel);
    for (let r = 0; r < nModel; r++) if (rng.uniform() >= s.unchecked) check(model, error[r], amount[r]);
    // The random arm: a simple random sample of the pool (Floyd's algorithm), then unchecked at random.
    const random = newArm(control);
    const drawn = new Set<number>();
    for (let j = pool - control; j < pool; j++) {
      const t = rng.below(j + 1);
      drawn.add(drawn.has(t) ? j : t);
    }
    for (const k of drawn) if (rng.uniform() >= s.unchecked) check(random, error[nModel + k], amount[nModel + k]);
    randomErrors += random.errors;
    const est = estimateLoop({ rows: N, model, random });
    if (est.problems.some((p) => p.code === 'loop.too_few_random_errors')) flagged++;
    const truth: Record<Key, number> = {
      hit_model: E1 / nModel,
      hit_random: E0 / pool,
      errors_outside: E0,
      total_errors: E1 + E0,
      recall: E1 / (E1 + E0),
      lift: E1 / nModel / (E0 / pool),
      amount_outside: A0,
      amount_total: A1 + A0,
    };
    const got: Record<Key, Estimate | null> = {
      hit_model: est.model.hitRate,
      hit_random: est.random.hitRate,
      errors_outside: est.errorsOutside,
      total_errors: est.totalErrors,
      recall: est.recall,
      lift: est.lift,
      amount_outside: est.amountOutside,
      amount_total: est.amountTotal,
    };
    for (const k of KEYS) if (covers(got[k], truth[k])) hits[k]++;
    exact.hit_model = est.model.checked === nModel;
  }
  const coverage = Object.fromEntries(KEYS.map((k) => [k, hits[k] / REPLICATIONS])) as Record<Key, number>;
  return { coverage, exactModelArm: exact.hit_model && s.unchecked === 0, meanRandomErrors: randomErrors / REPLICATIONS, flagged: flagged / REPLICATIONS };
}

function newArm(selected: number) {
  return { selected, checked: 0, errors: 0, amount: { sum: 0, sumSq: 0, logSum: 0, logSumSq: 0 } };
}

/** One listed row checked: its outcome and amount into the arm's counts (logs of errors' amounts only). */
function check(arm: ReturnType<typeof newArm>, error: number, amount: number): void {
  arm.checked++;
  arm.errors += error;
  arm.amount.sum += amount;
  arm.amount.sumSq += amount ** 2;
  if (!error) return;
  arm.amount.logSum += Math.log(amount);
  arm.amount.logSumSq += Math.log(amount) ** 2;
}

function row(s: Scenario, m: Measured): string {
  const cells = KEYS.map((k) => (100 * m.coverage[k]).toFixed(1));
  return `| ${s.name} | ${s.rows} | ${s.baseRate} | ${s.capacity} | ${s.controlShare} | ${s.unchecked} | ${m.meanRandomErrors.toFixed(1)} | ${(100 * m.flagged).toFixed(0)} % | ${cells.join(' | ')} |`;
}

describe('95 % intervals cover the truth in 93–97 % of 2,000 simulated selections', () => {
  MAIN.forEach((s, i) => {
    test(`${s.name}: N ${s.rows}, base rate ${s.baseRate}, capacity ${s.capacity}, control share ${s.controlShare}, unchecked ${s.unchecked}`, () => {
      const m = simulate(s, 1000 + i);
      console.log(row(s, m));
      for (const k of KEYS) {
        if (k === 'hit_model' && m.exactModelArm) {
          expect(m.coverage[k], k).toBe(1);
          continue;
        }
        expect(m.coverage[k], k).toBeGreaterThanOrEqual(0.93);
        expect(m.coverage[k], k).toBeLessThanOrEqual(0.97);
      }
    });
  });
});

describe('the small-sample regime (expected random-group errors below 5) is flagged, its coverage measured', () => {
  SMALL.forEach((s, i) => {
    test(`${s.name}: N ${s.rows}, capacity ${s.capacity}, control share ${s.controlShare}`, () => {
      const m = simulate(s, 2000 + i);
      console.log(row(s, m));
      expect(m.meanRandomErrors).toBeLessThan(5);
      // Most of its selections carry the warning the app and estimates.json show.
      expect(m.flagged).toBeGreaterThan(0.5);
    });
  });
});

describe('amounts off the log-normal assumption (measured, not asserted)', () => {
  OFF_MODEL.forEach((s, i) => {
    test(`${s.name}: ${s.name.slice(0, 2)} with amounts 1,000 + exponential`, () => {
      const m = simulate(s, 3000 + i);
      console.log(row(s, m));
      // The counts' intervals do not depend on the amounts.
      expect(m.coverage.errors_outside).toBeGreaterThanOrEqual(0.93);
    });
  });
});
