/**
 * The k features that push each row's score up the most: for each of n rows of a
 * contribution matrix (row-major n × (f + 1), last column the expected value), the indices
 * of its k largest positive contributions, largest first, ties to the lower index.
 * Row-major n × k; −1 where a row has fewer than k positive contributions (NaN counts as
 * none). Only positive contributions are reasons for a high risk score.
 */
export function topReasons(contrib: ArrayLike<number>, n: number, f: number, k = 3): Int32Array {
  const stride = f + 1;
  const out = new Int32Array(n * k).fill(-1);
  const best = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const o = r * stride;
    const at = r * k;
    let found = 0;
    for (let j = 0; j < f; j++) {
      const v = contrib[o + j];
      if (!(v > 0)) continue;
      // Insertion into the sorted top k; strict > keeps the lower index first on ties.
      let i = found < k ? found : k;
      if (i === k && !(v > best[k - 1])) continue;
      if (i === k) i = k - 1;
      while (i > 0 && v > best[i - 1]) {
        best[i] = best[i - 1];
        out[at + i] = out[at + i - 1];
        i--;
      }
      best[i] = v;
      out[at + i] = j;
      if (found < k) found++;
    }
  }
  return out;
}
