/**
 * Φ⁻¹(0.975), the standard normal quantile for a two-sided 95 % interval, to double precision
 * (scipy.stats.norm.ppf(0.975) = 1.959963984540054). The only quantile the comparison needs.
 */
export const Z_975 = 1.959963984540054;
