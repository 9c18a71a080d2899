import type { IngestResult } from '../csv/ingest';
import type { ModelCard } from '../model/card';
import { segmentSources } from '../evaluate/segment-columns';

/** A column of the extract the analyst may audit the selection by. */
export interface SensitiveColumn {
  /** Index into ingest.passthrough. */
  column: number;
  header: string;
}

/**
 * The extract's passthrough columns that can be a sensitive column: not a model input (those are
 * not passthrough), not the id, not the label or ground truth (nor `exclude`, e.g. an outcome
 * column the analyst picked), with 2 to MAX_SEGMENTS distinct values — segmentSources' rule, so
 * amounts and identifiers are not offered. Only offered for the audit: nothing here adds a
 * column to any export.
 */
export function sensitiveColumns(ingest: IngestResult, card: ModelCard, exclude: readonly string[] = []): SensitiveColumn[] {
  return segmentSources(ingest, card, exclude).flatMap((s) => (s.kind === 'passthrough' ? [{ column: s.column, header: s.header }] : []));
}
