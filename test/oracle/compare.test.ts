import { describe, expect, it } from 'vitest';
import { compareModels, delongPaired, spearman, type DelongPaired } from '../../src/lib/core/compare';
import { readJson } from './load-fixture';

/**
 * The comparison against models/oracles_compare/build_compare_fixtures.py: scipy's spearmanr,
 * Python sets for the lists, DeLong from the paper in numpy (O(m·n) kernel), and the Poisson
 * bootstrap of errors found with the same documented xoshiro128** stream — so its interval is
 * compared exactly (to 1e-9), not within Monte Carlo error.
 */
type Delong = DelongPaired;
interface Found {
  champion: number;
  challenger: number;
  championLabelled: number;
  challengerLabelled: number;
  difference: { value: number; ci95: [number, number] };
}
interface Fixture {
  capacity: number;
  seed: number;
  resamples: number;
  champion: (number | null)[];
  challenger: (number | null)[];
  label: (number | null)[] | null;
  segment: (string | null)[] | null;
  expected: {
    paired: number;
    spearman: number;
    capacity: number;
    overlap: number;
    entering: number[];
    leaving: number[];
    labelled?: number;
    positives?: number;
    auc?: Delong | null;
    found?: Found;
    segments?: (Omit<Delong, never> & Record<string, unknown>)[];
  };
}

const f32 = (v: (number | null)[]) => Float32Array.from(v, (x) => (x === null ? NaN : x));
const CASES = ['ties', 'subset_labels', 'segments', 'no_labels', 'large'];

function expectDelong(got: { [k: string]: unknown } | null, want: Delong | null, tol = 1e-9): void {
  expect(got === null).toBe(want === null);
  if (!got || !want) return;
  const g = got as unknown as Delong;
  expect([g.positives, g.negatives]).toEqual([want.positives, want.negatives]);
  for (const key of ['aucA', 'aucB', 'difference', 'variance', 'se'] as const) {
    if (Number.isNaN(want[key] ?? NaN)) expect(g[key]).toBeNaN();
    else expect(Math.abs(g[key] - want[key]), key).toBeLessThanOrEqual(tol);
  }
  for (const i of [0, 1]) {
    if (want.ci95[i] === null) expect(g.ci95[i]).toBeNaN();
    else expect(Math.abs(g.ci95[i] - want.ci95[i]), `ci95[${i}]`).toBeLessThanOrEqual(tol);
  }
}

function expectFound(got: Found | null, want: Found): void {
  expect(got).not.toBeNull();
  const g = got!;
  expect([g.champion, g.challenger, g.championLabelled, g.challengerLabelled, g.difference.value]).toEqual([
    want.champion,
    want.challenger,
    want.championLabelled,
    want.challengerLabelled,
    want.difference.value,
  ]);
  expect(Math.abs(g.difference.ci95[0] - want.difference.ci95[0])).toBeLessThanOrEqual(1e-9);
  expect(Math.abs(g.difference.ci95[1] - want.difference.ci95[1])).toBeLessThanOrEqual(1e-9);
}

describe.each(CASES)('compareModels on the %s fixture', (name) => {
  const fx = readJson<Fixture>(`compare/${name}.json`);
  const a = f32(fx.champion);
  const b = f32(fx.challenger);
  const y = fx.label ? f32(fx.label) : null;
  const got = compareModels({
    champion: a,
    challenger: b,
    label: y,
    capacity: fx.capacity,
    segment: fx.segment,
    bootstrap: { resamples: fx.resamples, seed: fx.seed },
  });
  const e = fx.expected;

  it("gives scipy's Spearman ρ over the rows both models scored", () => {
    expect(got.paired).toBe(e.paired);
    expect(Math.abs(got.spearman - e.spearman)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(spearman(a, b) - e.spearman)).toBeLessThanOrEqual(1e-12);
  });

  it('finds the same overlap, entering and leaving rows as a plain set computation', () => {
    expect(got.capacity).toBe(e.capacity);
    expect(got.overlap).toBe(e.overlap);
    expect(Array.from(got.entering)).toEqual(e.entering);
    expect(Array.from(got.leaving)).toEqual(e.leaving);
  });

  it.runIf(y)('gives the AUCs, their difference and its DeLong interval as numpy from the paper, within 1e-9', () => {
    expect([got.labelled, got.positives]).toEqual([e.labelled, e.positives]);
    expectDelong(got.auc as never, e.auc ?? null);
    expectDelong(delongPaired(a, b, y!) as never, e.auc ?? null);
  });

  it.runIf(y)('counts errors found at capacity and bootstraps their difference with the same stream as Python', () => {
    expectFound(got.found, e.found!);
  });

  it.runIf(!y)('says there are no labels and gives no AUC or finds', () => {
    expect(got.auc).toBeNull();
    expect(got.found).toBeNull();
    expect(got.problems.map((p) => p.code)).toContain('compare.no_labels');
  });

  it.runIf(fx.segment)('gives every figure per segment as Python does', () => {
    const want = e.segments as unknown as Array<Record<string, unknown> & { auc: Delong | null; found: Found }>;
    expect(got.segments!.map((s) => s.segment)).toEqual(want.map((s) => s.segment));
    got.segments!.forEach((s, i) => {
      const w = want[i];
      expect([s.rows, s.championListed, s.challengerListed, s.overlap, s.entering, s.leaving], String(w.segment)).toEqual([
        w.rows,
        w.championListed,
        w.challengerListed,
        w.overlap,
        w.entering,
        w.leaving,
      ]);
      if (w.spearman === null) expect(s.spearman).toBeNaN();
      else expect(Math.abs(s.spearman - (w.spearman as number))).toBeLessThanOrEqual(1e-12);
      expectDelong(s.auc as never, w.auc);
      expectFound(s.found, w.found);
    });
  });
});
