/**
 * The one module both sides import. The page runs a pool of identical workers (one per
 * core): the lead reads the file while the others score the blocks it parsed, then every
 * worker — the lead included — explains blocks of rows the page hands out. Parallelism therefore does not depend on
 * cross-origin isolation (onnxruntime-web's own threads need it; static hosts often lack it).
 * Every message carries the id of its request; replies from a superseded run are dropped.
 * Big arrays travel as transferred buffers, never as structured clones of row objects.
 */
import type { ModelCard } from '../core/model/card';
import type { CardGap } from '../core/model/complete-card';
import type { Problem } from '../core/problems';
import type { RowExplanation } from '../core/explain/treeshap';
import type { IngestOptions } from '../core/csv/ingest';
import type { ScoredFile, UnrankedFile } from '../core/pipeline/scored-file';
import type { ParquetOutcome } from '../core/parquet/score-parquet';

export type { ParquetOutcome };

export type Request =
  | { type: 'init'; id: number; wasm: ArrayBuffer; model: ArrayBuffer; modelName: string }
  /**
   * Look at a model file without loading it (the engine keeps its model): its card or the lack
   * of one, its input and outputs, and whether its trees can be read at all. Replied with
   * `inspected`. Runs in a worker because reading a hostile tree file can take seconds.
   */
  | { type: 'inspect'; id: number; model: ArrayBuffer }
  /** `delegate`: send each parsed block (`parsed`) for other engines to score instead of scoring it here. */
  | { type: 'run'; id: number; file: Blob; fileName: string; options: IngestOptions; delegate: boolean }
  /** Rank a file's probabilities (rankOrder, ranksOf) off the page's thread; replied with `ranked`. */
  | { type: 'rank'; id: number; probability: Float32Array }
  /**
   * Score n rows: x is n × F row-major (NaN missing); replied with `scores`. Stateless: the
   * run's blocks and the record view's what-if rows (n = 1, EnginePool.scoreRow) both use it.
   */
  | { type: 'score'; id: number; x: Float32Array; n: number }
  | { type: 'cancel'; id: number }
  /** Covers estimated from the file, for a model without nodes_hitrates (one value per node). */
  | { type: 'set-covers'; id: number; covers: Float64Array }
  /**
   * Explain rows: x is rows.length × F (row-major). The page checks the sums against its
   * scores; `check` has the worker check them against its own trees instead, for rows the
   * page has no scores for yet (the early picture).
   */
  | { type: 'explain'; id: number; rows: Uint32Array; x: Float32Array; check?: boolean }
  /** One record now (for a waterfall), x its F feature values: a file's row, or a what-if edit of one (row then names the row it was copied from). */
  | { type: 'explain-row'; id: number; row: number; x: Float32Array };

export interface ModelInfo {
  card: ModelCard;
  /** SHA-256 of the .onnx file, hex. */
  sha256: string;
  name: string;
  bytes: number;
  engine: string;
  /** Whether the trees could be read for TreeSHAP, and where their covers come from. */
  explainable: boolean;
  /**
   * Explained with linear SHAP (a LinearClassifier), not TreeSHAP: then `covers` is 'none' and
   * the `covers` a run sends (done, set-covers) are the file's column means, the background.
   */
  linear: boolean;
  covers: 'model' | 'estimated' | 'none';
  /** The space the trees' summed score is in: log-odds (a logistic link) or probability (averaged forests). */
  outputSpace: OutputSpace;
  /** What the card leaves out, so what the app cannot show ([] for a full card). */
  missing: CardGap[];
  /**
   * Each text feature's slot weights (the positive class's coefficients): with the card's
   * vectorizer, what the record view needs to split the text's contribution over its words
   * (core/explain/text-contributions.ts). [] for a model without text features.
   */
  text?: { feature: number; weights: Float64Array }[];
}

export type OutputSpace = 'log-odds' | 'probability';

/** What `inspect` found in a model file (see Request 'inspect'). */
export interface ModelInspection {
  /** The file holds a model card (valid or not: its problems say which). */
  hasCard: boolean;
  /** The graph's first input: name, ONNX element type (1 = float32) and width (columns), null when not fixed. */
  input: { name: string; elemType: number; width: number | null } | null;
  /** The graph's outputs: name, whether a tensor, its last dimension when fixed. */
  outputs: { name: string; tensor: boolean; width: number | null }[];
  /** Trees read for explanations (false for a linear model or unreadable trees). */
  explainable: boolean;
  outputSpace: OutputSpace;
  /** Errors that rule the file out whatever its card says (readModel's refusals but a missing card). */
  problems: Problem[];
}

export type Reply =
  | { type: 'ready'; id: number; model: ModelInfo | null; problems: Problem[] }
  | { type: 'inspected'; id: number; inspection: ModelInspection }
  | { type: 'progress'; id: number; bytes: number; totalBytes: number; rows: number; elapsedMs: number }
  /** Rows start … start + x.length / F − 1, parsed (row-major × F), for another engine to score. */
  | { type: 'parsed'; id: number; start: number; x: Float32Array }
  | { type: 'ranked'; id: number; order: Uint32Array; rank: Uint32Array }
  /** P(incorrect deduction) of the rows of a `score` request, in order, and the request's rows (`x`) handed back. */
  | { type: 'scores'; id: number; p: Float32Array; x?: Float32Array }
  /**
   * The next rows' ids and passthrough cells, in order, ahead of `done` (whose result carries
   * none); a passthrough column's cells are values[codes[i]].
   */
  | { type: 'text'; id: number; ids: string[]; columns: { values: string[]; codes: Uint32Array }[] }
  /**
   * The file read (and scored, unless delegated), in `elapsedMs`; its ids and passthrough
   * columns are empty here, having gone ahead in `text` slices. `covers`: estimated from the
   * file when the model has none. `parquet`: what a Parquet file was and what was taken from it
   * (null for a CSV); when its mode is 'file-scores' or 'rescored' the result's probabilities
   * are final (none were delegated), and its `contrib`, when set, explains every row.
   */
  | { type: 'done'; id: number; result: UnrankedFile; elapsedMs: number; covers: Float64Array | null; parquet: ParquetOutcome | null }
  | { type: 'explained'; id: number; rows: Uint32Array; contrib: Float32Array; failed: Uint8Array }
  | ({ type: 'row-explained'; id: number } & ExplainedRow)
  | { type: 'ok'; id: number }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; problems: Problem[] };

/**
 * One record explained on demand (explainRow in the core: φ per feature then the base value,
 * log-odds, float64; the trees' own score; whether they add up), with the file's row it is of.
 */
export interface ExplainedRow extends RowExplanation {
  row: number;
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
  /** Rows of the file explained so far (each counted once: the sample's rows are not explained again), and the total. */
  done: number;
  total: number;
}

/** Global importance from the first rows read, before the whole file is scored. */
export interface EarlyPicture {
  /** Mean |φ| per feature over the sampled rows, log-odds. */
  importance: Float64Array;
  /** Rows explained, spread over the first `read` rows of the file. */
  sampled: number;
  read: number;
  /** Sampled rows whose base + Σφ missed the trees' own log-odds score. */
  failures: number;
}

export interface ExplainSummary {
  failures: number;
  coversEstimated: boolean;
  elapsedMs: number;
  /** Workers that explained in parallel. */
  workers: number;
  problems: Problem[];
  /** The contributions were read from a batch output (core/parquet), not computed here: `checked` rows were, and matched. */
  fromFile?: { checked: number };
}
