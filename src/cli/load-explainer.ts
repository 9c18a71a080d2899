/**
 * The headless scorer's TreeSHAP engine from the .onnx bytes: the trees read from the
 * protobuf and their tables prepared (src/lib/core/explain/treeshap.ts). Shared by the
 * contribution columns (`--explain`) and the control list's reasons (`--list`).
 */
import type { ModelCard } from '../lib/core/model/card';
import { readModel } from '../lib/core/model/read-card';
import { readEnsemble } from '../lib/core/model/read-ensemble';
import { estimateCovers } from '../lib/core/model/estimate-covers';
import { prepareExplainer, type Explainer } from '../lib/core/explain';
import { problem, type Problem } from '../lib/core/problems';

/**
 * `coversFrom`: rows × F float32 feature values to estimate node covers from when the model
 * carries none (as the app does: the file stands in for the training data); without it such
 * a model is not explained. Null explainer with problems when the trees cannot be used.
 */
export function loadExplainer(
  modelBytes: Uint8Array,
  coversFrom: { features: Float32Array; rows: number } | null,
): { explainer: Explainer | null; card: ModelCard | null; problems: Problem[] } {
  const read = readModel(modelBytes);
  if (!read.proto || !read.card) return { explainer: null, card: null, problems: read.problems };
  const trees = readEnsemble(read.proto);
  if (!trees.ensemble) return { explainer: null, card: read.card, problems: trees.problems };
  let ensemble = trees.ensemble;
  const problems: Problem[] = [];
  if (ensemble.covers === 'none') {
    if (!coversFrom) return { explainer: null, card: read.card, problems: trees.problems };
    ensemble = { ...ensemble, cover: estimateCovers(ensemble, coversFrom.features, coversFrom.rows).cover, covers: 'estimated' };
    problems.push(problem('explain.covers_estimated', 'info'));
  }
  const prepared = prepareExplainer(ensemble);
  if (!prepared.explainer) return { explainer: null, card: read.card, problems: [...trees.problems, ...problems, ...prepared.problems] };
  return { explainer: prepared.explainer, card: read.card, problems };
}
