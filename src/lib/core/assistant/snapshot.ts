import type { ModelCard, OutputSpace } from '../model/card';
import type { ScoredFile } from '../pipeline/scored-file';
import { STATUS_REJECTED } from '../csv/row-status';
import type { DriftRow } from '../evaluate/drift-table';
import { driftHeadline } from '../evaluate/drift-table';
import type { Problem } from '../problems';
import type { AssistantContext, RecordSnapshot } from './context';
import type { Entities } from './entities';

/** What the state layer (or the CLI) hands over to build one question's context. */
export interface SnapshotInput {
  locale: AssistantContext['locale'];
  card: ModelCard | null;
  explainer: { kind: 'trees' | 'linear'; space: OutputSpace } | null;
  file: ScoredFile | null;
  /** capacityPlan's running sums (the planner's), or null without a file. */
  expected: ArrayLike<number> | null;
  capacity: number;
  controlShare: number;
  /** The drift table as the Evaluation view orders it (fileDriftRows); null when not computed. */
  drift: readonly DriftRow[] | null;
  entities: Entities;
  /** The open record, used when the question names no id. */
  selectedRow: number | null;
  /** The row's reasons as the app computes them (core/export/reasons.ts), in `locale`; null while its explanation is not in. */
  reasons: (row: number) => string[] | null;
  /** A problem as one sentence (i18n/describe-problem.ts). */
  describe: (p: Problem) => string;
}

/** The row whose id is `id` in the file's id column, or -1. */
export function rowOfId(file: ScoredFile, id: string): number {
  const ids = file.ingest.ids;
  const wanted = id.trim().toLowerCase();
  for (let r = 0; r < ids.length; r++) if (ids[r] !== undefined && ids[r].trim().toLowerCase() === wanted) return r;
  return -1;
}

function recordOf(file: ScoredFile, row: number, reasons: (row: number) => string[] | null): RecordSnapshot {
  const rejected = file.ingest.status[row] === STATUS_REJECTED;
  return {
    id: file.ingest.ids[row] ?? String(file.ingest.line[row]),
    row,
    rank: rejected ? 0 : file.rank[row],
    probability: file.probability[row],
    rejected,
    reasons: rejected ? [] : reasons(row),
  };
}

/** Rejected rows by problem code, most first, each with the first such row's problem as its sentence. */
function rejectedReasons(file: ScoredFile, describe: (p: Problem) => string): AssistantContext['rejected'] {
  const { status, rowProblems } = file.ingest;
  const byCode = new Map<string, { count: number; rows: Set<number>; text: string }>();
  rowProblems.row.forEach((row, k) => {
    if (status[row] !== STATUS_REJECTED) return;
    const p = rowProblems.problems[k];
    if (p.severity !== 'error') return;
    let entry = byCode.get(p.code);
    if (!entry) byCode.set(p.code, (entry = { count: 0, rows: new Set(), text: describe(p) }));
    if (!entry.rows.has(row)) {
      entry.rows.add(row);
      entry.count++;
    }
  });
  const reasons = [...byCode.entries()].map(([code, e]) => ({ code, count: e.count, text: e.text })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { total: file.ingest.counts.rejected, reasons };
}

/** The plain snapshot answer() reads, for one question's entities. */
export function snapshotContext(input: SnapshotInput): AssistantContext {
  const { file, entities } = input;
  let record: RecordSnapshot | null = null;
  let unknownId: string | null = null;
  if (file) {
    const named = entities.ids.map((id) => [id, rowOfId(file, id)] as const);
    const found = named.find(([, row]) => row >= 0);
    if (found) record = recordOf(file, found[1], input.reasons);
    else if (named.length > 0) unknownId = named[0][0];
    else if (input.selectedRow !== null) record = recordOf(file, input.selectedRow, input.reasons);
  }
  const scored = file ? file.ingest.counts.scored + file.ingest.counts.warned : 0;
  const plan = input.expected ? { scored: input.expected.length - 1, expected: input.expected } : null;
  const headline = input.drift ? driftHeadline(input.drift) : null;
  return {
    locale: input.locale,
    card: input.card,
    explainer: input.explainer,
    file: file
      ? {
          name: file.fileName,
          rows: file.ingest.rows,
          scored,
          rejected: file.ingest.counts.rejected,
          idColumn: file.ingest.plan.idColumn >= 0 ? file.ingest.plan.header[file.ingest.plan.idColumn] : null,
          topId: scored > 0 ? (file.ingest.ids[file.order[0]] ?? null) : null,
          labelled: file.ingest.label !== null,
        }
      : null,
    record,
    unknownId,
    plan,
    capacity: input.capacity,
    controlShare: input.controlShare,
    drift: headline ? { moved: headline.moved, worrying: headline.worrying } : null,
    rejected: file ? rejectedReasons(file, input.describe) : null,
  };
}
