import { describe, expect, it } from 'vitest';
import { column, loadMetricsFixture } from '../../../../test/fixtures/metrics/load';
import { metricsBySegment, tooFewToJudge } from './by-segment';

const fx = loadMetricsFixture('segments.json');

describe('metricsBySegment', () => {
  const got = metricsBySegment(column(fx.prob), column(fx.label), fx.segment, fx.k);

  it('lists the segments in order of first appearance, the missing one as ""', () => {
    expect(got.map((s) => s.segment)).toEqual(fx.expected.map((e: any) => e.segment));
  });

  it('counts rows, scored, labelled, positives and the file-wide selection per segment as numpy does', () => {
    for (const [i, e] of fx.expected.entries()) {
      const s = got[i];
      expect([s.rows, s.scored, s.labelled, s.positives, s.selected], e.segment).toEqual([
        e.rows,
        e.scored,
        e.labelled,
        e.positives,
        e.selected,
      ]);
      if (e.positives > 0) expect(s.recallAtCapacity).toBeCloseTo(e.selected_positives / e.positives, 12);
      else expect(s.recallAtCapacity).toBeNaN();
    }
  });

  it('gives each segment the AUC scikit-learn gives it, NaN where only one outcome occurs', () => {
    for (const [i, e] of fx.expected.entries()) {
      if (Number.isNaN(e.auc)) expect(got[i].auc, e.segment).toBeNaN();
      else expect(got[i].auc, e.segment).toBeCloseTo(e.auc, 9);
    }
    expect(fx.expected.some((e: any) => Number.isNaN(e.auc))).toBe(true);
  });

  it('accepts a coded column as well as strings', () => {
    const coded = metricsBySegment(Float64Array.of(0.9, 0.1, 0.5), Float64Array.of(1, 0, 0), { codes: [1, 0, 1], names: ['a', 'b'] }, 1);
    expect(coded.map((s) => [s.segment, s.rows, s.selected, s.auc])).toEqual([
      ['a', 1, 0, NaN],
      ['b', 2, 1, 1],
    ]);
  });

  it('returns no segments for an empty file and one for a one-row file', () => {
    expect(metricsBySegment(new Float64Array(0), new Float64Array(0), [], 0)).toEqual([]);
    const one = metricsBySegment(Float64Array.of(NaN), Float64Array.of(1), [null], 1);
    expect([one[0].segment, one[0].rows, one[0].scored, one[0].selected]).toEqual(['', 1, 0, 0]);
  });
});

describe('tooFewToJudge', () => {
  it('judges a segment with 30 known outcomes, 5 of each kind', () => {
    expect(tooFewToJudge(30, 5)).toBe(false);
    expect(tooFewToJudge(30, 25)).toBe(false);
  });

  it('does not judge fewer than 30 known outcomes, however they split', () => {
    expect(tooFewToJudge(29, 14)).toBe(true);
    expect(tooFewToJudge(0, 0)).toBe(true);
  });

  it('does not judge fewer than 5 positives or fewer than 5 negatives', () => {
    expect(tooFewToJudge(1000, 4)).toBe(true);
    expect(tooFewToJudge(1000, 996)).toBe(true);
  });

  it('marks a small segment whose AUC happens to be 1 as not judgeable', () => {
    // Ten rows, the three positives ranked on top: AUC 1, but only 10 rows and 3 positives.
    const prob = Float32Array.from([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05]);
    const label = Float32Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    const [s] = metricsBySegment(prob, label, Array(10).fill('a'), 3);
    expect(s.auc).toBe(1);
    expect(s.judgeable).toBe(false);
  });
});
