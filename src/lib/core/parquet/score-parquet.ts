import type { AsyncBuffer } from 'hyparquet';
import type { ModelCard, OutputSpace } from '../model/card';
import type { TextFeature } from '../model/text-feature';
import type { IngestOptions } from '../csv/ingest';
import type { Problem } from '../problems';
import { gatherRows } from '../explain/gather-rows';
import { STATUS_REJECTED } from '../csv/row-status';
import { nanForRejected, type UnrankedFile } from '../pipeline/scored-file';
import type { ScoreFn } from '../pipeline/score-stream';
import { batchSample, compareBatch } from './check-batch';
import { parquetProblem } from './codes';
import { openParquet, readParquet } from './read-parquet';

/** What the file was, and what was taken from it (the Explorer's status line says this). */
export interface ParquetOutcome {
  /**
   * 'file-scores': the batch output of the active model, its scores (and contributions, when
   * `contrib` is set) taken after a sample matched; 'rescored': the same, but the sample did not
   * match and every row was scored here; 'other-model': the batch output of another model,
   * scored here like an extract; 'plain': an extract without batch metadata, scored here.
   */
  mode: 'file-scores' | 'rescored' | 'other-model' | 'plain';
  /** From the file's metadata, when it has any. */
  made: { modelName: string; modelSha256: string; inputName: string; inputSha256: string; rows: number } | null;
  /** rows × (F + 1) contributions taken from the file (φ in card order, then the base); null: explain here. */
  contrib: Float32Array | null;
  /** The sample check: rows checked, how many and which (1-based, first MISMATCH_ROWS) did not match, and whether contributions were compared. */
  check: { checked: number; count: number; rows: number[]; explained: boolean } | null;
  /** The status line as a problem (parquet.batch_checked, parquet.batch_mismatch or parquet.other_model); null for a plain extract. */
  status: Problem | null;
}

/** Rows named in a mismatch. */
export const MISMATCH_ROWS = 10;

/** The active model as the Parquet path needs it. */
export interface ParquetEngine {
  /** SHA-256 of the active model's .onnx, hex: the file's fradragsrisiko.model_sha256 must equal it for its scores to be taken. */
  sha256: string;
  outputSpace: OutputSpace;
  /** Scores a block of the file as it is read (the worker may hand it to another engine). */
  scoreBlock: ScoreFn;
  /** Scores rows here and now (the sample check; every row after a mismatch). */
  score: ScoreFn;
  /** n × (F + 1) contributions of n rows in the model's output space; null when this engine cannot explain them now. */
  explain: ((x: Float32Array, n: number) => Promise<Float32Array | null>) | null;
}

/** Rows scored at a time when a mismatch makes the whole file be scored here. */
const RESCORE_ROWS = 8192;

/**
 * A Parquet file through intake and scoring. A batch output of the active model (its metadata's
 * model SHA-256 equal to the engine's) is not scored again: its risk_probability (and its
 * contributions, when the output spaces agree) are taken once a sample of CHECK_ROWS rows — its
 * highest-ranked first — re-scored and re-explained here matches within the tolerances, and
 * every row's status agrees; otherwise every row is scored here and the rows that differed are
 * named. Any other file is scored block by block as it is read, like a CSV.
 */
export async function scoreParquet(
  card: ModelCard,
  source: { fileName: string; file: AsyncBuffer },
  options: IngestOptions,
  engine: ParquetEngine,
  hooks: { onProgress?: (p: { bytes: number; rows: number }) => void; signal?: AbortSignal; text?: readonly TextFeature[] } = {},
): Promise<{ file: UnrankedFile; outcome: ParquetOutcome } | null> {
  const opened = await openParquet(source.file);
  const meta = opened.batch;
  const made = meta ? { modelName: meta.modelName, modelSha256: meta.modelSha256, inputName: meta.inputName, inputSha256: meta.inputSha256, rows: meta.rows } : null;
  const ours = meta !== null && meta.modelSha256 === engine.sha256.toLowerCase();
  const names = new Set(opened.columns.map((c) => c.name));
  const missing = ['risk_probability', 'row_status'].filter((n) => !names.has(n));
  const extra: Problem[] = [];
  let status: Problem | null = meta && !ours ? parquetProblem('parquet.other_model', { params: { name: meta.modelName, sha: meta.modelSha256.slice(0, 12) } }) : null;
  if (meta && meta.rows !== opened.rows) extra.push(parquetProblem('parquet.batch_rows_differ', { params: { said: meta.rows, rows: opened.rows } }));
  if (ours && missing.length > 0) extra.push(parquetProblem('parquet.batch_columns_missing', { params: { columns: missing.join(', ') } }));
  const take = ours && missing.length === 0;

  const F = card.features.length;
  let probability: Float32Array = new Float32Array(opened.rows).fill(NaN);
  const bytesPerRow = opened.rows > 0 ? source.file.byteLength / opened.rows : 0;
  const read = await readParquet(source.file, opened, card, {
    options,
    takeScores: take,
    signal: hooks.signal,
    text: hooks.text,
    onBlock: take
      ? undefined
      : async (block) => {
          probability.set(await engine.scoreBlock(block.features, block.count), block.start);
        },
    onProgress: (rows) => hooks.onProgress?.({ bytes: Math.round(rows * bytesPerRow), rows }),
  });
  if (!read) return null;
  const ingest = read.ingest;
  const scores = read.scores;
  let outcome: ParquetOutcome = { mode: meta ? 'other-model' : 'plain', made, contrib: null, check: null, status };
  if (take && scores) {
    const rows = batchSample(scores.probability);
    const x = gatherRows(ingest.features, F, rows);
    const p = nanForRejected(await engine.score(x, rows.length), gatherStatus(ingest.status, rows));
    const compareContrib = scores.contrib !== null && meta.outputSpace === engine.outputSpace && engine.explain !== null;
    const c = compareContrib && engine.explain ? await engine.explain(x, rows.length) : null;
    const check = compareBatch(scores, ingest.status, rows, p, c, F);
    const count = check.mismatched.length;
    const named = Array.from(check.mismatched.subarray(0, MISMATCH_ROWS), (r) => r + 1);
    const summary = { checked: check.checked, count, rows: named, explained: c !== null };
    if (count === 0) {
      probability = nanForRejected(scores.probability, ingest.status);
      if (c && scores.contrib && ingest.counts.rejected > 0 && engine.explain) await fillRejected(scores.contrib, ingest.status, F, engine.explain);
      status = parquetProblem('parquet.batch_checked', { params: { rows: ingest.rows, checked: check.checked, explained: c ? 1 : 0 } });
      outcome = { mode: 'file-scores', made, contrib: c ? scores.contrib : null, check: summary, status };
    } else {
      for (let at = 0; at < ingest.rows; at += RESCORE_ROWS) {
        if (hooks.signal?.aborted) return null;
        const n = Math.min(RESCORE_ROWS, ingest.rows - at);
        probability.set(await engine.score(ingest.features.slice(at * F, (at + n) * F), n), at);
      }
      status = parquetProblem('parquet.batch_mismatch', { params: { list: named.join(', '), count, checked: check.checked } });
      outcome = { mode: 'rescored', made, contrib: null, check: summary, status };
    }
  }
  const file: UnrankedFile = {
    fileName: source.fileName,
    ingest: { ...ingest, problems: [...ingest.problems, ...extra] },
    probability: nanForRejected(probability, ingest.status),
  };
  return { file, outcome };
}

/**
 * The batch output leaves a rejected row's contributions null; the app explains its all-missing
 * features like any row's (scheduler.ts), so the file's rows are given the same values, read
 * once, and every view (importance, beeswarm) sees what a CSV of the same rows would give.
 */
async function fillRejected(contrib: Float32Array, status: Uint8Array, F: number, explain: NonNullable<ParquetEngine['explain']>): Promise<void> {
  const none = await explain(new Float32Array(F).fill(NaN), 1);
  if (!none) return;
  for (let r = 0; r < status.length; r++) if (status[r] === STATUS_REJECTED) contrib.set(none.subarray(0, F + 1), r * (F + 1));
}

function gatherStatus(status: Uint8Array, rows: Uint32Array): Uint8Array {
  return Uint8Array.from(rows, (r) => status[r]);
}
