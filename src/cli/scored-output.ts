import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ScoredFile } from '../lib/core/pipeline/scored-file';
import { csvHeader, csvRecords, quote, type CsvColumn, type CsvDialect } from '../lib/core/export/csv-writer';
import { float32Text } from '../lib/core/export/float32-text';
import { STATUS_NAMES } from '../lib/core/csv/row-status';
import type { InputRecord } from './score-input';

/** Records read from the input and written out together: bounds the memory a batch of cells holds. */
const BATCH_ROWS = 10_000;

export interface ScoredOutput {
  path: string;
  /** The input read a second time (ScoredInput.records): a CSV's raw fields, a Parquet file's cells as text. */
  records: AsyncIterable<InputRecord>;
  /** The input as scored: probability NaN and rank 0 for rejected rows. */
  file: ScoredFile;
  /** The row_issues cell of a row: sentences, '' for none. */
  issues: (row: number) => string;
  /**
   * With --explain: the column names (explainHeader) and rows × (F + 1) log-odds, φ in card
   * order then the base value; contrib null when no row could be explained (the cells stay empty).
   */
  explain: { header: string[]; contrib: Float32Array | null } | null;
  /** Null: input cells as written, the contract for programs. A dialect: the safe writer, for spreadsheets. */
  dialect: CsvDialect | null;
  /** With --compare: the other model's probability and rank (0 = not scored), written last as risk_probability_compare and risk_rank_compare. */
  compare?: { probability: Float32Array; rank: Uint32Array } | null;
}

const COMPARE_HEADER = ['risk_probability_compare', 'risk_rank_compare'];

type Encode = (batch: string[][], first: number) => Iterable<string | Uint8Array>;

/**
 * Writes the scored file: the input's columns, then risk_probability, risk_rank, row_status,
 * row_issues and, with --explain, contrib_base and contrib_<feature>. The input is read a
 * second time (`records`: rawRecords, parquetTextRows) so its cells need not be kept from the
 * first; intake's line column says which records are data rows. Returns the rows written, one per data row.
 *
 * Without a dialect the cells go out as written, quoted only where RFC 4180 needs it. With
 * one, the file goes through the control list's writer (csvHeader, csvRecords): formulas
 * neutralised, control characters replaced, and the numbers added here written as numbers
 * in the dialect's decimal mark, as the list writes its risk column.
 */
export async function writeScoredOutput(job: ScoredOutput): Promise<number> {
  const { ingest } = job.file;
  const header = [...ingest.plan.header, 'risk_probability', 'risk_rank', 'row_status', 'row_issues', ...(job.explain?.header ?? []), ...(job.compare ? COMPARE_HEADER : [])];
  const out = createWriteStream(job.path);
  const put = async (chunk: string | Uint8Array) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  let encode: Encode;
  if (job.dialect) {
    await put(csvHeader(header.map((h) => ({ header: h })), job.dialect));
    encode = safeRecords(job, job.dialect, header);
  } else {
    await put(header.map((h) => quote(h, ',')).join(',') + '\r\n');
    encode = plainRecords(job);
  }
  let row = 0;
  let batch: string[][] = [];
  const flush = async () => {
    for (const chunk of encode(batch, row - batch.length)) await put(chunk);
    batch = [];
  };
  for await (const record of job.records) {
    if (row >= ingest.rows || record.line !== ingest.line[row]) continue;
    batch.push(record.fields ?? []);
    row++;
    if (batch.length === BATCH_ROWS) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return row;
}

/** Input cells as written; probabilities and contributions as the shortest text of their float32. */
function plainRecords(job: ScoredOutput): Encode {
  const { explain, compare } = job;
  const { ingest, probability, rank } = job.file;
  const width = ingest.plan.header.length;
  const f = explain ? explain.header.length - 1 : 0;
  const stride = f + 1;
  return function* (batch, first) {
    let text = '';
    for (let i = 0; i < batch.length; i++) {
      const row = first + i;
      const fields = batch[i];
      const cells: string[] = [];
      for (let j = 0; j < width; j++) cells.push(quote(fields[j] ?? '', ','));
      cells.push(float32Text(probability[row]), rank[row] ? String(rank[row]) : '', STATUS_NAMES[ingest.status[row]], quote(job.issues(row), ','));
      if (explain) {
        const contrib = Number.isNaN(probability[row]) ? null : explain.contrib;
        // Base value first, as in the header; rejected rows have no score to explain.
        cells.push(contrib ? float32Text(contrib[row * stride + f]) : '');
        for (let k = 0; k < f; k++) cells.push(contrib ? float32Text(contrib[row * stride + k]) : '');
      }
      if (compare) cells.push(float32Text(compare.probability[row]), compare.rank[row] ? String(compare.rank[row]) : '');
      text += cells.join(',') + '\r\n';
    }
    yield text;
  };
}

/** Every cell through the safe writer; numbers as numbers of the dialect (decimal comma in excel-nb). */
function safeRecords(job: ScoredOutput, dialect: CsvDialect, header: string[]): Encode {
  const { explain } = job;
  const { ingest, probability, rank } = job.file;
  const width = ingest.plan.header.length;
  const f = explain ? explain.header.length - 1 : 0;
  const stride = f + 1;
  const positions = Uint32Array.from({ length: BATCH_ROWS }, (_, i) => i);
  return (batch, first) => {
    const n = batch.length;
    const columns: CsvColumn[] = [];
    for (let j = 0; j < width; j++) columns.push({ header: header[j], text: (i) => batch[i][j] ?? '' });
    const p = new Float64Array(n);
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      p[i] = shortestFloat32(probability[first + i]);
      r[i] = rank[first + i] || NaN;
    }
    columns.push(
      { header: 'risk_probability', numbers: p },
      { header: 'risk_rank', numbers: r },
      { header: 'row_status', text: (i) => STATUS_NAMES[ingest.status[first + i]] },
      { header: 'row_issues', text: (i) => job.issues(first + i) },
    );
    if (explain) {
      // Base value first, as in the header; rejected rows have no score to explain.
      for (const k of [f, ...Array.from({ length: f }, (_, k) => k)]) {
        const values = new Float64Array(n).fill(NaN);
        if (explain.contrib) {
          for (let i = 0; i < n; i++) {
            if (!Number.isNaN(probability[first + i])) values[i] = shortestFloat32(explain.contrib[(first + i) * stride + k]);
          }
        }
        columns.push({ header: explain.header[k === f ? 0 : k + 1], numbers: values });
      }
    }
    if (job.compare) {
      const { probability: cp, rank: cr } = job.compare;
      const q = new Float64Array(n);
      const k = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        q[i] = shortestFloat32(cp[first + i]);
        k[i] = cr[first + i] || NaN;
      }
      columns.push({ header: COMPARE_HEADER[0], numbers: q }, { header: COMPARE_HEADER[1], numbers: k });
    }
    return csvRecords(columns, positions.subarray(0, n), dialect, BATCH_ROWS);
  };
}

/**
 * The double whose shortest text is the float32's shortest text (float32Text): formatNumber
 * writes a double's shortest form, and the float32 itself as a double has up to 17 digits.
 */
function shortestFloat32(x: number): number {
  return Number.isFinite(x) ? Number(float32Text(x)) : NaN;
}
