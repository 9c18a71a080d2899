import { describe, expect, it } from 'vitest';
import { splitMix64, Xoshiro128StarStar } from './xoshiro128';

// Published outputs of Vigna's reference C, as recorded in the tests of the rand_xoshiro crate
// (rust-random/rngs, rand_xoshiro/src/splitmix64.rs and xoshiro128starstar.rs, test `reference`).
describe('SplitMix64', () => {
  it('reproduces the reference stream for seed 1477776061723855037', () => {
    const next = splitMix64(1477776061723855037n);
    expect(Array.from({ length: 6 }, next)).toEqual([
      1985237415132408290n,
      2979275885539914483n,
      13511426838097143398n,
      8488337342461049707n,
      15141737807933549159n,
      17093170987380407015n,
    ]);
  });

  it('refuses seeds outside 0..2^64-1', () => {
    expect(() => splitMix64(-1n)).toThrow(RangeError);
    expect(() => splitMix64(1n << 64n)).toThrow(RangeError);
  });
});

describe('Xoshiro128StarStar', () => {
  it('reproduces the xoshiro128** 1.1 reference stream from state [1, 2, 3, 4]', () => {
    const rng = new Xoshiro128StarStar([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => rng.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('seeds from SplitMix64 with the low word of each output first', () => {
    const next = splitMix64(42n);
    const [z1, z2] = [next(), next()];
    const direct = new Xoshiro128StarStar([Number(z1 & 0xffffffffn), Number(z1 >> 32n), Number(z2 & 0xffffffffn), Number(z2 >> 32n)]);
    const seeded = Xoshiro128StarStar.fromSeed(42);
    expect(Array.from({ length: 5 }, () => seeded.nextUint32())).toEqual(Array.from({ length: 5 }, () => direct.nextUint32()));
  });

  it('gives the same stream for a number seed and the same bigint seed, and another for another seed', () => {
    const draw = (r: Xoshiro128StarStar) => Array.from({ length: 8 }, () => r.nextUint32());
    expect(draw(Xoshiro128StarStar.fromSeed(2018))).toEqual(draw(Xoshiro128StarStar.fromSeed(2018n)));
    expect(draw(Xoshiro128StarStar.fromSeed(2018))).not.toEqual(draw(Xoshiro128StarStar.fromSeed(2019)));
  });

  it('refuses an all-zero state and seeds that are not non-negative integers', () => {
    expect(() => new Xoshiro128StarStar([0, 0, 0, 0])).toThrow(RangeError);
    expect(() => Xoshiro128StarStar.fromSeed(-1)).toThrow(RangeError);
    expect(() => Xoshiro128StarStar.fromSeed(1.5)).toThrow(RangeError);
    expect(() => Xoshiro128StarStar.fromSeed(2 ** 60)).toThrow(RangeError);
  });

  it('draws bounded integers in range, each value about equally often', () => {
    const rng = Xoshiro128StarStar.fromSeed(7);
    const counts = new Array(6).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[rng.below(6)]++;
    // χ² with 5 degrees of freedom; 20.5 is the 0.999 quantile.
    const chi2 = counts.reduce((s, c) => s + (c - n / 6) ** 2 / (n / 6), 0);
    expect(chi2).toBeLessThan(20.5);
    expect(rng.below(1)).toBe(0);
    expect(rng.below(2 ** 32)).toBeLessThan(2 ** 32);
    expect(() => rng.below(0)).toThrow(RangeError);
  });
});
