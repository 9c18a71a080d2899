/**
 * The one module both threads import. Every message is tagged with the id of the request it
 * belongs to; a newer `run` supersedes an older one (the client ignores stale replies).
 * Big results travel as transferred buffers (postMessage(msg, { transfer })), never as
 * structured clones of row objects.
 */
import type { ModelCard } from '../core/model/card';
import type { Problem } from '../core/problems';
import type { IngestOptions, IngestResult } from '../core/csv/ingest';

export type Request =
  | { type: 'init'; id: number; wasm: ArrayBuffer; model: ArrayBuffer; modelName: string }
  | { type: 'run'; id: number; file: Blob; fileName: string; options: IngestOptions }
  | { type: 'cancel'; id: number };

export interface ModelInfo {
  card: ModelCard;
  /** SHA-256 of the .onnx file, hex. */
  sha256: string;
  name: string;
  bytes: number;
  engine: string;
}

export type Reply =
  | { type: 'ready'; id: number; model: ModelInfo | null; problems: Problem[] }
  | { type: 'progress'; id: number; bytes: number; totalBytes: number; rows: number; elapsedMs: number }
  | { type: 'done'; id: number; result: ScoredResult }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; problems: Problem[] };

export interface ScoredResult {
  fileName: string;
  ingest: IngestResult;
  /** P(incorrect deduction) per data row, input order; NaN for rejected rows. */
  probability: Float32Array;
  elapsedMs: number;
}
