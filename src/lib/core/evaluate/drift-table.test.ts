import { describe, expect, it } from 'vitest';
import { loadDemoSample } from '../../../../test/fixtures/metrics/demo';
import { byDriftImpact, driftHeadline, driftMoved, driftReading, driftTable, driftWorrying, psiLevel, type DriftReading, type DriftRow } from './drift-table';

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
    const base = { noiseThreshold: 0.01, outsideShare: 0, missingShare: 0, trainingMissingShare: 0, level: null, reading: null };
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

describe('driftReading', () => {
  it('calls a PSI below 0.1 beyond its noise limit a slight change, never stable', () => {
    expect(driftReading(0.05, 0.01)).toBe('slight');
    expect(driftMoved(driftReading(0.05, 0.01))).toBe(true);
    expect(driftWorrying(driftReading(0.05, 0.01))).toBe(false);
  });

  it('calls a large PSI within its noise limit a change within noise, never a large change', () => {
    expect(driftReading(0.4, 0.5)).toBe('noise');
    expect(driftReading(0.15, 0.2)).toBe('noise');
    expect(driftMoved('noise')).toBe(false);
  });

  it('reads a PSI equal to its noise limit as within noise', () => {
    expect(driftReading(0.3, 0.3)).toBe('noise');
    expect(driftReading(0.02, 0.02)).toBe('stable');
  });

  it('grades a PSI beyond its noise limit by the usual levels', () => {
    expect(driftReading(0.12, 0.01)).toBe('some');
    expect(driftReading(0.25, 0.01)).toBe('some');
    expect(driftReading(0.26, 0.01)).toBe('major');
    expect(driftWorrying('major')).toBe(true);
  });

  it('falls back to the PSI level when the noise limit cannot be told', () => {
    expect(driftReading(0.05, NaN)).toBe('stable');
    expect(driftReading(0.3, NaN)).toBe('major');
  });

  it('has no reading without a PSI', () => {
    expect(driftReading(NaN, 0.01)).toBeNull();
    expect(driftMoved(null)).toBe(false);
  });

  it('gives every row of the doubled-commute file a reading its headline can agree with', () => {
    const rows = driftTable(doubledFile.features, doubledFile.rows, card);
    for (const r of rows) {
      if (r.reading === 'stable') expect(r.psi > r.noiseThreshold, card.features[r.feature].name).toBe(false);
      if (r.reading === 'major' || r.reading === 'some') expect(r.psi > r.noiseThreshold || !Number.isFinite(r.noiseThreshold)).toBe(true);
    }
    expect(rows.filter((r) => driftWorrying(r.reading)).length).toBeGreaterThan(0);
  });
});

describe('driftHeadline', () => {
  const row = (feature: number, reading: DriftReading | null) => ({ feature, reading }) as DriftRow;
  it('names the moved features in table order and warns only for some or major drift', () => {
    const h = driftHeadline([row(4, 'slight'), row(2, 'noise'), row(0, 'slight'), row(1, 'stable'), row(3, null)]);
    expect(h.moved).toEqual([4, 0]);
    expect(h.worrying).toBe(false);
    expect(driftHeadline([row(1, 'stable'), row(7, 'major')])).toEqual({ moved: [7], worrying: true });
    expect(driftHeadline([])).toEqual({ moved: [], worrying: false });
  });
});
