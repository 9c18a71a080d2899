import type { ModelCard } from '../model/card';
import { Ingest, type IngestOptions, type SniffResult } from '../csv/ingest';
import { nanForRejected, type UnrankedFile } from './scored-file';
import type { TextFeature } from '../model/text-feature';

/** P(incorrect deduction), 0–1, for n rows of a row-major n × features block (NaN = missing). */
export type ScoreFn = (x: Float32Array, n: number) => Promise<Float32Array>;

export interface StreamProgress {
  /** Bytes of the file consumed so far. */
  bytes: number;
  /** Data rows parsed and scored so far. */
  rows: number;
}

export interface StreamScored {
  /** One probability per data row, in input order, NaN for rejected rows; not ranked yet. */
  file: UnrankedFile;
  /** What intake decided from the first bytes (encoding, dialect, mapping). */
  sniff: SniffResult | null;
}

/**
 * Streams a file through intake and scoring: each chunk of bytes is parsed into a block of
 * typed rows and scored while the next chunk is read, so memory follows the columnar data,
 * not the text. Shared by the browser worker and the CLI, which inject the scorer.
 */
export async function scoreStream(
  card: ModelCard,
  source: { fileName: string; chunks: AsyncIterable<Uint8Array> },
  options: IngestOptions,
  score: ScoreFn,
  hooks: {
    onProgress?: (p: StreamProgress) => void;
    signal?: AbortSignal;
    /** The model's text features (ModelFile.text), whose cells intake turns into their score. */
    text?: readonly TextFeature[];
  } = {},
): Promise<StreamScored | null> {
  const ingest = new Ingest(card, options, hooks.text);
  let probability = new Float32Array(1 << 16);
  let scored = 0;
  let bytes = 0;
  const f = card.features.length;

  const take = async (start: number, count: number, x: Float32Array) => {
    if (count === 0) return;
    const p = await score(x, count);
    if (start + count > probability.length) {
      let size = probability.length;
      while (size < start + count) size *= 2;
      const grown = new Float32Array(size);
      grown.set(probability.subarray(0, scored));
      probability = grown;
    }
    probability.set(p, start);
    scored = start + count;
  };

  for await (const chunk of source.chunks) {
    if (hooks.signal?.aborted) return null;
    bytes += chunk.byteLength;
    const block = ingest.push(chunk);
    if (block) await take(block.start, block.count, block.features);
    hooks.onProgress?.({ bytes, rows: scored });
  }
  if (hooks.signal?.aborted) return null;
  const result = ingest.finish();
  if (result.rows > scored) {
    await take(scored, result.rows - scored, result.features.subarray(scored * f, result.rows * f));
  }
  hooks.onProgress?.({ bytes, rows: scored });
  const out = nanForRejected(probability.slice(0, result.rows), result.status);
  return { file: { fileName: source.fileName, ingest: result, probability: out }, sniff: ingest.sniffResult };
}
