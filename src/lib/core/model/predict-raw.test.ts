import { describe, expect, it } from 'vitest';
import { randomEnsemble, randomRows } from '../../../../test/explain/random-ensemble';
import { leafOf } from './ensemble';
import { predictRaw, toProbability } from './predict-raw';

describe('predictRaw', () => {
  it('adds the base and the leaf each tree reaches, row by row', () => {
    const e = randomEnsemble(4, { nFeatures: 3, nTrees: 5, mixedModes: true });
    const x = randomRows(5, 700, 3, 0.2);
    const raw = predictRaw(e, x, 700);
    for (const r of [0, 255, 256, 699]) {
      let sum = e.base;
      for (let t = 0; t < e.nTrees; t++) sum += e.value[leafOf(e, t, x, r * 3)];
      expect(raw[r]).toBe(sum);
    }
  });

  it('gives an empty array for no rows', () => {
    expect(predictRaw(randomEnsemble(1), new Float32Array(0), 0).length).toBe(0);
  });

  it('refuses a block shorter than n rows (a programmer error)', () => {
    const e = randomEnsemble(1, { nFeatures: 4 });
    expect(() => predictRaw(e, new Float32Array(7), 2)).toThrow(RangeError);
  });
});

describe('toProbability', () => {
  it('is the logistic function for a logistic link, without overflow at the ends', () => {
    const p = toProbability(Float64Array.of(0, Math.log(3), -Math.log(3), 800, -800, NaN));
    expect(Array.from(p.subarray(0, 3))).toEqual([0.5, 0.75, 0.25].map((v) => expect.closeTo(v, 15)));
    expect([p[3], p[4]]).toEqual([1, 0]);
    expect(p[5]).toBeNaN();
  });

  it('is the raw value itself for an identity link', () => {
    expect(Array.from(toProbability(Float64Array.of(0.25, 1.5), 'identity'))).toEqual([0.25, 1.5]);
  });
});
