/**
 * Node-only glue for the CLI, the benchmarks and the tests: reads the very same
 * ort-wasm-simd-threaded.wasm that the browser build serves, so Node and the browser run
 * one engine. Never imported by browser code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readModel } from '../core/model/read-card';
import { createScorer, type Scorer } from './ort';
import type { ModelCard } from '../core/model/card';
import type { ModelFile } from '../core/model/model-file';
import { problem, type Problem } from '../core/problems';

const require = createRequire(import.meta.url);

export function wasmBinary(): Uint8Array {
  return readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
}

export interface LoadedModel {
  bytes: Uint8Array;
  card: ModelCard;
  /** What readModel read: trees or linear model, output space, covers, what the card lacks. */
  model: ModelFile;
  scorer: Scorer;
  problems: Problem[];
}

/**
 * Loads an .onnx file for scoring in Node; returns the problems instead when the file is
 * unusable. `card`: a card (JSON value or text) for a model without one, or overriding its
 * fields (readModel's options.card).
 */
export async function loadModelFile(path: string, options: { card?: unknown } = {}): Promise<LoadedModel | { problems: Problem[] }> {
  const bytes = new Uint8Array(readFileSync(path));
  const read = readModel(bytes, options);
  if (!read.card || !read.model) return { problems: read.problems };
  let scorer: Scorer;
  try {
    scorer = await createScorer(bytes, read.card, { wasmBinary: wasmBinary() });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { problems: [problem('model.engine_failed', 'error', { params: { detail } })] };
  }
  return { bytes, card: read.card, model: read.model, scorer, problems: read.problems };
}
