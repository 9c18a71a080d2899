import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from '../model/read-card';
import { completeCard } from '../model/complete-card';
import { algorithmRegister } from './algorithm-register';

const cardOf = (file: string) => readModel(new Uint8Array(readFileSync(file))).card!;

// Expected figures read from the ONNX metadata by Python's onnx package (json.loads of
// metadata_props['model_card'], collections.Counter over features[].source), not by this code.
describe('algorithmRegister', () => {
  it('counts the bundled model inputs by source and quotes its held-out figures at a quarter', () => {
    const r = algorithmRegister(cardOf('public/model/deduction-risk.onnx'));
    expect(r.inputs).toMatchObject({ count: 34, register: 22, taxpayer: 9, derived: 3 });
    expect(r.inputs.labels).toHaveLength(34);
    expect(r.data.nTrain).toBe(120000);
    expect(r.model).toMatchObject({ id: 'deduction-risk', trained: '2026-11-24', incomeYear: 2024, synthetic: true });
    expect(r.performance?.rocAuc).toBeCloseTo(0.8887897662930954, 12);
    expect(r.performance?.atQuarter).toEqual({ share: 0.25, n_selected: 10000, precision: 0.1434, recall: 0.8430335097001763, lift: 3.3721340388007053 });
    expect(r.purpose.task.nb).toBe('risiko for feil fradrag');
  });

  it('follows the card of another model', () => {
    const r = algorithmRegister(cardOf('public/model/inactive-business.onnx'));
    expect(r.inputs).toMatchObject({ count: 29, register: 20, taxpayer: 7, derived: 2 });
    expect(r.performance?.atQuarter?.recall).toBeCloseTo(0.9555403556771546, 12);
    expect(r.purpose.task.en).toBe('risk that the business is inactive');
  });

  it('has no performance for a card without test metrics', () => {
    const { card } = completeCard({ features: [{ name: 'a' }, { name: 'b' }] }, { input: 'x', probabilities: 'p', outputSpace: 'log-odds', covers: 'none', algorithm: 'TreeEnsembleClassifier', nTrees: 1, maxDepth: 1 });
    const r = algorithmRegister(card);
    expect(r.performance).toBeNull();
    expect(r.inputs).toMatchObject({ count: 2, derived: 2, register: 0, taxpayer: 0 });
  });
});
