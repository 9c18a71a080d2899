import { writeFileSync } from 'node:fs';
import type { Comparison } from '../lib/core/compare';

/** NaN and infinities have no JSON: null, so a reader sees "no figure" rather than a made-up number. */
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const pair = (p: [number, number]): [number | null, number | null] => [num(p[0]), num(p[1])];

/**
 * The --compare-report JSON. Always: rows, paired, capacity (rows each list takes), spearman,
 * overlap_at_capacity, entering, leaving (counts), labelled, positives, problems (codes). With
 * known outcomes of both kinds: auc, auc_compare, auc_difference {value, ci95, se} (challenger −
 * champion, DeLong). With any known outcome: found_at_capacity, found_at_capacity_compare,
 * found_difference {value, ci95} (Poisson bootstrap, `resamples`, `seed`).
 */
export function compareReport(c: Comparison, bootstrap: { resamples: number; seed: bigint }): Record<string, unknown> {
  const out: Record<string, unknown> = {
    rows: c.rows,
    paired: c.paired,
    capacity: c.capacity,
    spearman: num(c.spearman),
    overlap_at_capacity: c.overlap,
    entering: c.entering.length,
    leaving: c.leaving.length,
    labelled: c.labelled,
    positives: c.positives,
  };
  if (c.auc) {
    out.auc = num(c.auc.aucA);
    out.auc_compare = num(c.auc.aucB);
    out.auc_difference = { value: num(c.auc.difference), ci95: pair(c.auc.ci95), se: num(c.auc.se) };
  }
  if (c.found) {
    out.found_at_capacity = c.found.champion;
    out.found_at_capacity_compare = c.found.challenger;
    out.found_difference = { value: c.found.difference.value, ci95: pair(c.found.difference.ci95), resamples: bootstrap.resamples, seed: String(bootstrap.seed) };
  }
  out.problems = c.problems.map((p) => p.code);
  return out;
}

export function writeCompareReport(path: string, c: Comparison, bootstrap: { resamples: number; seed: bigint }): void {
  writeFileSync(path, JSON.stringify(compareReport(c, bootstrap), null, 2) + '\n');
}
