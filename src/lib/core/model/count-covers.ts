import type { CoversOrigin, TreeEnsemble } from './ensemble';
import { estimateCovers } from './estimate-covers';

/**
 * The ensemble with covers counted on n rows of `x` (row-major, float32, NaN = missing),
 * marked 'estimated' with where the rows came from (coversOrigin): 'reference' for a file the user gave as the
 * model's reference data (the training data gives shap's TreeExplainer values), 'file' for
 * the scored file itself. Nodes no row reaches get cover 0; TreeSHAP halves below them
 * (treeshap.ts), the app's convention.
 */
export function countCovers(e: TreeEnsemble, x: Float32Array, n: number, source: Exclude<CoversOrigin, 'model'>): TreeEnsemble {
  return { ...estimateCovers(e, x, n), coversOrigin: source };
}
