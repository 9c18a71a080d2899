/**
 * The assistant's intent classifier off the page's thread, apart from the scoring engines (which
 * may be busy with a million rows): the question is folded, turned into TF-IDF and run through
 * public/assistant/intents.onnx with the same onnxruntime-web as the engines (runtime/ort.ts).
 * Loaded when the question box is first used; one reply per request id.
 */
import { createDenseClassifier } from '../runtime/ort';
import { intentFeaturizer, readIntentSpec } from '../core/assistant/intents';
import { classifierOf, type Classify } from '../core/assistant/ask';
import type { Classified } from '../core/assistant/intents';

export type AssistantRequest = { id: number; type: 'init'; wasmUrl: string; modelUrl: string; specUrl: string } | { id: number; type: 'classify'; question: string };
export type AssistantReply = { id: number; ready: true } | { id: number; classified: Classified } | { id: number; error: string };

let classify: Classify | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function init(wasmUrl: string, modelUrl: string, specUrl: string): Promise<void> {
  const [wasm, model, specText] = await Promise.all([fetchBytes(wasmUrl), fetchBytes(modelUrl), fetch(specUrl).then((r) => (r.ok ? r.json() : null))]);
  const spec = readIntentSpec(specText);
  if (!spec) throw new Error(`${specUrl} is not an intent spec this version reads`);
  const classifier = await createDenseClassifier(model, spec, { wasmBinary: wasm });
  classify = classifierOf(intentFeaturizer(spec), (x) => classifier.probabilities(x), spec.threshold);
}

self.onmessage = async (event: MessageEvent<AssistantRequest>) => {
  const request = event.data;
  const post = (reply: AssistantReply) => (self as unknown as Worker).postMessage(reply);
  try {
    if (request.type === 'init') {
      await init(request.wasmUrl, request.modelUrl, request.specUrl);
      post({ id: request.id, ready: true });
    } else {
      if (!classify) throw new Error('the classifier is not loaded');
      post({ id: request.id, classified: await classify(request.question) });
    }
  } catch (error) {
    post({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
