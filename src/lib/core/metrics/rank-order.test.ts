import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { column, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { rankOrder, ranksOf, scoredCount } from './rank-order';

const cases = loadMetricsFixture('binary_cases.json');

describe('rankOrder', () => {
  it('puts the highest probability first', () => {
    expect([...rankOrder(Float64Array.of(0.1, 0.9, 0.5))]).toEqual([1, 2, 0]);
  });

  it('keeps tied rows in input order', () => {
    expect([...rankOrder(Float32Array.of(0.5, 0.7, 0.5, 0.7, 0.5))]).toEqual([1, 3, 0, 2, 4]);
  });

  it('puts rows that were not scored (NaN) last, in input order', () => {
    const prob = Float64Array.of(NaN, 0.2, NaN, 0.3);
    const order = rankOrder(prob);
    expect([...order]).toEqual([3, 1, 0, 2]);
    expect(scoredCount(order, prob)).toBe(2);
  });

  it('ranks only the rows of a subset, ties in subset order', () => {
    expect([...rankOrder(Float64Array.of(0.9, 0.4, 0.4, 0.1, 0.4), Uint32Array.of(4, 1, 3))]).toEqual([4, 1, 3]);
  });

  it('handles empty, one-row and all-NaN input', () => {
    expect(rankOrder(new Float64Array(0)).length).toBe(0);
    expect([...rankOrder(Float64Array.of(0.3))]).toEqual([0]);
    const allNaN = Float64Array.of(NaN, NaN);
    expect([...rankOrder(allNaN)]).toEqual([0, 1]);
    expect(scoredCount(rankOrder(allNaN), allNaN)).toBe(0);
  });

  it("agrees with numpy's stable argsort of the negated scores on every oracle set", () => {
    for (const [name, c] of Object.entries<any>(cases)) {
      const prob = column(c.prob);
      const order = rankOrder(prob);
      expect([...order.subarray(0, scoredCount(order, prob))], name).toEqual(c.expected.rank_order);
    }
  });

  it('gives the same order for float32 and float64 copies of float32 scores', () => {
    const p = cases.float32_ties.prob as number[];
    expect([...rankOrder(column(p, 'f32'))]).toEqual([...rankOrder(column(p, 'f64'))]);
  });

  it('orders like a plain comparator sort for any values: ties, -0, negatives, infinities, NaN, subsets', () => {
    const naive = (p: ArrayLike<number>, rows: number[]) =>
      rows
        .map((r, i) => ({ r, i, v: p[r] }))
        .sort((a, b) => {
          const an = a.v !== a.v;
          const bn = b.v !== b.v;
          if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
          return b.v - a.v || a.i - b.i;
        })
        .map((x) => x.r);
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.constantFrom(0, -0, 0.5, 1, -1, Infinity, -Infinity, NaN, 1e-300, -1e-300, 5e-324),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.boolean(), fc.boolean(), (values, f32, useSubset) => {
        const p = f32 ? Float32Array.from(values) : Float64Array.from(values);
        const rows = useSubset ? values.map((_, i) => i).filter((i) => i % 3 !== 1).reverse() : values.map((_, i) => i);
        const got = rankOrder(p, useSubset ? Uint32Array.from(rows) : undefined);
        expect([...got]).toEqual(naive(p, rows));
      }),
      { numRuns: 400 },
    );
  });

  it('sorts float64 values that differ only in the low word', () => {
    const a = 0.1;
    const b = 0.1 + 2 ** -56; // next doubles above 0.1
    const c = 0.1 + 2 ** -55;
    expect([...rankOrder(Float64Array.of(a, c, b, a))]).toEqual([1, 2, 0, 3]);
  });
});

describe('ranksOf', () => {
  it('numbers the ranked rows from 1 in their input positions and gives unscored rows 0', () => {
    const prob = new Float32Array([0.2, NaN, 0.9, 0.5, NaN]);
    expect(Array.from(ranksOf(rankOrder(prob), prob))).toEqual([3, 0, 1, 2, 0]);
  });

  it('is empty for no rows', () => {
    expect(ranksOf(new Uint32Array(0), new Float32Array(0))).toEqual(new Uint32Array(0));
  });
});
