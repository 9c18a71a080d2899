export { isParquet } from './is-parquet';
export { readBatchMeta, BATCH_PREFIX, type BatchMeta } from './batch-meta';
export { openParquet, readParquet, blobAsyncBuffer, SCORE_COLUMNS, CONTRIB_PREFIX, type OpenedParquet, type ParquetRead, type FileScores, type ReadParquetOptions, type ParquetColumn } from './read-parquet';
export { batchSample, compareBatch, CHECK_ROWS, CHECK_TOP, CHECK_SEED, SCORE_TOLERANCE, CONTRIB_TOLERANCE, type BatchCheck } from './check-batch';
export { PARQUET_PROBLEMS, PARQUET_PROBLEM_CODES, parquetProblem, type ParquetProblemCode } from './codes';
export { scoreParquet, MISMATCH_ROWS, type ParquetOutcome, type ParquetEngine } from './score-parquet';
export { checkParquetCeiling, PARQUET_BATCH_COMMAND } from './parquet-ceiling';
export { parquetTextRows } from './parquet-text-rows';
export { scoresFrom, scoresFromProblem } from './scores-from';
