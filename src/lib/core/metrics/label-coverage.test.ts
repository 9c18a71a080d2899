import { describe, expect, it } from 'vitest';
import { column, decodeLarge, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { labelCoverageByDecile } from './label-coverage';
import { rankOrder } from './rank-order';

const cases = loadMetricsFixture('binary_cases.json');
const large = loadMetricsFixture('large_3pct.json');

describe('labelCoverageByDecile', () => {
  const sets = { ...cases, large_3pct: { ...decodeLarge(large), expected: large.expected } };
  for (const [name, c] of Object.entries<any>(sets)) {
    it(`splits the scored rows into ten rank groups as numpy does on "${name}"`, () => {
      const prob = column(c.prob);
      const got = labelCoverageByDecile(rankOrder(prob), prob, column(c.label));
      expect(got.map((d) => [d.rows, d.labelled, d.positives])).toEqual(
        c.expected.deciles.map((d: any) => [d.rows, d.labelled, d.positives]),
      );
      for (const [i, d] of c.expected.deciles.entries()) {
        if (Number.isNaN(d.mean_probability)) expect(got[i].meanProbability).toBeNaN();
        else expect(got[i].meanProbability).toBeCloseTo(d.mean_probability, 12);
      }
    });
  }

  it('shows coverage rising with the score when only high scores were controlled', () => {
    const prob = Float64Array.from({ length: 100 }, (_, i) => i / 100);
    const label = Float64Array.from({ length: 100 }, (_, i) => (i >= 80 ? i % 2 : NaN));
    const got = labelCoverageByDecile(rankOrder(prob), prob, label);
    expect(got.map((d) => d.coverage)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(got[0].observedRate).toBe(0.5);
    expect(got[9].observedRate).toBeNaN();
  });
});
