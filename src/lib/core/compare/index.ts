export { compareModels, type CompareInput, type Comparison, type SegmentComparison } from './compare-models';
export { spearman } from './spearman';
export { topLists, type TopLists } from './top-lists';
export { delongPaired, type DelongPaired } from './delong-paired';
export { foundAtCapacity, BOOTSTRAP_RESAMPLES, type BootstrapOptions, type FoundAtCapacity } from './found-at-capacity';
export { poissonBootstrapSums, quantileSorted } from './poisson-bootstrap';
export { densityGrid, DENSITY_FROM_ROWS, type DensityGrid } from './density-grid';
export { pairedOrder } from './paired-order';
export { COMPARE_PROBLEMS, COMPARE_PROBLEM_CODES, compareProblem, type CompareProblemCode } from './codes';
