/**
 * SHAP columns for the headless scorer (`--explain`): contrib_base, then contrib_<feature>
 * for every model feature in card order, in log-odds (raw margin), so that for each scored
 * row contrib_base + Σ contrib_<feature> = logit(risk_probability). Exact path-dependent
 * TreeSHAP read from the same .onnx file (src/lib/core/explain/treeshap.ts), checked per row
 * against onnxruntime's probability; a row that fails the check is flagged, never dropped.
 */
import type { ModelCard } from '../lib/core/model/card';
import { explain } from '../lib/core/explain';
import { loadExplainer } from './load-explainer';
import { checkAgainstScore } from '../lib/core/explain/check-score';
import { problem, type Problem } from '../lib/core/problems';

/** Rows explained together (tree-major blocks keep one tree's tables in cache). */
const BLOCK_ROWS = 4096;

export interface ExplainedColumns {
  /** rows × (F + 1) log-odds, row-major: φ per feature in card order, then the base value. */
  contrib: Float32Array;
  /** 1 where base + Σφ missed onnxruntime's score. */
  failed: Uint8Array;
  /** File-level notes: covers estimated, rows failing the check, a model that cannot be explained. */
  problems: Problem[];
}

export function explainHeader(card: ModelCard): string[] {
  return ['contrib_base', ...card.features.map((f) => `contrib_${f.name}`)];
}

/**
 * Explains every row of `features` (rows × F float32, NaN missing). `probability` is
 * onnxruntime's P(incorrect deduction) per row (NaN for rejected rows, which are not checked).
 * Null with problems when the model's trees cannot be read.
 */
export function explainColumns(
  modelBytes: Uint8Array,
  features: Float32Array,
  rows: number,
  probability: Float32Array,
): ExplainedColumns | { problems: Problem[] } {
  const loaded = loadExplainer(modelBytes, { features, rows });
  if (!loaded.explainer || !loaded.card) return { problems: loaded.problems };
  const { explainer, problems } = loaded;
  const f = loaded.card.features.length;
  const stride = f + 1;
  const contrib = new Float32Array(rows * stride);
  const failed = new Uint8Array(rows);
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const n = Math.min(BLOCK_ROWS, rows - start);
    const block = explain(explainer, features.subarray(start * f, (start + n) * f), n);
    contrib.set(block.contrib, start * stride);
    failed.set(block.failed, start);
  }
  checkAgainstScore(contrib, rows, f, probability, failed);
  const flagged = failed.reduce((s, v) => s + v, 0);
  if (flagged > 0) problems.push(problem('explain.sum_mismatch', 'warning', { params: { count: flagged } }));
  return { contrib, failed, problems };
}
