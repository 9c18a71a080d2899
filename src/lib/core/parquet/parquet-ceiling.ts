import { problem, type Problem } from '../problems';
import { TAB_CEILING_ROWS } from '../csv/tab-ceiling';

/** The batch path for a Parquet file too big for a tab: the Spark job reads Parquet (README "Parquet in the explorer"). */
export const PARQUET_BATCH_COMMAND = 'npm run batch';

/**
 * Null when a Parquet file of `rows` rows (its footer's count, exact) fits in a tab; otherwise
 * the CSV path's refusal, 'intake.over_ceiling', naming the ceiling and the batch path.
 */
export function checkParquetCeiling(rows: number, ceiling = TAB_CEILING_ROWS): Problem | null {
  if (rows <= ceiling) return null;
  return problem('intake.over_ceiling', 'error', { params: { rows, ceiling, command: PARQUET_BATCH_COMMAND } });
}
