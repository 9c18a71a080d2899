import { describe, expect, it } from 'vitest';
import { groupsOf } from './groups';
import { selectionByGroup, FOUR_FIFTHS } from './selection-by-group';
import { armCountsByGroup } from './arm-counts';
import { BY_MODEL, NOT_SELECTED, RANDOM_CONTROL } from '../select/control-sample';

describe('groupsOf', () => {
  it('puts the largest group first, ties in order of first appearance, and empty cells in a group of their own', () => {
    const g = groupsOf(['b', 'a', '', 'a', 'b', 'c', null], 7);
    expect(g.names).toEqual(['b', 'a', '', 'c']);
    expect([...g.rows]).toEqual([2, 2, 2, 1]);
    expect([...g.codes]).toEqual([0, 1, 2, 1, 0, 3, 2]);
  });

  it('handles an empty column', () => {
    expect(groupsOf([], 0).names).toEqual([]);
  });
});

describe('selectionByGroup', () => {
  // 40 rows of 'a' (20 selected), 35 of 'b' (7 selected), 5 of 'c' (1 selected), one 'b' unscored.
  const column = [...Array(40).fill('a'), ...Array(35).fill('b'), ...Array(5).fill('c')];
  const kind = new Uint8Array(80);
  for (let r = 0; r < 20; r++) kind[r] = BY_MODEL;
  for (let r = 40; r < 47; r++) kind[r] = BY_MODEL;
  kind[47] = RANDOM_CONTROL;
  kind[75] = BY_MODEL;
  const prob = new Float64Array(80).fill(0.5);
  prob[79] = NaN;
  const groups = groupsOf(column, 80);

  it('counts rows, scored rows and the model’s selection per group; control rows are not the model’s choice', () => {
    const t = selectionByGroup(groups, kind, prob);
    expect(t.groups.map((g) => [g.group, g.rows, g.scored, g.selected])).toEqual([
      ['a', 40, 40, 20],
      ['b', 35, 35, 7],
      ['c', 5, 4, 1],
    ]);
    expect(t.groups[1].selection.value).toBe(0.2);
    expect(t.groups[1].ratio.value).toBeCloseTo(0.4, 15);
    expect(t.groups[1].labels).toBeNull();
  });

  it('flags a judgeable group under four-fifths of the largest group’s rate, never the reference or a group too small', () => {
    const t = selectionByGroup(groups, kind, prob);
    expect(FOUR_FIFTHS).toBe(0.8);
    expect(t.groups[0].ratio).toMatchObject({ value: 1, reference: true, flagged: false });
    expect(t.groups[1].ratio.flagged).toBe(true);
    expect(t.groups[2]).toMatchObject({ judgeable: false, ratio: { flagged: false } });
    expect(t.tooSmall).toBe(1);
  });

  it('gives hit rate among the selected and recall from the labels, judged by tooFewToJudge', () => {
    // In 'a': 6 positives, 4 of them selected; one selected row unlabelled.
    const label = new Float64Array(80).fill(0);
    for (const r of [0, 1, 2, 3, 30, 31]) label[r] = 1;
    label[5] = NaN;
    const a = selectionByGroup(groups, kind, prob, label).groups[0];
    expect(a.labels).toMatchObject({ labelled: 39, positives: 6, judgeable: true });
    expect(a.labels!.hitRate).toMatchObject({ count: 4, of: 19 });
    expect(a.labels!.recall).toMatchObject({ count: 4, of: 6 });
    const b = selectionByGroup(groups, kind, prob, label).groups[1];
    expect(b.labels).toMatchObject({ positives: 0, judgeable: false });
    expect(b.labels!.recall.value).toBeNaN();
  });
});

describe('armCountsByGroup', () => {
  it('counts selected, checked and errors per arm and group, ignoring outcomes off the list', () => {
    const groups = groupsOf(['x', 'x', 'x', 'y', 'y', 'x'], 6);
    const kind = Uint8Array.from([BY_MODEL, BY_MODEL, RANDOM_CONTROL, RANDOM_CONTROL, NOT_SELECTED, RANDOM_CONTROL]);
    const outcome = Float64Array.from([1, NaN, 0, 1, 1, 1]);
    expect(armCountsByGroup(groups, kind, outcome)).toEqual([
      { group: 'x', rows: 4, model: { selected: 2, checked: 1, errors: 1 }, random: { selected: 2, checked: 2, errors: 1 } },
      { group: 'y', rows: 2, model: { selected: 0, checked: 0, errors: 0 }, random: { selected: 1, checked: 1, errors: 1 } },
    ]);
  });

  it('treats values other than 0 and 1 as not checked', () => {
    const groups = groupsOf(['x'], 1);
    expect(armCountsByGroup(groups, Uint8Array.of(BY_MODEL), Float64Array.of(0.5))[0].model).toEqual({ selected: 1, checked: 0, errors: 0 });
  });
});
