/**
 * Global importance: the mean |φ| of each of f features over n rows of a contribution
 * matrix (row-major n × (f + 1), the last column being the expected value, which is
 * skipped). NaN contributions (rows that were not explained) are left out of that
 * feature's mean; a feature with no values gets NaN. Units are those of the contributions.
 */
export function meanAbs(contrib: ArrayLike<number>, n: number, f: number): Float64Array {
  const stride = f + 1;
  const sum = new Float64Array(f);
  const count = new Float64Array(f);
  for (let r = 0; r < n; r++) {
    const o = r * stride;
    for (let k = 0; k < f; k++) {
      const v = contrib[o + k];
      if (v === v) {
        sum[k] += Math.abs(v);
        count[k]++;
      }
    }
  }
  return sum.map((s, k) => (count[k] > 0 ? s / count[k] : NaN));
}
