/**
 * The CLI's input, CSV or Parquet, read with the browser's core: a CSV streamed through
 * scoreStream, a Parquet file through scoreParquet (one row group at a time, from a file handle:
 * hyparquet's asyncBufferFromFile), told apart by their bytes (isParquet: "PAR1" at both ends),
 * not by the file name. The second pass the scored output needs (`records`) reads the same
 * rows again: the CSV's raw fields, or the Parquet file's cells as text (parquetTextRows).
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { asyncBufferFromFile } from 'hyparquet';
import type { ModelCard, OutputSpace } from '../lib/core/model/card';
import type { TextFeature } from '../lib/core/model/text-feature';
import type { IngestOptions } from '../lib/core/csv/ingest';
import type { UnrankedFile } from '../lib/core/pipeline/scored-file';
import { scoreStream, type ScoreFn } from '../lib/core/pipeline/score-stream';
import { isParquet } from '../lib/core/parquet/is-parquet';
import { openParquet } from '../lib/core/parquet/read-parquet';
import { parquetTextRows } from '../lib/core/parquet/parquet-text-rows';
import { scoreParquet, type ParquetOutcome } from '../lib/core/parquet/score-parquet';
import { rawRecords } from './raw-records';

export type InputKind = 'csv' | 'parquet';

/** A record of the input's second pass: its cells, keyed by intake's `line` (a CSV's physical line, a Parquet file's row number). */
export type InputRecord = { line: number; fields: string[] | null };

export interface ScoredInput {
  kind: InputKind;
  file: UnrankedFile;
  /** What the CSV's sniffing said of its encoding (false for Parquet), for the second pass. */
  asciiOnly: boolean;
  /** A Parquet file's outcome (scoreParquet): a batch output of this model has its checked scores taken. Null for a CSV. */
  outcome: ParquetOutcome | null;
  /** The input read again, record by record, for the scored output. */
  records: () => AsyncIterable<InputRecord>;
}

/** CSV or Parquet, from the file's first 8 and last 4 bytes. */
export function inputKind(path: string): InputKind {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(8, size));
    const tail = new Uint8Array(Math.min(4, size));
    readSync(fd, head, 0, head.length, 0);
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return isParquet(head, tail) ? 'parquet' : 'csv';
  } finally {
    closeSync(fd);
  }
}

export async function scoreInput(job: {
  path: string;
  card: ModelCard;
  options: IngestOptions;
  score: ScoreFn;
  text?: readonly TextFeature[];
  /** The model's SHA-256 and output space: a batch output made with it has its scores taken once checked; without, every row is scored here. */
  model?: { sha256: string; outputSpace: OutputSpace };
}): Promise<ScoredInput | null> {
  const fileName = basename(job.path);
  if (inputKind(job.path) === 'parquet') {
    const buffer = await asyncBufferFromFile(job.path);
    const engine = { sha256: job.model?.sha256 ?? '', outputSpace: job.model?.outputSpace ?? 'probability', scoreBlock: job.score, score: job.score, explain: null };
    const scored = await scoreParquet(job.card, { fileName, file: buffer }, job.options, engine, { text: job.text });
    if (!scored) return null;
    const header = scored.file.ingest.plan.header;
    return {
      kind: 'parquet',
      file: scored.file,
      asciiOnly: false,
      outcome: scored.outcome,
      records: async function* () {
        yield* parquetTextRows(buffer, await openParquet(buffer), header);
      },
    };
  }
  const chunks = (async function* () {
    for await (const chunk of createReadStream(job.path, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
  })();
  const scored = await scoreStream(job.card, { fileName, chunks }, job.options, job.score, { text: job.text });
  if (!scored) return null;
  const asciiOnly = scored.sniff?.asciiOnly ?? false;
  return {
    kind: 'csv',
    file: scored.file,
    asciiOnly,
    outcome: null,
    records: () => rawRecords(job.path, scored.file.ingest.plan, asciiOnly),
  };
}
