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
  | { type: 'cancel'; id: number }
  /** One record's explanation now, ahead of the background stream (for a waterfall). */
  | { type: 'explain-row'; id: number; run: number; row: number };

export interface ModelInfo {
  card: ModelCard;
  /** SHA-256 of the .onnx file, hex. */
  sha256: string;
  name: string;
  bytes: number;
  engine: string;
  /** Whether the trees could be read for TreeSHAP, and where their covers come from. */
  explainable: boolean;
  covers: 'model' | 'estimated' | 'none';
}

export type Reply =
  | { type: 'ready'; id: number; model: ModelInfo | null; problems: Problem[] }
  | { type: 'progress'; id: number; bytes: number; totalBytes: number; rows: number; elapsedMs: number }
  | { type: 'done'; id: number; result: ScoredResult }
  | { type: 'explained'; id: number; block: ExplainedBlock }
  | { type: 'explain-done'; id: number; summary: ExplainSummary }
  | { type: 'row-explained'; id: number; row: number; contrib: Float64Array; raw: number; ok: boolean }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; problems: Problem[] };

export interface ScoredResult {
  fileName: string;
  ingest: IngestResult;
  /** P(incorrect deduction) per data row, input order; NaN for rejected rows. */
  probability: Float32Array;
  elapsedMs: number;
}

/**
 * SHAP values for some rows, in log-odds: `contrib` is rows.length × (F + 1), row-major,
 * φ per feature in card order then the base value (expected log-odds). A row's values add
 * up to its log-odds score. `failed` flags rows whose sum missed the model's score.
 */
export interface ExplainedBlock {
  rows: Uint32Array;
  contrib: Float32Array;
  failed: Uint8Array;
  /** True for the first, spread-out sample that feeds the global charts early. */
  sample: boolean;
  /** Rows explained so far in this run, sample included once. */
  done: number;
  total: number;
}

export interface ExplainSummary {
  failures: number;
  coversEstimated: boolean;
  elapsedMs: number;
  problems: Problem[];
}
