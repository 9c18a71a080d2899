import { describe, expect, it } from 'vitest';
import { closeArrays } from '../../../../test/fixtures/metrics/load';
import { loadDemoSample } from '../../../../test/fixtures/metrics/demo';
import { evaluate } from './evaluate';
import { segmentColumn, segmentMask } from './segment-columns';

const { demo, card, prob, label, order, k, demoFile } = loadDemoSample();

describe('evaluate on the demo sample', () => {
  const e = evaluate(prob, label, order, k);

  it('gives scikit-learn’s AUC, average precision and Brier score to 1e-9', () => {
    expect(e.roc.auc).toBeCloseTo(demo.roc_auc, 9);
    expect(e.pr.averagePrecision).toBeCloseTo(demo.average_precision, 9);
    expect(e.brier).toBeCloseTo(demo.brier, 9);
    expect(e.baseRate).toBeCloseTo(demo.base_rate, 12);
  });

  it('gives scikit-learn’s calibration bins (its non-empty ones) and numpy’s bin counts', () => {
    const c = demo.calibration_uniform;
    expect(closeArrays(e.calibration.edges, c.edges, 1e-15)).toBeNull();
    expect(Array.from(e.calibration.count)).toEqual(c.count);
    const kept = [...e.calibration.count.keys()].filter((i) => e.calibration.count[i] > 0);
    expect(closeArrays(kept.map((i) => e.calibration.fractionPositive[i]), c.prob_true)).toBeNull();
    expect(closeArrays(kept.map((i) => e.calibration.meanPredicted[i]), c.prob_pred)).toBeNull();
  });

  it('gives scikit-learn’s confusion matrix, precision, recall and lift at 25 %', () => {
    const a = e.atCapacity;
    const s = demo.at_share;
    expect([a.selected, a.tp, a.fp, a.fn, a.tn]).toEqual([s.k, s.tp, s.fp, s.fn, s.tn]);
    expect(a.precision).toBeCloseTo(s.precision, 12);
    expect(a.recall).toBeCloseTo(s.recall, 12);
    expect(a.lift).toBeCloseTo(s.lift, 12);
  });

  it('judges the file-wide selection inside a segment as the oracle’s segment table does', () => {
    const sivilstand = segmentColumn({ kind: 'passthrough', column: demoFile.passthrough.header.indexOf('sivilstand'), header: 'sivilstand' }, demoFile, card);
    for (const s of demo.segments.sivilstand) {
      const v = evaluate(prob, label, order, k, segmentMask(sivilstand, s.segment, demo.n));
      expect(v.scored, s.segment).toBe(s.rows);
      expect(v.atCapacity.selected, s.segment).toBe(s.selected);
      expect(v.roc.auc, s.segment).toBeCloseTo(s.auc, 9);
      expect(v.atCapacity.recall, s.segment).toBeCloseTo(s.recall_at_capacity, 12);
    }
  });

  it('has no rows, no curve and NaN figures for an empty segment', () => {
    const v = evaluate(prob, label, order, k, new Uint8Array(demo.n));
    expect([v.scored, v.labelled, v.atCapacity.selected]).toEqual([0, 0, 0]);
    expect(v.roc.auc).toBeNaN();
    expect(v.brier).toBeNaN();
  });

  it('handles a one-row file: nothing to rank against, one row selected', () => {
    const v = evaluate(Float64Array.of(0.3), Float64Array.of(1), Uint32Array.of(0), 1);
    expect(v.atCapacity.tp).toBe(1);
    expect(v.roc.auc).toBeNaN();
    expect(v.brier).toBeCloseTo(0.49, 12);
  });

  it('leaves unlabelled (NaN) rows out of every metric but counts them as selected', () => {
    const y = label.slice();
    for (let r = 0; r < y.length; r += 2) y[r] = NaN;
    const v = evaluate(prob, y, order, k);
    expect(v.labelled).toBe(1000);
    expect(v.atCapacity.selected).toBe(k);
    expect(v.atCapacity.selectedUnlabelled).toBeGreaterThan(0);
    expect(v.coverage[0].coverage).toBeCloseTo(0.5, 1);
  });
});
