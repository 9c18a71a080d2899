import { problem, type Problem, type Severity } from '../problems';

/**
 * Every problem code the model comparison can raise, with its severity and the params its
 * message uses. The catalogue (src/lib/i18n/messages/compare.ts) has `problem.<code>` for each.
 */
export const COMPARE_PROBLEMS = {
  /** No row has an outcome: no AUC and no errors found, only rankings are compared. */
  'compare.no_labels': { severity: 'info', params: [] },
  /** Outcomes exist but all are 1 or all 0 among the rows both models scored: no AUC. */
  'compare.one_class': { severity: 'info', params: ['labelled', 'positives'] },
  /** Fewer than two positives or two negatives: AUCs, but no DeLong interval. */
  'compare.too_few_for_interval': { severity: 'info', params: ['positives', 'negatives'] },
  /** The capacity asked for is more than the rows both models scored. */
  'compare.capacity_clamped': { severity: 'warning', params: ['asked', 'used'] },
  /** Rows one model scored and the other did not: left out of every figure. */
  'compare.unpaired_rows': { severity: 'warning', params: ['count'] },
  /** Rows swapped in or out of the list without an outcome: the difference in errors found counts known outcomes only. */
  'compare.swapped_unlabelled': { severity: 'info', params: ['count', 'swapped'] },
} as const satisfies Record<string, { severity: Severity; params: readonly string[] }>;

export type CompareProblemCode = keyof typeof COMPARE_PROBLEMS;

export const COMPARE_PROBLEM_CODES = Object.keys(COMPARE_PROBLEMS) as CompareProblemCode[];

export function compareProblem(code: CompareProblemCode, params?: Record<string, string | number>): Problem {
  return problem(code, COMPARE_PROBLEMS[code].severity, params ? { params } : {});
}
