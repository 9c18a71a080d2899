import { describe, expect, it } from 'vitest';
import { overrideRates, wilson } from './override-rates';
import { ADD, KEEP, REMOVE, finalDecisions } from './final-decisions';
import type { DecisionEntry } from './decision-entry';

/** Intervals from scipy: binomtest(x, n).proportion_ci(method='wilson', confidence_level=0.95). */
describe('wilson', () => {
  it('matches scipy', () => {
    const [p, lo, hi] = wilson(2, 5);
    expect(p).toBe(0.4);
    expect(lo).toBeCloseTo(0.11762077423264794, 12);
    expect(hi).toBeCloseTo(0.769275718723987, 12);
    expect(wilson(0, 3)[1]).toBe(0);
    expect(wilson(0, 3)[2]).toBeCloseTo(0.5614970317550454, 12);
    expect(wilson(0, 0).every(Number.isNaN)).toBe(true);
  });
});

describe('overrideRates', () => {
  // Rows 0–4 chosen by the model, row 5 drawn for the control group, the rest not listed.
  const kindByRow = new Uint8Array([1, 1, 1, 1, 1, 2, 0, 0, 0, 0, 0, 0]);
  const segment = ['A', 'A', 'A', 'B', 'B', 'B', 'A', 'A', 'B', 'B', 'A', null];
  const code = new Uint8Array(12);
  code[0] = REMOVE;
  code[1] = KEEP;
  code[3] = REMOVE;
  code[5] = REMOVE;
  code[6] = ADD;
  code[8] = ADD;
  code[11] = ADD;

  it('counts listed, removed (and removed control) and added rows per segment, and the share overridden', () => {
    const r = overrideRates(code, kindByRow, segment);
    expect(r.names).toEqual(['A', 'B', '']);
    expect([...r.listed]).toEqual([3, 3, 0]);
    expect([...r.removed]).toEqual([1, 2, 0]);
    expect([...r.removedControl]).toEqual([0, 1, 0]);
    expect([...r.added]).toEqual([1, 1, 1]);
    expect([...r.share]).toEqual([0.5, 0.75, 1]);
    expect(r.low[0]).toBeCloseTo(0.15003898915214953, 12);
    expect(r.high[0]).toBeCloseTo(0.8499610108478505, 12);
    expect(r.low[1]).toBeCloseTo(0.30064184258240184, 12);
    expect(r.high[1]).toBeCloseTo(0.9544127391902995, 12);
    expect(r.low[2]).toBeCloseTo(0.20654931437723745, 12);
    expect(r.high[2]).toBe(1);
    expect(r.all).toMatchObject({ listed: 6, removed: 3, removedControl: 1, added: 3 });
    expect(r.all.share).toBeCloseTo(6 / 9, 15);
    expect(r.all.low).toBeCloseTo(0.3542021355803963, 12);
    expect(r.all.high).toBeCloseTo(0.879416181613089, 12);
  });

  it('gives NaN for a segment with nothing listed or added, and zero with no decisions', () => {
    const r = overrideRates(new Uint8Array(12), kindByRow, segment);
    expect([...r.share.slice(0, 2)]).toEqual([0, 0]);
    expect(Number.isNaN(r.share[2])).toBe(true);
  });

  it('takes the current decisions as finalDecisions gives them', () => {
    const entry = (row: number, decision: DecisionEntry['decision']) => ({ row, decision }) as DecisionEntry;
    const final = finalDecisions([entry(0, 'remove'), entry(1, 'keep'), entry(3, 'remove'), entry(5, 'remove'), entry(6, 'add'), entry(8, 'add'), entry(11, 'add')], 12);
    expect(overrideRates(final, kindByRow, segment)).toEqual(overrideRates(code, kindByRow, segment));
  });

  it('takes a segment given as codes', () => {
    const r = overrideRates(code, kindByRow, { codes: new Uint32Array(12), names: ['all'] });
    expect(r.all.share).toBeCloseTo(6 / 9, 15);
    expect([...r.listed]).toEqual([6]);
  });
});
