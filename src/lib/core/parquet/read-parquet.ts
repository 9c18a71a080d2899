import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { ModelCard } from '../model/card';
import type { TextFeature } from '../model/text-feature';
import type { Problem } from '../problems';
import { buildPlan, emptyPlan } from '../csv/buildPlan';
import { Ingest, type IngestOptions, type IngestResult, type RowBlock } from '../csv/ingest';
import type { Cell } from '../csv/RowCoercer';
import { profileColumns } from '../csv/profileColumns';
import { STATUS_NAMES } from '../csv/row-status';
import { readBatchMeta, type BatchMeta } from './batch-meta';
import { parquetProblem } from './codes';

/** The batch path's own columns (the output contract); never model inputs, ids or passthrough. */
export const SCORE_COLUMNS = ['risk_probability', 'risk_rank', 'row_status', 'row_issues'] as const;
export const CONTRIB_PREFIX = 'contrib_';

/** Rows of the first row group whose cells are profiled (decimal marks, national ids), as sniff profiles a CSV's first 64 kB. */
const PROFILE_ROWS = 1000;

/** How a column's values arrive from hyparquet, for turning them into cells. */
type ValueKind = 'number' | 'text' | 'unsupported';

export interface ParquetColumn {
  name: string;
  kind: ValueKind;
  /** The physical and logical type, for messages. */
  type: string;
}

/** What the footer says: the columns, the row groups' sizes, the batch metadata. */
export interface OpenedParquet {
  metadata: FileMetaData | null;
  columns: ParquetColumn[];
  rows: number;
  /** Rows per row group, in file order. */
  groups: number[];
  batch: BatchMeta | null;
  problems: Problem[];
}

/** A Blob as hyparquet's AsyncBuffer: each slice read on demand, so only the row group being decoded is in memory. */
export function blobAsyncBuffer(blob: Blob): AsyncBuffer {
  return { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() };
}

/** Reads the footer. A file that is not Parquet, or is cut off, gives no metadata and one problem. */
export async function openParquet(file: AsyncBuffer): Promise<OpenedParquet> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    return { metadata: null, columns: [], rows: 0, groups: [], batch: null, problems: [parquetProblem('parquet.unreadable', { params: { detail: message(error) } })] };
  }
  const schema = parquetSchema(metadata);
  const columns = schema.children.map(columnOf);
  const { meta, problems } = readBatchMeta(metadata.key_value_metadata);
  return { metadata, columns, rows: Number(metadata.num_rows), groups: metadata.row_groups.map((g) => Number(g.num_rows)), batch: meta, problems };
}

function columnOf(tree: SchemaTree): ParquetColumn {
  const e = tree.element;
  const logical = e.logical_type?.type ?? e.converted_type;
  const type = [e.type ?? 'GROUP', logical].filter(Boolean).join(' ');
  if (tree.children.length > 0) return { name: e.name, kind: 'unsupported', type };
  switch (e.type) {
    case 'BOOLEAN':
    case 'INT32':
    case 'INT64':
    case 'FLOAT':
    case 'DOUBLE':
      // DATE, TIME and TIMESTAMP are stored as integers but arrive as Dates: no card feature is a date.
      return { name: e.name, kind: logical === 'DATE' || logical === 'TIMESTAMP' || logical?.startsWith('TIME') ? 'text' : 'number', type };
    case 'FIXED_LEN_BYTE_ARRAY':
      return { name: e.name, kind: logical === 'DECIMAL' ? 'number' : 'text', type };
    case 'BYTE_ARRAY':
      return { name: e.name, kind: logical === 'DECIMAL' ? 'number' : 'text', type };
    default:
      return { name: e.name, kind: 'unsupported', type };
  }
}

/** The scores and explanations a batch output carries, as typed arrays. */
export interface FileScores {
  /** risk_probability per row (the float32 value), NaN where null. */
  probability: Float32Array;
  /** row_status per row as STATUS_* (row-status.ts), 255 where unknown. */
  status: Uint8Array;
  /** rows × (F + 1): contrib_<feature> in card order then contrib_base; null when the file has not all of them. */
  contrib: Float32Array | null;
}

export interface ParquetRead {
  ingest: IngestResult;
  /** Present when asked for (`takeScores`) and the file has risk_probability. */
  scores: FileScores | null;
}

export interface ReadParquetOptions {
  options?: IngestOptions;
  /** Read risk_probability, row_status and the contrib_* columns too (a batch output of the active model). */
  takeScores?: boolean;
  /** Each row group's rows, as they are read (for scoring while the next is decoded). */
  onBlock?: (block: RowBlock) => Promise<void> | void;
  onProgress?: (rows: number) => void;
  signal?: AbortSignal;
  /** The model's text features (ModelFile.text): their cells become the text's score, as in a CSV. */
  text?: readonly TextFeature[];
}

/**
 * Reads a Parquet file into the same columnar IngestResult a CSV gives, one row group at a
 * time: the input columns are matched to the card as a CSV's header is (buildPlan, from a
 * profile of the first rows), and each row goes through the CSV intake's rules (Ingest.ofPlan,
 * RowCoercer): numbers of numeric columns (INT, FLOAT, DOUBLE, DECIMAL; BOOLEAN as 1 / 0; null
 * as missing) directly, text with the CSV number rules (a decimal comma too), ids and
 * passthrough columns as text, screened for national ids. A row group that cannot be decoded
 * rejects its rows and says which; rows in = rows out. Null when aborted.
 */
export async function readParquet(file: AsyncBuffer, opened: OpenedParquet, card: ModelCard, read: ReadParquetOptions = {}): Promise<ParquetRead | null> {
  const F = card.features.length;
  const dialect = { encoding: 'utf-8', delimiter: ',', newline: '\n' } as const;
  const metadata = opened.metadata;
  if (!metadata) {
    const ingest = Ingest.ofPlan(card, { ...emptyPlan(dialect, F), blocked: true }, opened.problems, file.byteLength, read.text);
    return { ingest: ingest.finish(), scores: null };
  }
  const batchColumn = (name: string) => opened.batch !== null && ((SCORE_COLUMNS as readonly string[]).includes(name) || name.startsWith(CONTRIB_PREFIX));
  const input = opened.columns.filter((c) => !batchColumn(c.name));
  const problems = [...opened.problems];
  input.forEach((c, j) => {
    if (c.kind === 'unsupported') problems.push(parquetProblem('parquet.column_unsupported', { column: j + 1, field: c.name, params: { type: c.type } }));
  });
  const header = input.map((c) => c.name);
  const rows = opened.rows;
  const wanted = new Set(read.takeScores ? ['risk_probability', 'row_status', `${CONTRIB_PREFIX}base`, ...card.features.map((f) => CONTRIB_PREFIX + f.name)] : []);
  const names = opened.columns.map((c) => c.name);
  const scoreNames = names.filter((n) => wanted.has(n));
  const scores: FileScores | null =
    read.takeScores && scoreNames.includes('risk_probability')
      ? {
          probability: new Float32Array(rows).fill(NaN),
          status: new Uint8Array(rows).fill(255),
          contrib: card.features.every((f) => names.includes(CONTRIB_PREFIX + f.name)) && names.includes(`${CONTRIB_PREFIX}base`) ? new Float32Array(rows * (F + 1)) : null,
        }
      : null;
  const columnsToRead = [...header.filter((_, j) => input[j].kind !== 'unsupported'), ...(scores ? scoreNames : [])];

  let ingest: Ingest | null = null;
  let featureOf: Int32Array = new Int32Array(0);
  const fields: Cell[] = new Array<Cell>(header.length).fill('');
  let start = 0;
  for (let g = 0; g < opened.groups.length; g++) {
    if (read.signal?.aborted) return null;
    const count = opened.groups[g];
    let data = new Map<string, ArrayLike<unknown>>();
    let failure: string | null = null;
    try {
      data = await readGroup(file, metadata, columnsToRead, start, count);
    } catch (error) {
      failure = message(error);
    }
    if (!ingest) {
      const profile: string[][] = [];
      if (!failure) {
        const n = Math.min(count, PROFILE_ROWS);
        for (let r = 0; r < n; r++) profile.push(header.map((name) => text(data.get(name)?.[r])));
      }
      // The plan from the first group's rows, as sniff makes a CSV's from its first 64 kB; an unreadable first group gives it none.
      const made = buildPlan(header, 1, dialect, profileColumns(header.length, profile), card, read.options);
      ingest = Ingest.ofPlan(card, made.plan, [...problems, ...made.problems], file.byteLength, read.text);
      featureOf = new Int32Array(header.length).fill(-1);
      made.plan.featureColumns.forEach((j) => j >= 0 && (featureOf[j] = 1));
    }
    if (failure) {
      ingest.note(parquetProblem('parquet.row_group_unreadable', { params: { group: g + 1, first: start + 1, last: start + count, detail: failure } }));
      // No cells and the status forced: each row is rejected whatever the card allows.
      for (let r = 0; r < count; r++) ingest.addUnreadRow(start + r + 1);
    } else {
      // Each column converted once per group (a numeric feature column to float64, NaN for null; the rest to text), then the rows read across them.
      const columns = header.map((name, j) => cellsOf(data.get(name) ?? null, count, featureOf[j] >= 0 && input[j].kind === 'number'));
      for (let r = 0; r < count; r++) {
        for (let j = 0; j < header.length; j++) fields[j] = columns[j][r];
        ingest.addRow(fields, start + r + 1);
      }
      if (scores) takeScores(scores, data, start, count, card);
    }
    const block = ingest.takeRows();
    if (block) await read.onBlock?.(block);
    start += count;
    read.onProgress?.(start);
  }
  if (!ingest) {
    const made = buildPlan(header, 1, dialect, profileColumns(header.length, []), card, read.options);
    ingest = Ingest.ofPlan(card, made.plan, [...problems, ...made.problems], file.byteLength, read.text);
  }
  return { ingest: asRows(ingest.finish()), scores };
}

/** The named columns of rows [start, start + count) — one row group — as hyparquet decodes them; throws when the group cannot be decoded. */
export async function readGroup(file: AsyncBuffer, metadata: FileMetaData, columns: string[], start: number, count: number): Promise<Map<string, ArrayLike<unknown>>> {
  const data = new Map<string, ArrayLike<unknown>>();
  await parquetRead({
    file,
    metadata,
    columns,
    rowStart: start,
    rowEnd: start + count,
    compressors,
    onChunk: (chunk) => {
      // Usually the whole group's column at once: kept as decoded. Otherwise (a chunk may reach outside the rows asked for) this group's rows of it.
      if (chunk.rowStart === start && chunk.rowEnd === start + count && !data.has(chunk.columnName)) return void data.set(chunk.columnName, chunk.columnData);
      const column = ensure(data, chunk.columnName, count);
      const from = Math.max(start, chunk.rowStart);
      const to = Math.min(start + count, chunk.rowEnd);
      for (let r = from; r < to; r++) column[r - start] = chunk.columnData[r - chunk.rowStart];
    },
  });
  return data;
}

/**
 * A Parquet file has rows, not lines: its problems' `line` is the 1-based data row, and
 * `params.unit` 'row' has describeProblem say "rad"/"row" where the CSV sentence says "linje".
 */
function asRows(ingest: IngestResult): IngestResult {
  const mark = (p: Problem): Problem => (p.line === undefined ? p : { ...p, params: { ...p.params, unit: 'row' } });
  return { ...ingest, problems: ingest.problems.map(mark), rowProblems: { ...ingest.rowProblems, problems: ingest.rowProblems.problems.map(mark) } };
}

function ensure(data: Map<string, ArrayLike<unknown>>, name: string, count: number): unknown[] {
  let column = data.get(name) as unknown[] | undefined;
  if (!column) {
    column = new Array<unknown>(count).fill(null);
    data.set(name, column);
  }
  return column;
}

function takeScores(scores: FileScores, data: Map<string, ArrayLike<unknown>>, start: number, count: number, card: ModelCard): void {
  const p = data.get('risk_probability');
  const status = data.get('row_status');
  for (let r = 0; r < count; r++) {
    const v = p?.[r];
    scores.probability[start + r] = typeof v === 'number' ? v : NaN;
    const s = STATUS_NAMES.indexOf(status?.[r] as (typeof STATUS_NAMES)[number]);
    scores.status[start + r] = s >= 0 ? s : 255;
  }
  const contrib = scores.contrib;
  if (!contrib) return;
  const F = card.features.length;
  const columns = [...card.features.map((f) => data.get(CONTRIB_PREFIX + f.name)), data.get(`${CONTRIB_PREFIX}base`)];
  for (let k = 0; k <= F; k++) {
    const column = columns[k];
    for (let r = 0; r < count; r++) {
      const v = column?.[r];
      contrib[(start + r) * (F + 1) + k] = typeof v === 'number' ? v : NaN;
    }
  }
}

/** A group's column as cells: numbers (Float64Array, NaN missing) for a numeric feature column, else text. */
function cellsOf(values: ArrayLike<unknown> | null, count: number, numeric: boolean): ArrayLike<Cell> {
  if (!values) return new Array<string>(count).fill('');
  if (numeric) {
    if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array) return values;
    const out = new Array<Cell>(count);
    let allNumbers = true;
    for (let r = 0; r < count; r++) {
      const cell = numberOf(values[r]);
      out[r] = cell;
      if (typeof cell !== 'number') allNumbers = false;
    }
    return allNumbers ? Float64Array.from(out as number[]) : out;
  }
  const out = new Array<string>(count);
  for (let r = 0; r < count; r++) out[r] = text(values[r]);
  return out;
}

/** A value of a numeric column as a feature cell: null is missing (NaN), a boolean 1 / 0, an INT64 (bigint) a number. */
function numberOf(v: unknown): Cell {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v == null ? NaN : text(v);
}

/** A value as the text a CSV would have held: '' for null, dates as ISO 8601. */
export function text(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x));
  return String(v);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
