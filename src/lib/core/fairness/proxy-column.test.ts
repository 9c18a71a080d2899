import { describe, expect, it } from 'vitest';
import { proxyOfColumn } from './proxy-column';
import { radixOrder, sortableKeys } from './radix-order';
import { importanceShares, strongProxyDrivers, type ProxyRow } from './proxy-strength';

const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe('radixOrder and sortableKeys', () => {
  it('sorts floats numerically, NaN first, −0 tied with +0, ties in input order', () => {
    const values = Float32Array.from([3, -1, NaN, 0, -0, -Infinity, 2.5, Infinity, -1e-30, 1e30, -1]);
    const order = radixOrder(sortableKeys(values), all(values.length));
    expect([...order]).toEqual([2, 5, 1, 10, 8, 3, 4, 6, 0, 9, 7]);
  });

  it('sorts only the rows asked for', () => {
    const values = Float32Array.from([5, 4, 3, 2]);
    expect([...radixOrder(sortableKeys(values), Uint32Array.of(0, 2, 3))]).toEqual([3, 2, 0]);
  });
});

describe('proxyOfColumn', () => {
  // Group 1 holds the values 1, 2, 3, 5; group 0 holds missing, 2, missing, 2. Counting the 16
  // pairs by hand (missing lowest, a tie half): 2 + 3 + 4 + 4 = 13, AUC 13/16 = 0.8125, as
  // sklearn.metrics.roc_auc_score gives with missing replaced by −10.
  const values = Float32Array.from([NaN, 1, 2, 2, 3, NaN, 5, 2]);
  const codes = Uint32Array.from([0, 1, 0, 1, 1, 0, 1, 0]);

  it('gives each group’s AUC from one sort, with missing values lowest and ties averaged', () => {
    const p = proxyOfColumn(values, all(8), codes, 2, 'values', 1);
    expect(p.auc[1]).toBe(0.8125);
    expect(p.auc[0]).toBe(1 - 0.8125);
    expect(p.strength).toBe(0.8125);
    expect(p.group).toBe(0);
  });

  it('leaves out groups with fewer members (or non-members) than asked', () => {
    const p = proxyOfColumn(values, all(8), codes, 2, 'values');
    expect(p.auc[0]).toBeNaN();
    expect(p.strength).toBeNaN();
    expect(p.group).toBe(-1);
  });

  it('measures only the rows given', () => {
    const p = proxyOfColumn(values, Uint32Array.of(1, 2, 3, 4), codes, 2, 'values', 1);
    // Group 1: 1, 2, 3 against group 0: 2 → pairs won 0 + 0.5 + 1 = 1.5 of 3.
    expect(p.auc[1]).toBe(0.5);
  });

  it('gives the NMI worked out by hand: groups 0,0,0,1 against bins a,a,b,b is 0.34559', () => {
    // I = ½ln(4/3) + ¼ln(2/3) + ¼ln 2 = 0.215762; H(groups) = 0.562335; H(bins) = ln 2.
    const p = proxyOfColumn(Float32Array.from([1, 1, 2, 2]), all(4), Uint32Array.from([0, 0, 0, 1]), 2, 'values', 1);
    expect(p.nmi).toBeCloseTo(0.345592, 6);
  });

  it('gives NMI 1 for a column that is the group, 0 for one independent of it, and 0 for a constant', () => {
    const codes4 = Uint32Array.from([0, 0, 1, 1]);
    expect(proxyOfColumn(Float32Array.from([7, 7, 9, 9]), all(4), codes4, 2, 'values', 1).nmi).toBeCloseTo(1, 15);
    expect(proxyOfColumn(Float32Array.from([7, 9, 7, 9]), all(4), codes4, 2, 'values', 1).nmi).toBe(0);
    expect(proxyOfColumn(Float32Array.from([7, 7, 7, 7]), all(4), codes4, 2, 'deciles', 1).nmi).toBe(0);
  });

  it('cuts a column into deciles with repeated edges merged and missing values in a bin of their own', () => {
    // Values 1..20: edges at sorted positions ⌊i·19/10⌋ = 1,3,5,7,9,11,13,15,17 → values 2,4,…,18:
    // ten bins of two. Groups equal to those bins give NMI 1.
    const v = Float32Array.from({ length: 20 }, (_, i) => i + 1);
    const bins = Uint32Array.from({ length: 20 }, (_, i) => Math.floor(i / 2));
    expect(proxyOfColumn(v, all(20), bins, 10, 'deciles', 1).nmi).toBeCloseTo(1, 12);
    // A missing value added to a group of its own is still told apart exactly.
    const withMissing = Float32Array.from([...v, NaN]);
    const withGroup = Uint32Array.from([...bins, 10]);
    expect(proxyOfColumn(withMissing, all(21), withGroup, 11, 'deciles', 1).nmi).toBeCloseTo(1, 12);
  });

  it('gives nothing to measure on no rows', () => {
    const p = proxyOfColumn(new Float32Array(0), new Uint32Array(0), new Uint32Array(0), 2, 'values', 1);
    expect(p.strength).toBeNaN();
    expect(p.nmi).toBeNaN();
  });
});

describe('strongProxyDrivers', () => {
  const row = (feature: number, strength: number): ProxyRow => ({ feature, strength, group: 0, auc: Float64Array.of(1 - strength), nmi: 0.1 });

  it('names a strong proxy only when it is among the five most important features, most important first', () => {
    const importance = Float64Array.from([0.1, 0.9, 0.5, 0.4, 0.3, 0.2, 0.05]);
    const rows = [row(0, 0.95), row(1, 0.7), row(2, 0.69), row(3, 0.75), row(6, 0.99), row(-1, 0.9)];
    expect(strongProxyDrivers(rows, importance)).toEqual([
      { feature: 1, group: 0, auc: 1 - 0.7, strength: 0.7, rank: 0 },
      { feature: 3, group: 0, auc: 1 - 0.75, strength: 0.75, rank: 2 },
    ]);
  });

  it('gives importance as shares of the total', () => {
    expect([...importanceShares([1, 3])]).toEqual([0.25, 0.75]);
    expect(importanceShares([0, 0])[0]).toBeNaN();
  });
});
