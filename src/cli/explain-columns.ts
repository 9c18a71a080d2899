/**
 * SHAP columns for the headless scorer (`--explain`): contrib_base, then contrib_<feature>
 * for every model feature in card order, in the model's output space, so that for each
 * scored row contrib_base + Σ contrib_<feature> = logit(risk_probability) for a log-odds
 * model and = risk_probability for a probability-space one (an averaged forest). Exact
 * path-dependent TreeSHAP read from the same .onnx file (src/lib/core/explain/treeshap.ts, through
 * the WebAssembly kernel when the setup carries one: wasm-treeshap.ts),
 * or linear SHAP for a linear model, checked per row against onnxruntime's probability; a
 * row that fails the check is flagged, never dropped.
 */
import type { ModelCard } from '../lib/core/model/card';
import { treeShap } from '../lib/core/explain/wasm-treeshap';
import { loadExplainer, type ExplainSetup } from './load-explainer';
import { explainLinear } from '../lib/core/explain/linear-shap';
import { checkAgainstScore } from '../lib/core/explain/check-score';
import { problem, type Problem } from '../lib/core/problems';

/** Rows explained together (tree-major blocks keep one tree's tables in cache). */
const BLOCK_ROWS = 4096;

export interface ExplainedColumns {
  /** rows × (F + 1) in the output space, row-major: φ per feature in card order, then the base value. */
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
 * Null with problems when the model cannot be explained. `setup`: the card given and the
 * reference rows for covers (load-explainer.ts); without a reference, covers a model lacks
 * are counted on these rows.
 */
export function explainColumns(
  modelBytes: Uint8Array,
  features: Float32Array,
  rows: number,
  probability: Float32Array,
  setup: Omit<ExplainSetup, 'file'> = {},
): ExplainedColumns | { problems: Problem[] } {
  const loaded = loadExplainer(modelBytes, { ...setup, file: { features, rows } });
  if (!loaded.card || !(loaded.explainer || loaded.linear)) return { problems: loaded.problems };
  const { explainer, linear, problems } = loaded;
  const f = loaded.card.features.length;
  const stride = f + 1;
  const shap = explainer ? treeShap(explainer, setup.kernel ?? null) : null;
  const contrib = new Float32Array(rows * stride);
  const failed = new Uint8Array(rows);
  if (linear) contrib.set(explainLinear(linear.model, linear.mean, features, rows));
  for (let start = 0; shap && start < rows; start += BLOCK_ROWS) {
    const n = Math.min(BLOCK_ROWS, rows - start);
    const block = shap.explain(features.subarray(start * f, (start + n) * f), n);
    contrib.set(block.contrib, start * stride);
    failed.set(block.failed, start);
  }
  checkAgainstScore(contrib, rows, f, probability, failed, loaded.outputSpace);
  const flagged = failed.reduce((s, v) => s + v, 0);
  if (flagged > 0) problems.push(problem('explain.sum_mismatch', 'warning', { params: { count: flagged } }));
  return { contrib, failed, problems };
}
