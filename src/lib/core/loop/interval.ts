/** A 95 % interval [low, high] in the estimate's unit, or null where it cannot be computed. */
export type Interval = [number, number];

/** Φ⁻¹(0.975) to double precision (scipy.stats.norm.ppf(0.975) = 1.959963984540054). */
export const Z95 = 1.959963984540054;
