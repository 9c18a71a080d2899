import { describe, expect, it } from 'vitest';
import { loadDemoSample } from '../../../test/fixtures/metrics/demo';
import { loadFairnessOracle } from '../../../test/fixtures/fairness/demo-fairness';
import { ranked } from '../core/pipeline/scored-file';
import type { Engines } from '../worker/engine-pool';
import type { ModelInfo } from '../worker/protocol';
import { Explorer } from './explorer.svelte';
import { plannerFor } from './planner.svelte';
import { fairnessAuditFor } from './fairness.svelte';

const { card, prob, k, demoFile } = loadDemoSample();
const oracle = loadFairnessOracle();

/** The Explorer with the bundled model's card and the demo sample scored (the oracle's probabilities); no workers. */
function explorerWithDemo() {
  const engines = { cancel: () => {} } as unknown as Engines;
  const e = new Explorer(engines, ['nb']);
  e.model = { card, sha256: '0'.repeat(64), name: 'deduction-risk.onnx', bytes: 1, engine: 'test', explainable: true, linear: false, covers: 'model', outputSpace: 'log-odds', missing: [] } as ModelInfo;
  e.result = ranked({ fileName: 'demo-sample.csv', ingest: demoFile, probability: Float32Array.from(prob) });
  e.capacity = k;
  return e;
}

describe('FairnessAudit', () => {
  it('chooses nothing by itself, offers kommunenr and sivilstand, and keeps its choice per file', () => {
    const e = explorerWithDemo();
    const audit = fairnessAuditFor(e, e.result!);
    expect(audit.column).toBeNull();
    expect(audit.table).toBeNull();
    expect(audit.candidates.map((c) => c.header)).toEqual(['kommunenr', 'sivilstand']);
    expect(fairnessAuditFor(e, e.result!)).toBe(audit);
  });

  it('shows the planner’s selection by group, and follows its control share', async () => {
    const e = explorerWithDemo();
    const audit = fairnessAuditFor(e, e.result!);
    const sivilstand = demoFile.passthrough.header.indexOf('sivilstand');
    const choosing = audit.choose(sivilstand);
    expect(audit.table!.groups.map((g) => [g.group, g.selected])).toEqual(oracle.columns.sivilstand.groups.map((g) => [g.group, g.selected]));
    // A tenth of the capacity to the random control group: the model's own choice shrinks to 450.
    plannerFor(e).controlShare = 0.1;
    expect(audit.table!.groups.reduce((sum, g) => sum + g.selected, 0)).toBe(k - Math.round(k * 0.1));
    await choosing;
  });

  it('computes the proxies of a column once, one column at a time, and reuses them when the column is chosen again', async () => {
    const e = explorerWithDemo();
    const audit = fairnessAuditFor(e, e.result!);
    const sivilstand = demoFile.passthrough.header.indexOf('sivilstand');
    const kommunenr = demoFile.passthrough.header.indexOf('kommunenr');
    const first = audit.choose(sivilstand);
    expect(audit.proxyDone).toBe(false);
    // Choosing another column before the first is done abandons the first run.
    const second = audit.choose(kommunenr);
    await Promise.all([first, second]);
    expect(audit.column).toBe(kommunenr);
    expect(audit.proxyDone).toBe(true);
    expect(audit.proxies).toHaveLength(card.features.length + 1);
    await audit.choose(sivilstand);
    const rows = audit.proxies;
    expect(rows).toHaveLength(card.features.length + 1);
    const alder = rows.find((r) => r.feature === card.features.findIndex((f) => f.name === 'alder'))!;
    expect(alder.auc[audit.groups!.names.indexOf('enke')]).toBeCloseTo(oracle.columns.sivilstand.proxies.alder.auc.enke, 9);
    await audit.choose(kommunenr);
    await audit.choose(sivilstand);
    expect(audit.proxies).toBe(rows);
  });
});
