/**
 * Gauss–Legendre quadrature on [0, 1]: n nodes u_k and weights ω_k with
 * Σ ω_k p(u_k) = ∫₀¹ p(u) du exactly for every polynomial p of degree ≤ 2n − 1.
 *
 * Nodes are the roots of the Legendre polynomial P_n, found by Newton's method from
 * Tricomi's initial guess cos(π(k + 3/4)/(n + 1/2)); weights 2 / ((1 − x²) P_n'(x)²)
 * (Abramowitz & Stegun 25.4.29; Press et al., Numerical Recipes, §4.6 gauleg). Both are
 * then mapped from [−1, 1] to [0, 1].
 */
export interface Quadrature {
  /** Nodes in (0, 1), ascending. */
  u: Float64Array;
  /** Weights, summing to 1. */
  w: Float64Array;
}

export function gaussLegendre(n: number): Quadrature {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`gaussLegendre needs a positive integer, not ${n}`);
  const u = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < (n + 1) >> 1; k++) {
    let x = Math.cos((Math.PI * (k + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let step = 0; step < 100; step++) {
      // P_n(x) and P_{n−1}(x) by the three-term recurrence (j+1)P_{j+1} = (2j+1)xP_j − jP_{j−1}.
      let p = 1;
      let previous = 0;
      for (let j = 0; j < n; j++) {
        const next = ((2 * j + 1) * x * p - j * previous) / (j + 1);
        previous = p;
        p = next;
      }
      derivative = (n * (x * p - previous)) / (x * x - 1);
      const dx = p / derivative;
      x -= dx;
      if (Math.abs(dx) <= 1e-16) break;
    }
    const weight = 1 / ((1 - x * x) * derivative * derivative);
    // x is the k-th largest root; its mirror −x is the k-th smallest.
    u[k] = (1 - x) / 2;
    u[n - 1 - k] = (1 + x) / 2;
    w[k] = weight;
    w[n - 1 - k] = weight;
  }
  return { u, w };
}
