/**
 * The headless scorer's explainer from the .onnx bytes, read by readModel (the same reader
 * as the page): TreeSHAP for trees (src/lib/core/explain/treeshap.ts), linear SHAP for a
 * LinearClassifier (src/lib/core/explain/linear-shap.ts). Shared by the contribution
 * columns (`--explain`) and the control list's reasons (`--list`).
 */
import type { ModelCard, OutputSpace } from '../lib/core/model/card';
import { readModel } from '../lib/core/model/read-card';
import { countCovers } from '../lib/core/model/count-covers';
import { prepareExplainer, type Explainer } from '../lib/core/explain';
import { columnMeans } from '../lib/core/explain/linear-shap';
import type { LinearModel } from '../lib/core/model/linear-model';
import { problem, type Problem } from '../lib/core/problems';

/** Rows × F float32 feature values (NaN = missing). */
export interface Rows {
  features: Float32Array;
  rows: number;
}

export interface ExplainSetup {
  /** The card given with --card (a JSON value or its text), for a model without one or to override it. */
  card?: unknown;
  /** Rows of the --covers-from file, and its name: covers (or a linear model's means) are counted there. */
  reference?: Rows & { name: string };
  /** The scored file's rows: covers are counted there when the model has none and no reference is given. */
  file?: Rows | null;
  /** The compiled WebAssembly TreeSHAP kernel (load-kernel.ts) for explaining many rows; absent or null: the TypeScript TreeSHAP. */
  kernel?: WebAssembly.Module | null;
}

export interface LoadedExplainer {
  explainer: Explainer | null;
  /** A linear model and the means its SHAP values are taken against. */
  linear: { model: LinearModel; mean: Float64Array } | null;
  card: ModelCard | null;
  outputSpace: OutputSpace;
  problems: Problem[];
}

/**
 * Covers: the file's own when it holds real counts; else counted on the reference rows
 * (then the values equal shap's TreeExplainer on that data); else on the scored file;
 * else the model is not explained. A linear model's means come from the same place.
 */
export function loadExplainer(modelBytes: Uint8Array, setup: ExplainSetup = {}): LoadedExplainer {
  const read = readModel(modelBytes, { card: setup.card });
  if (!read.model || !read.card) return { explainer: null, linear: null, card: null, outputSpace: 'log-odds', problems: read.problems };
  const { model, card } = read;
  const none = { explainer: null, linear: null, card, outputSpace: model.outputSpace };
  const data = setup.reference ?? setup.file ?? null;
  const said: Problem[] = [];
  if (data && (model.linear || model.trees?.covers !== 'model')) {
    if (setup.reference) said.push(problem('explain.covers_from_reference', 'info', { params: { file: setup.reference.name } }));
    else said.push(problem(model.fileCovers === 'placeholder' || model.linear ? 'explain.covers_from_file' : 'explain.covers_estimated', 'info'));
  }
  if (model.linear) {
    if (!data) return { ...none, problems: model.explainProblems };
    return { ...none, linear: { model: model.linear, mean: columnMeans(data.features, data.rows, model.linear.nFeatures) }, problems: said };
  }
  let ensemble = model.trees;
  if (!ensemble) return { ...none, problems: model.explainProblems };
  if (ensemble.covers !== 'model') {
    if (!data) return { ...none, problems: model.explainProblems };
    ensemble = countCovers(ensemble, data.features, data.rows, setup.reference ? 'reference' : 'file');
  }
  const prepared = prepareExplainer(ensemble);
  if (!prepared.explainer) return { ...none, problems: [...model.explainProblems, ...said, ...prepared.problems] };
  return { ...none, explainer: prepared.explainer, problems: said };
}
