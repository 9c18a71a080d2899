import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../core/csv/ingest';
import { countForShare, metricsBySegment, rankOrder } from '../../core/metrics';
import { readModel } from '../../core/model/read-card';
import { closeArrays } from '../../../../test/fixtures/metrics/load';
import { loadDemoMetrics } from './demo-fixture';
import { evaluate } from './evaluate';
import { byDriftImpact, driftTable, psiLevel } from './drift-table';
import { labelCandidates, labelFromText, segmentColumn, segmentMask, segmentSources } from './segment-columns';

const oracle = loadDemoMetrics();
const { demo } = oracle;
const prob = Float64Array.from(demo.probability);
const label = Float64Array.from(demo.label);
const order = rankOrder(prob);
const k = countForShare(demo.share, demo.n);
const card = readModel(readFileSync('public/model/deduction-risk.onnx')).card!;
const demoFile = ingestAll(readFileSync(demo.file), card);
const doubledFile = ingestAll(readFileSync(oracle.commute_doubled.file), card);

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

describe('segment columns of the demo sample', () => {
  const sources = segmentSources(demoFile, card);

  it('offer sivilstand and kommunenr but not the id or the label, and the coded features', () => {
    const headers = sources.flatMap((s) => (s.kind === 'passthrough' ? [s.header] : []));
    expect(headers).toContain('sivilstand');
    expect(headers).toContain('kommunenr');
    expect(headers).not.toContain(card.id_column);
    expect(headers).not.toContain(card.label.name);
    const coded = sources.flatMap((s) => (s.kind === 'feature' ? [card.features[s.feature].name] : []));
    expect(coded).toContain('hovedinntektskilde');
    expect(coded).toContain('sentralitet');
  });

  it('give the oracle’s segment table for a coded feature', () => {
    const source = sources.find((s) => s.kind === 'feature' && card.features[s.feature].name === 'hovedinntektskilde')!;
    const table = metricsBySegment(prob, label, segmentColumn(source, demoFile, card), k, order);
    const expected = [...demo.segments.hovedinntektskilde].sort((a, b) => Number(a.segment) - Number(b.segment));
    expect(table.map((s) => s.segment)).toEqual(expected.map((s) => s.segment));
    table.forEach((s, i) => {
      expect([s.rows, s.positives, s.selected]).toEqual([expected[i].rows, expected[i].positives, expected[i].selected]);
      expect(s.auc).toBeCloseTo(expected[i].auc, 9);
    });
  });
});

describe('label candidates', () => {
  it('are the text columns holding only 0, 1 and empty cells', () => {
    const ingest = { ...demoFile, passthrough: { header: ['a', 'b', 'c', 'd'], columns: [['0', '1', ''], ['0', '2', '1'], ['', '', ''], [' 1', '0', '0']] } };
    expect(labelCandidates(ingest)).toEqual([0, 3]);
    expect(Array.from(labelFromText(['1', '0', '', ' 1 ']))).toEqual([1, 0, NaN, 1]);
  });
});

describe('drift table', () => {
  it('gives numpy’s PSI, noise threshold, outside and missing shares on the demo sample', () => {
    const rows = driftTable(demoFile.features, demoFile.rows, card);
    for (const o of demo.drift) {
      const r = rows.find((x) => card.features[x.feature].name === o.feature)!;
      expect(r.psi, o.feature).toBeCloseTo(o.psi, 9);
      expect(r.noiseThreshold, o.feature).toBeCloseTo(o.noise_threshold, 9);
      expect(r.outsideShare, o.feature).toBeCloseTo(o.outside_share, 12);
      expect(r.missingShare, o.feature).toBeCloseTo(o.missing_share, 12);
    }
  });

  it('puts the commute features first when every commute distance is doubled', () => {
    const rows = byDriftImpact(driftTable(doubledFile.features, doubledFile.rows, card));
    for (const o of oracle.commute_doubled.drift) {
      const r = rows.find((x) => card.features[x.feature].name === o.feature)!;
      expect(r.psi, o.feature).toBeCloseTo(o.psi, 9);
    }
    expect(rows.slice(0, 3).map((r) => card.features[r.feature].name)).toEqual(['avstand_reg_km', 'reisefradrag', 'reise_km_oppgitt']);
  });

  it('ranks a big shift in a feature the model ignores below a smaller one it relies on', () => {
    const base = { noiseThreshold: 0.01, outsideShare: 0, missingShare: 0, trainingMissingShare: 0, level: null };
    const rows = [
      { ...base, feature: 0, psi: 0.5, excess: 0.49, importance: 0 },
      { ...base, feature: 1, psi: 0.2, excess: 0.19, importance: 0.3 },
      { ...base, feature: 2, psi: NaN, excess: NaN, importance: 0.3 },
    ];
    expect(byDriftImpact(rows).map((r) => r.feature)).toEqual([1, 0, 2]);
  });

  it('reads PSI as stable below 0.1, some shift to 0.25, major above, nothing for NaN', () => {
    expect([0, 0.099, 0.1, 0.25, 0.2501, NaN].map(psiLevel)).toEqual(['stable', 'stable', 'some', 'some', 'major', null]);
  });
});
