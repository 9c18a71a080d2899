import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { estimateLoop, MIN_RANDOM_ERRORS, type ArmCounts, type Estimate } from './estimate-loop';
import { wilsonFpc } from './wilson-fpc';
import { moverProduct, moverRatio, moverSum } from './mover';
import { t975 } from './t-quantile';
import { chiSquare95 } from './chi-square-quantile';

interface OracleArm {
  selected: number;
  checked: number;
  errors: number;
  amounts?: number[];
}
interface OracleCase {
  name: string;
  rows: number;
  log_normal?: boolean;
  model: OracleArm;
  random: OracleArm;
  expected: Record<string, { value: number | null; ci95: [number, number] | null } | null>;
}
/** Written by models/oracles_loop/build_loop_fixtures.py (numpy, scipy), not by this code. */
const oracle = JSON.parse(readFileSync('test/fixtures/loop/estimates.json', 'utf8')) as {
  cases: OracleCase[];
  quantiles: { t975: Record<string, number>; chi2: Record<string, [number, number]> };
};

function arm(a: OracleArm, logNormal: boolean): ArmCounts {
  if (!a.amounts) return { selected: a.selected, checked: a.checked, errors: a.errors };
  const sum = a.amounts.reduce((s, x) => s + x, 0);
  const sumSq = a.amounts.reduce((s, x) => s + x * x, 0);
  const logs = logNormal ? { logSum: a.amounts.reduce((s, x) => s + Math.log(x), 0), logSumSq: a.amounts.reduce((s, x) => s + Math.log(x) ** 2, 0) } : {};
  return { selected: a.selected, checked: a.checked, errors: a.errors, amount: { sum, sumSq, ...logs } };
}

/** Relative agreement: 1e-9, looser (1e-7) for the amounts, whose χ² quantiles are scipy's rounded to 9 decimals. */
function close(got: Estimate | null, want: OracleCase['expected'][string], what: string, tolerance = 1e-9): void {
  if (want === null) return void expect(got, what).toBeNull();
  expect(got, what).not.toBeNull();
  if (want.value === null) expect(got!.value, what).toBeNull();
  else expect(got!.value, what).toBeCloseTo(want.value, 9);
  if (want.ci95 === null) return void expect(got!.ci95, what).toBeNull();
  expect(got!.ci95, what).not.toBeNull();
  const scale = Math.max(1, Math.abs(want.ci95[1]));
  expect(Math.abs(got!.ci95![0] - want.ci95[0]) / scale, `${what} low`).toBeLessThan(tolerance);
  expect(Math.abs(got!.ci95![1] - want.ci95[1]) / scale, `${what} high`).toBeLessThan(tolerance);
}

describe('wilsonFpc', () => {
  test('7 of 180 from an infinite population is Wilson’s interval, worked by hand', () => {
    // p = 7/180 = 0.0388889, z² = 3.8414588; centre = (p + z²/360)/(1 + z²/180) = 0.0495596/1.0213414 = 0.0485240;
    // half = 1.9599640/1.0213414 · √(p(1−p)/180 + z²/(4·180²)) = 1.9190096 · √(0.00020765 + 0.00002964) = 0.0295607.
    const ci = wilsonFpc(7, 180, Infinity)!;
    expect(ci[0]).toBeCloseTo(0.0485240 - 0.0295607, 6);
    expect(ci[1]).toBeCloseTo(0.0485240 + 0.0295607, 6);
  });
  test('the finite-population correction narrows it: 7 of 180 from 360 uses n = 180·359/180 = 359', () => {
    const narrow = wilsonFpc(7, 180, 360)!;
    const wide = wilsonFpc(7, 180, Infinity)!;
    expect(narrow[1] - narrow[0]).toBeLessThan(wide[1] - wide[0]);
    // Same p̂ and n = 359: Wilson's centre (p + z²/718)/(1 + z²/359) = 0.0442391/1.0107004 = 0.0437707.
    expect((narrow[0] + narrow[1]) / 2).toBeCloseTo(0.0437707, 6);
  });
  test('a census has zero width, nothing checked has no interval, 0 and all give the edge exactly', () => {
    expect(wilsonFpc(95, 500, 500)).toEqual([0.19, 0.19]);
    expect(wilsonFpc(0, 0, 500)).toBeNull();
    expect(wilsonFpc(0, 50, 1000)![0]).toBe(0);
    expect(wilsonFpc(50, 50, 1000)![1]).toBe(1);
  });
});

describe('MOVER', () => {
  test('a sum: 10 [8, 13] + 20 [15, 24] = 30 [30 − √(4 + 25), 30 + √(9 + 16)] = [24.615, 35]', () => {
    const [lo, hi] = moverSum(10, [8, 13], 20, [15, 24]);
    expect(lo).toBeCloseTo(30 - Math.sqrt(29), 12);
    expect(hi).toBe(35);
  });
  test('a ratio with an exact denominator is the numerator’s interval divided by it', () => {
    const [lo, hi] = moverRatio(6, [3, 12], 2, [2, 2])!;
    expect(lo).toBeCloseTo(1.5, 12);
    expect(hi).toBeCloseTo(6, 12);
  });
  test('a ratio on the log scale: 4 [2, 8] / 2 [1, 4] = 2 [2/e^(ln 2·√2), 2·e^(ln 2·√2)]', () => {
    // log distances are ln 2 on every side, so each side is ln 2·√2 = 0.980258.
    const [lo, hi] = moverRatio(4, [2, 8], 2, [1, 4])!;
    expect(lo).toBeCloseTo(2 / Math.exp(Math.LN2 * Math.SQRT2), 12);
    expect(hi).toBeCloseTo(2 * Math.exp(Math.LN2 * Math.SQRT2), 12);
  });
  test('a ratio without a positive denominator has no interval; a zero numerator starts at 0', () => {
    expect(moverRatio(1, [0.5, 2], 0, [0, 1])).toBeNull();
    expect(moverRatio(0, [0, 3], 2, [1, 4])).toEqual([0, 3]);
  });
  test('a product: 2 [1, 4] · 3 [3, 3] = [3, 12]', () => {
    const [lo, hi] = moverProduct(2, [1, 4], 3, [3, 3]);
    expect(lo).toBeCloseTo(3, 12);
    expect(hi).toBeCloseTo(12, 12);
  });
});

describe('quantiles against scipy', () => {
  test('t₀.₉₇₅', () => {
    for (const [df, want] of Object.entries(oracle.quantiles.t975)) expect(Math.abs(t975(Number(df)) - want), `df ${df}`).toBeLessThan(1e-5);
  });
  test('χ²₀.₀₂₅ and χ²₀.₉₇₅', () => {
    for (const [k, [lo, hi]] of Object.entries(oracle.quantiles.chi2)) {
      const [a, b] = chiSquare95(Number(k));
      expect(Math.abs(a - lo) / lo, `k ${k} low`).toBeLessThan(2e-3);
      expect(Math.abs(b - hi) / hi, `k ${k} high`).toBeLessThan(2e-3);
    }
  });
});

describe('estimateLoop', () => {
  test('the point estimates are exactly those of the issue, worked by hand', () => {
    // N = 20,000; model arm 800 listed, 720 checked, 130 errors; random 200 listed, 180 checked, 7 errors.
    // hit_model = 130/720 = 0.180556; hit_random = 7/180 = 0.038889;
    // outside = 19,200 · 7/180 = 746.667; total = 800 · 130/720 + 746.667 = 144.444 + 746.667 = 891.111;
    // recall = 144.444/891.111 = 0.162095; lift = 0.180556/0.038889 = 4.642857.
    const e = estimateLoop({ rows: 20000, model: { selected: 800, checked: 720, errors: 130 }, random: { selected: 200, checked: 180, errors: 7 } });
    expect(e.model.hitRate.value).toBeCloseTo(130 / 720, 12);
    expect(e.random.hitRate.value).toBeCloseTo(7 / 180, 12);
    expect(e.errorsOutside.value).toBeCloseTo(746.6667, 3);
    expect(e.totalErrors.value).toBeCloseTo(891.1111, 3);
    expect(e.recall.value).toBeCloseTo(0.162095, 6);
    expect(e.lift.value).toBeCloseTo(4.642857, 6);
    expect(e.model.unchecked).toBe(80);
    expect(e.random.unchecked).toBe(20);
    expect(e.model.population).toBe(800);
    expect(e.random.population).toBe(19200);
  });
  test('with the model arm complete, recall’s interval is the exact image of the random arm’s', () => {
    // A = 95 known; B ∈ 9,500·[l, u] ⇒ recall ∈ [95/(95 + 9,500u), 95/(95 + 9,500l)].
    const e = estimateLoop({ rows: 10000, model: { selected: 500, checked: 500, errors: 95 }, random: { selected: 150, checked: 140, errors: 4 } });
    const [l, u] = wilsonFpc(4, 140, 9500)!;
    expect(e.recall.ci95![0]).toBeCloseTo(95 / (95 + 9500 * u), 12);
    expect(e.recall.ci95![1]).toBeCloseTo(95 / (95 + 9500 * l), 12);
    expect(e.totalErrors.ci95![0]).toBeCloseTo(95 + 9500 * l, 9);
  });
  test('too few errors in the random group are flagged; none at all leave the lift without a value', () => {
    const few = estimateLoop({ rows: 10000, model: { selected: 500, checked: 500, errors: 95 }, random: { selected: 150, checked: 140, errors: MIN_RANDOM_ERRORS - 1 } });
    expect(few.problems.map((p) => p.code)).toContain('loop.too_few_random_errors');
    const none = estimateLoop({ rows: 5000, model: { selected: 300, checked: 250, errors: 40 }, random: { selected: 100, checked: 100, errors: 0 } });
    expect(none.lift).toEqual({ value: null, ci95: null });
    expect(none.recall.value).toBe(1);
  });
  test('no random group and an unchecked arm are said', () => {
    const e = estimateLoop({ rows: 1000, model: { selected: 100, checked: 0, errors: 0 }, random: { selected: 0, checked: 0, errors: 0 } });
    expect(e.problems.map((p) => p.code)).toEqual(['loop.no_random_arm', 'loop.model_arm_unchecked']);
    expect(e.totalErrors.value).toBeNull();
  });
  for (const c of oracle.cases) {
    test(`equals the numpy/scipy oracle: ${c.name}`, () => {
      const e = estimateLoop({ rows: c.rows, model: arm(c.model, !!c.log_normal), random: arm(c.random, !!c.log_normal) });
      close(e.model.hitRate, c.expected.hit_model, 'hit_model');
      close(e.random.hitRate, c.expected.hit_random, 'hit_random');
      close(e.errorsOutside, c.expected.errors_outside, 'errors_outside');
      close(e.totalErrors, c.expected.total_errors, 'total_errors');
      close(e.recall, c.expected.recall, 'recall');
      close(e.lift, c.expected.lift, 'lift');
      close(e.amountOutside, c.expected.amount_outside, 'amount_outside', 1e-7);
      close(e.amountTotal, c.expected.amount_total, 'amount_total', 1e-7);
    });
  }
});
