export { explain, explainRow, prepareExplainer, SELF_CHECK_TOLERANCE } from './treeshap';
export type { Explainer, ExplainerOptions, Explanation, ExplainOptions, PrepareResult, RowExplanation } from './treeshap';
export { meanAbs } from './mean-abs';
export { topReasons } from './top-reasons';
export { byImportance, meanAbsExplained } from './importance';
