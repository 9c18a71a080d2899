import { problem, type Problem, type Severity } from '../problems';

/**
 * Every problem code of the outcomes loop, with its fixed severity and the params its
 * sentence uses. The catalogue (src/lib/i18n/messages/outcomes.ts) has `problem.<code>` for each.
 * Errors refuse the files; warnings and infos come with the estimates.
 */
export const LOOP_PROBLEMS = {
  /** The manifest is not JSON or lacks a field the link needs. */
  'loop.manifest_invalid': { severity: 'error', params: ['name', 'detail'] },
  /** The list's bytes do not hash to the manifest's export.sha256. */
  'loop.list_edited': { severity: 'error', params: ['list', 'manifest'] },
  /** The list cannot be read as the manifest describes it (no header, too few columns, a rank that is not a whole number). */
  'loop.list_unreadable': { severity: 'error', params: ['name', 'detail'] },
  /** The outcomes file has no column with the list's id header. */
  'loop.outcomes_no_id': { severity: 'error', params: ['name', 'id'] },
  /** The outcomes file has no `utfall` column. */
  'loop.outcomes_no_outcome': { severity: 'error', params: ['name'] },
  /** A row's `liste` is not the manifest's list key. */
  'loop.outcomes_other_key': { severity: 'error', params: ['name', 'found', 'expected'] },
  /** Without a `liste` column, fewer than half of the outcome rows match ids on the list. */
  'loop.outcomes_other_list': { severity: 'error', params: ['name', 'matched', 'rows', 'list'] },
  /** The outcomes file is not text (a spreadsheet, an image …) or has no rows. */
  'loop.outcomes_unreadable': { severity: 'error', params: ['name', 'detail'] },
  /** An outcome cell other than 0, 1 or empty: the row counts as not checked. */
  'loop.outcome_invalid': { severity: 'warning', params: ['value'] },
  /** A corrected amount that is not a number: the row's outcome is kept, its amount is unknown. */
  'loop.amount_invalid': { severity: 'warning', params: ['value'] },
  /** An id given more than once: the first row counts, the others are left out. */
  'loop.duplicate_id': { severity: 'warning', params: ['id', 'first'] },
  /** Ids not on the list: the count and the first few with their lines. */
  'loop.unmatched_ids': { severity: 'warning', params: ['count', 'examples'] },
  /** Rows of each arm without an outcome: treated as missing at random within the arm. */
  'loop.unchecked': { severity: 'info', params: ['model', 'random'] },
  /** Errors found with no corrected amount: left out of the amount estimates (missing at random among errors). */
  'loop.amount_missing': { severity: 'info', params: ['count'] },
  /** An older manifest without a list key: the link rests on the list's hash and the ids alone. */
  'loop.no_list_key': { severity: 'info', params: ['version'] },
  /** The list has no random group: nothing can be said about the rows outside the model's choice. */
  'loop.no_random_arm': { severity: 'warning', params: [] },
  /** The model arm has rows on the list but none checked yet. */
  'loop.model_arm_unchecked': { severity: 'warning', params: [] },
  /** The random arm has rows on the list but none checked yet. */
  'loop.random_arm_unchecked': { severity: 'warning', params: [] },
  /**
   * Fewer than MIN_RANDOM_ERRORS errors found in the random group: discrete intervals cannot
   * hold their 95 % there (coverage-simulation.test.ts, the small-sample regime).
   */
  'loop.too_few_random_errors': { severity: 'warning', params: ['errors', 'min'] },
  /** The manifest's decision log does not verify (core/decisions): the list and its record cannot be trusted. */
  'loop.decision_log': { severity: 'error', params: ['name', 'entry'] },
  /** Rows a reviewer added by hand: counted on their own, in neither estimate (their chance of being listed is unknown). */
  'loop.added_by_hand': { severity: 'info', params: ['count', 'checked', 'errors'] },
  /** Rows a reviewer took off the list: not checked, so the missing-at-random reading of unchecked rows may not hold for them. */
  'loop.removed_by_reviewer': { severity: 'warning', params: ['count'] },
} as const satisfies Record<string, { severity: Severity; params: readonly string[] }>;

export type LoopProblemCode = keyof typeof LOOP_PROBLEMS;

export const LOOP_PROBLEM_CODES = Object.keys(LOOP_PROBLEMS) as LoopProblemCode[];

export function loopProblem(code: LoopProblemCode, params?: Record<string, string | number>, where: { line?: number; column?: number; field?: string } = {}): Problem {
  return problem(code, LOOP_PROBLEMS[code].severity, { ...where, ...(params ? { params } : {}) });
}
