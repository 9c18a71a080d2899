/**
 * The one importer of onnxruntime-web, shared by the browser worker and the Node CLI, so
 * both run the same wasm engine and give identical probabilities. The host hands the engine
 * its wasm binary (as Perspective does): the worker fetches it from the app's own origin,
 * the CLI reads it from node_modules. Nothing is fetched from elsewhere.
 */
import * as ort from 'onnxruntime-web/wasm';
import type { ModelCard } from '../core/model/card';
import { decodeModel } from '../core/model/onnx';
import { scoringModel } from '../core/model/scoring-model';
import { foldTextFeatures } from '../core/model/text-feature';

export interface EngineOptions {
  /** The bytes of ort-wasm-simd-threaded.wasm. */
  wasmBinary: ArrayBuffer | Uint8Array;
  /** Threads for the wasm engine; more than 1 only works on cross-origin-isolated pages. */
  numThreads?: number;
}

let configured = false;
function configure(options: EngineOptions): void {
  if (configured) return;
  ort.env.wasm.wasmBinary = options.wasmBinary;
  ort.env.wasm.numThreads = options.numThreads ?? 1;
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'error';
  configured = true;
}

export interface Scorer {
  /**
   * P(incorrect deduction) for n rows of `x` (row-major n × features, NaN = missing).
   * Returns probabilities 0–1, one per row, in input order.
   */
  score(x: Float32Array, n: number): Promise<Float32Array>;
  release(): Promise<void>;
}

/**
 * A session for the model (checked by readModel first: never hand onnxruntime a file
 * readModel refused). The graph is scored as scoringModel leaves it: a ZipMap dropped,
 * the one float input fed whatever its name, column `positive_class` of the float
 * probabilities output read.
 */
export async function createScorer(model: Uint8Array, card: ModelCard, options: EngineOptions): Promise<Scorer> {
  configure(options);
  // A text feature's slots read as one value per row (core/model/text-feature.ts).
  const folded = foldTextFeatures(model, card);
  if (typeof folded === 'string') throw new Error(folded);
  const scoring = scoringModel(folded.bytes, decodeModel(folded.bytes), card.io.probabilities);
  if (!scoring) throw new Error('the model has no float input or no float probabilities output');
  const session = await ort.InferenceSession.create(scoring.bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const f = card.features.length;
  const k = card.io.positive_class;
  const io = { input: scoring.input, probabilities: scoring.probabilities };
  return {
    async score(x, n) {
      if (x.length !== n * f) throw new Error(`score: expected ${n * f} values, got ${x.length}`);
      const out = new Float32Array(n);
      if (n === 0) return out;
      const input = new ort.Tensor('float32', x, [n, f]);
      const result = await session.run({ [io.input]: input }, [io.probabilities]);
      const probs = result[io.probabilities].data as Float32Array;
      const classes = probs.length / n;
      for (let i = 0; i < n; i++) out[i] = probs[i * classes + k];
      input.dispose();
      result[io.probabilities].dispose();
      return out;
    },
    release: () => session.release(),
  };
}

/** A classifier over a dense float row (the assistant's intents): all class probabilities of one row. */
export interface DenseClassifier {
  probabilities(x: Float32Array): Promise<Float32Array>;
  release(): Promise<void>;
}

/**
 * A session for a small classifier with one float input [N, width] and a float probabilities
 * output (no ZipMap), named by the caller: models/assistant_intents.py writes such a file.
 */
export async function createDenseClassifier(model: Uint8Array, io: { input: string; probabilities: string }, options: EngineOptions): Promise<DenseClassifier> {
  configure(options);
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  return {
    async probabilities(x) {
      const input = new ort.Tensor('float32', x, [1, x.length]);
      const result = await session.run({ [io.input]: input }, [io.probabilities]);
      const out = Float32Array.from(result[io.probabilities].data as Float32Array);
      input.dispose();
      result[io.probabilities].dispose();
      return out;
    },
    release: () => session.release(),
  };
}

export const engineVersion = (): string => ort.env.versions.web ?? 'unknown';
