export { evaluate, evaluateAt, evaluateCurves, type Curves, type Evaluation } from './evaluate';
export {
  byDriftImpact,
  driftHeadline,
  driftTable,
  fileDriftRows,
  driftReading,
  driftMoved,
  driftWorrying,
  psiLevel,
  NOISE_LEVEL,
  PSI_MAJOR,
  PSI_SOME,
  type DriftHeadline,
  type DriftReading,
  type DriftRow,
  type PsiLevel,
} from './drift-table';
export {
  labelCandidates,
  labelFromText,
  segmentColumn,
  segmentMask,
  segmentSources,
  MAX_SEGMENTS,
  type SegmentSource,
} from './segment-columns';
export { chiSquareQuantile } from './chi-square';
