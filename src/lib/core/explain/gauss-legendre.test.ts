import { describe, expect, it } from 'vitest';
import { gaussLegendre } from './gauss-legendre';

/** numpy.polynomial.legendre.leggauss(n), mapped to [0, 1] by (x + 1)/2 and w/2. */
const NUMPY: Record<number, [number[], number[]]> = {
  1: [[0.5], [1.0]],
  3: [
    [0.1127016653792583, 0.5, 0.8872983346207417],
    [0.27777777777777785, 0.4444444444444444, 0.27777777777777785],
  ],
  5: [
    [0.04691007703066802, 0.23076534494715845, 0.5, 0.7692346550528415, 0.9530899229693319],
    [0.11846344252809464, 0.23931433524968315, 0.28444444444444433, 0.23931433524968315, 0.11846344252809464],
  ],
  16: [
    [
      0.005299532504175031, 0.0277124884633837, 0.06718439880608412, 0.1222977958224985, 0.19106187779867811, 0.2709916111713863,
      0.35919822461037054, 0.4524937450811813, 0.5475062549188188, 0.6408017753896295, 0.7290083888286136, 0.8089381222013219,
      0.8777022041775016, 0.9328156011939159, 0.9722875115366163, 0.994700467495825,
    ],
    [
      0.013576229705877088, 0.031126761969323728, 0.0475792558412463, 0.062314485627767036, 0.07479799440828835, 0.08457825969750132,
      0.09130170752246182, 0.09472530522753432, 0.09472530522753432, 0.09130170752246182, 0.08457825969750132, 0.07479799440828835,
      0.062314485627767036, 0.0475792558412463, 0.031126761969323728, 0.013576229705877088,
    ],
  ],
};

describe('gaussLegendre', () => {
  it.each(Object.keys(NUMPY).map(Number))('gives numpy’s nodes and weights for n = %i', (n) => {
    const { u, w } = gaussLegendre(n);
    const [nu, nw] = NUMPY[n];
    nu.forEach((v, k) => expect(u[k]).toBeCloseTo(v, 14));
    nw.forEach((v, k) => expect(w[k]).toBeCloseTo(v, 14));
  });

  it('integrates u^m exactly up to degree 2n − 1 and not beyond', () => {
    for (let n = 1; n <= 16; n++) {
      const { u, w } = gaussLegendre(n);
      const integral = (m: number) => u.reduce((s, x, k) => s + w[k] * x ** m, 0);
      for (let m = 0; m <= 2 * n - 1; m++) expect(Math.abs(integral(m) - 1 / (m + 1))).toBeLessThan(1e-14);
      // The error at degree 2n shrinks like (n!)⁴/(2n)!³, below rounding from n ≈ 7 on.
      if (n <= 6) expect(Math.abs(integral(2 * n) - 1 / (2 * n + 1))).toBeGreaterThan(1e-12);
    }
  });

  it('is a programmer error to ask for no nodes', () => {
    expect(() => gaussLegendre(0)).toThrow();
  });
});
