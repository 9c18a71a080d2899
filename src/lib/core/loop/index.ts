/** The outcomes loop: outcomes back in, linked to their list, and unbiased estimates from the random group (issue 18 §1). */
export { estimateLoop, INTERVAL_METHOD, MIN_RANDOM_ERRORS, type ArmAmount, type ArmCounts, type ArmEstimate, type Estimate, type LoopEstimates } from './estimate-loop';
export { type Interval, Z95 } from './interval';
export { wilsonFpc } from './wilson-fpc';
export { moverProduct, moverRatio, moverSum } from './mover';
export { listKey, type ListKeyInput } from './list-key';
export { linkOutcomes, type LinkedOutcomes, type LinkResult, type LoopFiles } from './link-outcomes';
export { estimatesDocument, type EstimatesDocument } from './estimates-json';
export { outcomesFormColumns, outcomesFormFileName } from './outcomes-form';
export { ARM_WORDS, OUTCOME_COLUMNS } from './outcomes-columns';
export { sortLoopFiles, type NamedBytes, type SortedLoopFiles } from './sort-files';
export { LOOP_PROBLEMS, LOOP_PROBLEM_CODES, loopProblem, type LoopProblemCode } from './codes';
