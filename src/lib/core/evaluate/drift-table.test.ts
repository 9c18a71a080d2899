import { describe, expect, it } from 'vitest';
import { loadDemoSample } from '../../../../test/fixtures/metrics/demo';
import { byDriftImpact, driftTable, psiLevel } from './drift-table';

const { oracle, demo, card, demoFile, doubledFile } = loadDemoSample();

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
