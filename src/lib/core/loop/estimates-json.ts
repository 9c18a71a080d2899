import type { Problem } from '../problems';
import { INTERVAL_METHOD, type ArmEstimate, type Estimate, type LoopEstimates } from './estimate-loop';
import type { Interval } from './interval';
import type { LinkedOutcomes } from './link-outcomes';

type Json = { value: number | null; ci95: Interval | null };

/** An estimate as JSON: value and [low, high], or null for either. */
function json(e: Estimate | null): Json {
  return { value: e?.value ?? null, ci95: e?.ci95 ? [e.ci95[0], e.ci95[1]] : null };
}

function arm(a: ArmEstimate) {
  return { selected: a.selected, checked: a.checked, unchecked: a.unchecked, errors: a.errors, population: a.population, hit_rate: json(a.hitRate) };
}

/**
 * The estimates document the CLI writes (estimates.json) and the page offers: the keys of
 * issue 18 spelled exactly (rows_in_file, model_arm, random_arm, errors_outside_model_arm,
 * total_errors, model_recall, lift_model_vs_random, each estimate {value, ci95}), and what an
 * auditor needs besides: the list key and hashes, unchecked rows per arm, the amounts, the
 * interval methods, the problem codes and the unmatched ids.
 */
export function estimatesDocument(files: { list: string; manifest: string; outcomes: string }, link: LinkedOutcomes, e: LoopEstimates) {
  const amounts = link.model.amount || link.random.amount;
  return {
    rows_in_file: link.rows,
    rows_not_scored: link.rowsNotScored,
    model_arm: arm(e.model),
    random_arm: arm(e.random),
    errors_outside_model_arm: json(e.errorsOutside),
    total_errors: json(e.totalErrors),
    model_recall: json(e.recall),
    lift_model_vs_random: json(e.lift),
    /** Rows a reviewer added by hand: counted, in neither estimate (their chance of being listed is unknown). */
    added_by_hand: { selected: link.added.selected, checked: link.added.checked, errors: link.added.errors },
    corrected_amount_nok: amounts
      ? {
          model_arm_sum: e.model.amountFound,
          random_arm_sum: e.random.amountFound,
          model_arm_total: json(e.model.amountTotal),
          outside_model_arm: json(e.amountOutside),
          total: json(e.amountTotal),
          errors_without_amount: link.amountMissing,
        }
      : null,
    list_key: link.listKey,
    list_sha256: link.listSha256,
    manifest_sha256: link.manifestSha256,
    files,
    outcome_rows: link.outcomeRows,
    matched_ids: link.matched,
    unmatched_ids: link.unmatched,
    interval_method: INTERVAL_METHOD,
    problems: [...link.problems, ...e.problems].map(problemJson),
  };
}

export type EstimatesDocument = ReturnType<typeof estimatesDocument>;

function problemJson(p: Problem) {
  return { code: p.code, severity: p.severity, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.column !== undefined ? { column: p.column } : {}), ...(p.params ? { params: p.params } : {}) };
}
