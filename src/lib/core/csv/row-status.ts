/**
 * A data row's status, one byte per row in IngestResult.status: scored, scored with warnings
 * (a value was read with a guess, say), or rejected — a rejected row has every feature NaN,
 * no probability (NaN) and no rank. Compare with these names, never with bare 0, 1 and 2.
 */
export const STATUS_SCORED = 0;
export const STATUS_WARNED = 1;
export const STATUS_REJECTED = 2;
export type RowStatus = typeof STATUS_SCORED | typeof STATUS_WARNED | typeof STATUS_REJECTED;

/** The statuses as the CLI's row_status column and the manifest's by_status name them, indexed by status. */
export const STATUS_NAMES = ['scored', 'scored_with_warnings', 'rejected'] as const satisfies Record<RowStatus, string>;
