/**
 * The fairness core against scikit-learn and scipy on the demo sample
 * (test/fixtures/fairness/demo-fairness.json, models/oracles_fairness/write_fairness_oracle.py):
 * the planner's opening selection (top 25 %, no control group), per-group shares and ratios,
 * and every feature's and the score's AUC per group and NMI.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoSample } from '../../../../test/fixtures/metrics/demo';
import { loadFairnessOracle } from '../../../../test/fixtures/fairness/demo-fairness';
import { selectWithControl } from '../select/control-sample';
import { groupsOf } from './groups';
import { selectionByGroup } from './selection-by-group';
import { proxyRows, SCORE } from './proxy-strength';
import { wilsonInterval } from './wilson';

const oracle = loadFairnessOracle();
const { card, prob, order, k, demoFile } = loadDemoSample();
const kindByRow = selectWithControl(order, prob, { capacity: k, controlShare: 0, seed: 1 }).kindByRow;
const prob32 = Float32Array.from(prob);
const kinds = card.features.map((f) => f.kind);

describe('the fairness core on the demo sample matches scikit-learn and scipy', () => {
  it('selects the same 500 rows as the oracle', () => {
    expect(k).toBe(oracle.k);
  });

  for (const name of Object.keys(oracle.columns)) {
    const column = demoFile.passthrough.columns[demoFile.passthrough.header.indexOf(name)];
    const groups = groupsOf(column, demoFile.rows);
    const expected = oracle.columns[name];

    it(`gives ${name}'s groups, largest first, with the oracle's shares, ratios and intervals`, () => {
      const table = selectionByGroup(groups, kindByRow, prob, demoFile.label);
      expect(table.groups.map((g) => g.group)).toEqual(expected.groups.map((g) => g.group));
      table.groups.forEach((g, i) => {
        const o = expected.groups[i];
        expect([g.rows, g.scored, g.selected, g.labels!.positives]).toEqual([o.rows, o.rows, o.selected, o.positives]);
        expect(Math.abs(g.selection.value - o.selection_rate)).toBeLessThan(1e-12);
        expect(Math.abs(g.ratio.value - o.ratio)).toBeLessThan(1e-12);
        for (const [got, want] of [
          [g.selection.ci95, o.selection_ci95],
          [g.ratio.ci95, o.ratio_ci95],
          [g.labels!.hitRate.ci95, o.hit_rate_ci95],
          [g.labels!.recall.ci95, o.recall_ci95],
        ] as const) {
          for (const j of [0, 1]) {
            if (want[j] === null) expect(got[j]).toBeNaN();
            else expect(Math.abs(got[j] - want[j]!)).toBeLessThan(1e-12);
          }
        }
        for (const [got, want] of [
          [g.labels!.hitRate.value, o.hit_rate],
          [g.labels!.recall.value, o.recall],
        ] as const) {
          if (want === null) expect(got).toBeNaN();
          else expect(Math.abs(got - want)).toBeLessThan(1e-12);
        }
      });
    });

    it(`gives every feature's and the score's AUC per ${name} group and NMI as scikit-learn`, () => {
      const rows = proxyRows(demoFile.features, kinds, prob32, groups);
      expect(rows).toHaveLength(card.features.length + 1);
      let compared = 0;
      for (const row of rows) {
        const feature = row.feature === SCORE ? '__score__' : card.features[row.feature].name;
        const want = expected.proxies[feature];
        groups.names.forEach((g, i) => {
          if (want.auc[g] === undefined) expect(row.auc[i]).toBeNaN();
          else {
            expect(Math.abs(row.auc[i] - want.auc[g])).toBeLessThan(1e-9);
            compared++;
          }
        });
        expect(Math.abs(row.nmi - want.nmi)).toBeLessThan(1e-9);
        const strengths = Object.values(want.auc).map((a) => Math.max(a, 1 - a));
        expect(row.strength).toBeCloseTo(Math.max(...strengths), 9);
      }
      expect(compared).toBeGreaterThan(card.features.length);
    });
  }

  it("gives scipy's Wilson intervals", () => {
    for (const { count, trials, ci95 } of oracle.wilson) {
      const [lo, hi] = wilsonInterval(count, trials);
      expect(Math.abs(lo - ci95[0])).toBeLessThan(1e-12);
      expect(Math.abs(hi - ci95[1])).toBeLessThan(1e-12);
    }
  });
});
