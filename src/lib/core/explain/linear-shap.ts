import type { LinearModel } from '../model/linear-model';

/**
 * Column means of n rows × f features (row-major float32), over the cells that are not
 * missing: a NaN cell is left out of its column's mean (the mean of what is known), and a
 * column with no value at all has mean 0, so its contributions are w·x.
 */
export function columnMeans(x: Float32Array, n: number, f: number): Float64Array {
  const sum = new Float64Array(f);
  const count = new Float64Array(f);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < f; j++) {
      const v = x[r * f + j];
      if (v === v) {
        sum[j] += v;
        count[j]++;
      }
    }
  }
  return sum.map((s, j) => (count[j] > 0 ? s / count[j] : 0));
}

/**
 * Exact SHAP values of a linear model with independent features (shap.LinearExplainer;
 * Lundberg & Lee 2017, "Linear SHAP"): φ_j = w_j (x_j − mean_j), base = w·mean + b, so
 * base + Σφ = w·x + b, the raw score (log-odds for a logistic model). Row-major
 * n × (f + 1), the base last, as TreeSHAP's contributions. A missing cell (NaN) gets φ 0:
 * onnxruntime's LinearClassifier scores such a row NaN, so the row has no score to explain
 * and the check skips it.
 */
export function explainLinear(m: LinearModel, mean: Float64Array, x: Float32Array, n: number): Float64Array {
  const f = m.nFeatures;
  let base = m.intercept;
  for (let j = 0; j < f; j++) base += m.weights[j] * mean[j];
  const out = new Float64Array(n * (f + 1));
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < f; j++) {
      const v = x[r * f + j];
      out[r * (f + 1) + j] = v === v ? m.weights[j] * (v - mean[j]) : 0;
    }
    out[r * (f + 1) + f] = base;
  }
  return out;
}
