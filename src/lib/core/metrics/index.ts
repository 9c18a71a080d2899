export { type NumberColumn, isLabel } from './types';
export { rankOrder, ranksOf, scoredCount } from './rank-order';
export { rankedOutcomes, type RankedOutcomes } from './ranked-outcomes';
export { thresholdCounts, type ThresholdCounts } from './threshold-counts';
export { rocCurve, rocAuc, rocFromRanked, type RocCurve, type RocOptions } from './roc-curve';
export {
  precisionRecallCurve,
  averagePrecision,
  precisionRecallFromRanked,
  type PrecisionRecallCurve,
  type PrecisionRecallOptions,
} from './precision-recall-curve';
export { countForShare } from './count-for-share';
export { clampCapacity } from './clamp-capacity';
export { gainsCurve, gainsAt, gainsAtShares, type GainsCurve, type GainsPoint } from './gains-curve';
export { cumulativeShareAt } from './cumulative-share-at';
export { calibrationCurve, brierScore, type CalibrationCurve, type CalibrationStrategy } from './calibration-curve';
export { atCapacity, type AtCapacity } from './at-capacity';
export { metricsBySegment, tooFewToJudge, MIN_SEGMENT_LABELLED, MIN_SEGMENT_OUTCOMES, type SegmentMetrics } from './by-segment';
export { factorizeSegments, type SegmentColumn } from './factorize-segments';
export { labelCoverageByDecile, type DecileCoverage } from './label-coverage';
export { populationStability, PSI_EMPTY_SHARE, type PopulationStability } from './population-stability';
