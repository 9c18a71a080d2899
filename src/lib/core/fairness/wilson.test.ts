import { describe, expect, it } from 'vitest';
import { share, wilsonInterval } from './wilson';
import { ratioInterval } from './ratio-interval';

describe('wilsonInterval', () => {
  it('gives 3 of 10 the interval worked out by hand (0.10779, 0.60322)', () => {
    const [lo, hi] = wilsonInterval(3, 10);
    expect(lo).toBeCloseTo(0.10779, 5);
    expect(hi).toBeCloseTo(0.60322, 5);
  });

  it('is symmetric about one half: 6 of 12 gives 0.5 ± the same half-width', () => {
    const [lo, hi] = wilsonInterval(6, 12);
    expect(lo + hi).toBeCloseTo(1, 15);
  });

  it('ends exactly at 0 for no successes and at 1 for all', () => {
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    expect(wilsonInterval(0, 10)[1]).toBeGreaterThan(0.2);
  });

  it('has no interval for no trials', () => {
    expect(wilsonInterval(0, 0)).toEqual([NaN, NaN]);
    expect(share(0, 0).value).toBeNaN();
  });
});

describe('ratioInterval (MOVER-R)', () => {
  // Expected values from models/oracles_fairness/write_fairness_oracle.py mover_r (numpy, scipy's Wilson).
  it('gives 2/8 against 6/12 the oracle’s interval around 0.5', () => {
    const r = ratioInterval(share(2, 8), share(6, 12));
    expect(r.value).toBe(0.5);
    expect(r.ci95[0]).toBeCloseTo(0.1366706720171283, 12);
    expect(r.ci95[1]).toBeCloseTo(1.5078099020517775, 12);
  });

  it('stays finite when the group has no one selected (where the Katz log interval does not)', () => {
    const r = ratioInterval(share(0, 20), share(5, 10));
    expect(r.value).toBe(0);
    expect(r.ci95[0]).toBe(0);
    expect(r.ci95[1]).toBeCloseTo(0.3791266247903345, 12);
  });

  it('has no ratio when the reference selects no one', () => {
    expect(ratioInterval(share(3, 10), share(0, 10)).value).toBeNaN();
  });
});
