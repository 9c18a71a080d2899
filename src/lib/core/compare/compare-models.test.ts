import { describe, expect, it } from 'vitest';
import { compareModels } from './compare-models';
import { spearman } from './spearman';
import { densityGrid } from './density-grid';
import { quantileSorted } from './poisson-bootstrap';

const f = (...v: number[]) => Float32Array.from(v);

describe('spearman', () => {
  it('is NaN for empty, one-element and constant input', () => {
    expect(spearman(f(), f())).toBeNaN();
    expect(spearman(f(0.5), f(0.2))).toBeNaN();
    expect(spearman(f(0.1, 0.1, 0.1), f(0.3, 0.2, 0.1))).toBeNaN();
  });

  it('skips rows where either score is missing, and is −1 for a reversed ranking', () => {
    expect(spearman(f(0.1, NaN, 0.2, 0.3), f(0.9, 0.5, 0.8, NaN))).toBe(-1);
  });
});

describe('compareModels', () => {
  it('clamps the capacity to the rows both models scored and says so', () => {
    const c = compareModels({ champion: f(0.9, 0.2, NaN), challenger: f(0.8, 0.1, 0.5), capacity: 5 });
    expect([c.paired, c.capacityAsked, c.capacity, c.overlap]).toEqual([2, 5, 2, 2]);
    expect(c.problems.map((p) => p.code)).toEqual(['compare.unpaired_rows', 'compare.capacity_clamped', 'compare.no_labels']);
  });

  it('compares a model with itself as the same list and no difference', () => {
    const p = f(0.9, 0.1, 0.5, 0.5, 0.3);
    const y = f(1, 0, 1, 0, NaN);
    const c = compareModels({ champion: p, challenger: p, label: y, capacity: 2 });
    expect([c.spearman, c.overlap, c.entering.length, c.leaving.length]).toEqual([1, 2, 0, 0]);
    expect([c.auc!.difference, c.found!.difference.value, ...c.found!.difference.ci95]).toEqual([0, 0, 0, 0]);
  });

  it('gives no AUC when the known outcomes are all one class, but still counts finds', () => {
    const c = compareModels({ champion: f(0.9, 0.1, 0.5), challenger: f(0.1, 0.9, 0.5), label: f(1, 1, NaN), capacity: 1 });
    expect(c.auc).toBeNull();
    expect([c.found!.champion, c.found!.challenger]).toEqual([1, 1]);
    expect(c.problems.map((p) => p.code)).toContain('compare.one_class');
  });

  it('handles an empty file', () => {
    const c = compareModels({ champion: f(), challenger: f(), capacity: 10 });
    expect([c.rows, c.paired, c.capacity, c.overlap]).toEqual([0, 0, 0, 0]);
    expect(c.spearman).toBeNaN();
  });
});

describe('densityGrid', () => {
  it('puts 1 in the last bin, the champion across and the challenger down, and skips rows with a missing score', () => {
    const g = densityGrid(f(0, 1, NaN, 0.5, 0.1), f(0, 1, 0.2, 0.49, 0.2), 2);
    expect(Array.from(g.counts)).toEqual([2, 1, 0, 1]);
    expect([g.rows, g.max]).toEqual([4, 2]);
  });
});

describe('quantileSorted', () => {
  it("interpolates as numpy's default quantile", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([0, 10], 0.025)).toBeCloseTo(0.25, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
