import { describe, expect, it } from 'vitest';
import { BY_MODEL, NOT_SELECTED, RANDOM_CONTROL } from '../select/control-sample';
import { groupsOf } from './groups';
import { groupOutcomeEstimates } from './group-outcomes';
import { outcomeByRow } from '../loop/outcome-by-row';
import { NOT_CHECKED } from '../loop/read-outcomes';

const M = BY_MODEL;
const R = RANDOM_CONTROL;
const N = NOT_SELECTED;

describe('groupOutcomeEstimates', () => {
  // Twelve rows in two groups; row 11 was not scored (NaN) and so is in no pool.
  //           0  1  2  3  4  5  6  7  8  9 10 11
  const group = ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b'];
  const kind = Uint8Array.from([M, M, R, N, N, N, M, R, R, N, N, N]);
  const outcome = [1, 0, 1, NaN, NaN, NaN, 1, 0, NaN, NaN, NaN, NaN];
  const prob = [0.9, 0.8, 0.1, 0.2, 0.1, 0.1, 0.7, 0.1, 0.2, 0.1, 0.3, NaN];

  it('applies the file-wide estimator to each group’s own counts, with its scored rows as N', () => {
    const [a, b] = groupOutcomeEstimates(groupsOf(group, 12), kind, outcome, prob);
    // Group a: 6 scored rows, model arm 2 (1 error of 2 checked), random 1 of 1 checked with an error.
    // hit model 1/2, hit random 1/1; errors outside = (6 − 2)·1 = 4; total = 2·½ + 4 = 5; recall = 1/5.
    expect(a.group).toBe('a');
    expect(a.modelHitRate.value).toBe(0.5);
    expect(a.randomHitRate.value).toBe(1);
    expect(a.modelRecall.value).toBeCloseTo(1 / 5, 12);
    // Group b: 5 scored rows (row 11 not), model 1 of 1 with an error, random 2 listed, 1 checked without one.
    // hit model 1, hit random 0 → errors outside 0, total 1, recall 1.
    expect(b.modelHitRate.value).toBe(1);
    expect(b.randomHitRate.value).toBe(0);
    expect(b.modelRecall.value).toBe(1);
    // Every arm with a check has an interval that holds its point.
    for (const e of [a.modelHitRate, a.randomHitRate, b.randomHitRate]) {
      expect(e.ci95![0]).toBeLessThanOrEqual(e.value!);
      expect(e.ci95![1]).toBeGreaterThanOrEqual(e.value!);
    }
  });
});

describe('outcomeByRow', () => {
  const manifest = { selection: { model_count: 2, control_count: 1 } } as never;
  it('lays each drawn list position’s outcome on its file row and leaves rows added by hand out', () => {
    const outcomeAt = Int8Array.from([1, NOT_CHECKED, 0, 1]); // position 3: added by hand
    const out = outcomeByRow({ outcomeAt, manifest }, Uint32Array.from([4, 0, 2]), 6)!;
    expect([...out].map((x) => (Number.isNaN(x) ? 'n' : x))).toEqual([ 'n', 'n', 0, 'n', 1, 'n']);
  });
  it('refuses a selection of another length', () => {
    expect(outcomeByRow({ outcomeAt: new Int8Array(3), manifest }, Uint32Array.from([0, 1]), 4)).toBeNull();
  });
});
