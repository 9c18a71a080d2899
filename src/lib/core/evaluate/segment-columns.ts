import type { IngestResult } from '../csv/ingest';
import type { ModelCard } from '../model/card';
import type { SegmentColumn } from '../metrics';
import { countDistinct } from './count-distinct';

/**
 * More distinct values than this and a column is an identifier or an amount, not a segment.
 * Norway has 357 municipalities (2024), so kommunenr fits.
 */
export const MAX_SEGMENTS = 400;

/** A column the segment table can group by. */
export type SegmentSource = { kind: 'passthrough'; column: number; header: string } | { kind: 'feature'; feature: number };

/**
 * Columns worth grouping by: the file's text columns with at most MAX_SEGMENTS distinct values
 * (the id and label columns excluded), then the card's ordinal and categorical features. A
 * column's count is taken from `passthrough.distinct` when the page counted it as it arrived,
 * else by a pass over the column.
 */
export function segmentSources(ingest: IngestResult, card: ModelCard, exclude: readonly string[] = []): SegmentSource[] {
  const out: SegmentSource[] = [];
  const skip = new Set([card.id_column, card.label.name, ...card.label.aliases, ...card.ground_truth_columns, ...exclude].map((h) => h.toLowerCase()));
  const { header, columns } = ingest.passthrough;
  header.forEach((h, j) => {
    if (skip.has(h.toLowerCase())) return;
    const size = ingest.passthrough.distinct?.[j] ?? scanned(columns[j]);
    if (size >= 2 && size <= MAX_SEGMENTS) out.push({ kind: 'passthrough', column: j, header: h });
  });
  card.features.forEach((f, k) => {
    if (f.kind === 'ordinal' || f.kind === 'categorical') out.push({ kind: 'feature', feature: k });
  });
  return out;
}

/** Distinct values of `column`, counted up to MAX_SEGMENTS + 1. */
function scanned(column: readonly string[]): number {
  const seen = new Set<string>();
  countDistinct(seen, column, MAX_SEGMENTS);
  return seen.size;
}

/**
 * The column as metricsBySegment reads it. A coded feature becomes codes into its distinct
 * values written as numbers ('' for missing), in ascending order of the code.
 */
export function segmentColumn(source: SegmentSource, ingest: IngestResult, card: ModelCard): SegmentColumn {
  if (source.kind === 'passthrough') return ingest.passthrough.columns[source.column];
  const f = card.features.length;
  const index = card.features[source.feature].index;
  const values = new Float64Array(ingest.rows);
  for (let r = 0; r < ingest.rows; r++) values[r] = ingest.features[r * f + index];
  const distinct = [...new Set(values)].sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b));
  const names = distinct.map((v) => (Number.isNaN(v) ? '' : String(v)));
  const code = new Map(distinct.map((v, i) => [Number.isNaN(v) ? 'NaN' : String(v), i]));
  const codes = new Uint32Array(ingest.rows);
  for (let r = 0; r < ingest.rows; r++) codes[r] = code.get(Number.isNaN(values[r]) ? 'NaN' : String(values[r]))!;
  return { codes, names };
}

/** 1 for the rows whose value in `column` is `segment` (as metricsBySegment names it). */
export function segmentMask(column: SegmentColumn, segment: string, rows: number): Uint8Array {
  const mask = new Uint8Array(rows);
  if ('codes' in column) {
    const c = column.names.indexOf(segment);
    for (let r = 0; r < rows; r++) mask[r] = column.codes[r] === c ? 1 : 0;
  } else for (let r = 0; r < rows; r++) mask[r] = (column[r] ?? '') === segment ? 1 : 0;
  return mask;
}

/**
 * Text columns that hold only 0 and 1 (and empty cells), which the user may pick as the known
 * outcome when the card's label column is absent.
 */
export function labelCandidates(ingest: IngestResult): number[] {
  const out: number[] = [];
  ingest.passthrough.columns.forEach((values, j) => {
    let known = 0;
    for (const v of values) {
      const t = v.trim();
      if (t === '') continue;
      if (t !== '0' && t !== '1') return;
      known++;
    }
    if (known > 0) out.push(j);
  });
  return out;
}

/** A 0/1 text column as a label column: 1 / 0, NaN for an empty cell. */
export function labelFromText(values: readonly string[]): Float32Array {
  const label = new Float32Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const t = values[r].trim();
    label[r] = t === '1' ? 1 : t === '0' ? 0 : NaN;
  }
  return label;
}
