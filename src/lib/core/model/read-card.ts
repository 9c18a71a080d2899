import * as v from 'valibot';
import type { onnx } from 'onnx-proto';
import { MODEL_CARD_KEY, MODEL_CARD_VERSION, type ModelCard } from './card';
import { modelCardSchema } from './card-schema';
import { decodeModel, metadataProps } from './onnx';
import { problem, type Problem } from '../problems';

export interface ReadModelResult {
  /** The decoded protobuf, for the tree reader; null when the bytes are not an ONNX model. */
  proto: onnx.ModelProto | null;
  /** The validated card; null when any error problem is present. */
  card: ModelCard | null;
  problems: Problem[];
}

/** Reads and checks the model card of an ONNX file. Never throws on bad bytes: every failure is a problem. */
export function readModel(bytes: Uint8Array): ReadModelResult {
  let proto: onnx.ModelProto;
  try {
    proto = decodeModel(bytes);
  } catch {
    return { proto: null, card: null, problems: [problem('model.not_onnx', 'error')] };
  }
  if (!proto.graph) return { proto: null, card: null, problems: [problem('model.not_onnx', 'error')] };
  const text = metadataProps(proto).get(MODEL_CARD_KEY);
  if (text === undefined) return { proto, card: null, problems: [problem('model.no_card', 'error')] };
  return { proto, ...checkCard(text, proto) };
}

function checkCard(text: string, proto: onnx.ModelProto): { card: ModelCard | null; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { card: null, problems: [problem('model.card_not_json', 'error')] };
  }
  const parsed = v.safeParse(modelCardSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue) ?? '(root)';
    return { card: null, problems: [problem('model.card_invalid', 'error', { params: { path, message: issue.message } })] };
  }
  const card = parsed.output;
  const problems: Problem[] = [];
  if (card.card_version > MODEL_CARD_VERSION) {
    problems.push(problem('model.card_newer', 'warning', { params: { version: card.card_version, supported: MODEL_CARD_VERSION } }));
  }
  card.features.forEach((f, i) => {
    if (f.index !== i) problems.push(problem('model.feature_order', 'error', { field: f.name, params: { index: f.index, position: i } }));
  });
  const graph = proto.graph!;
  if (!(graph.input ?? []).some((i) => i.name === card.io.input)) {
    problems.push(problem('model.io_missing', 'error', { params: { name: card.io.input } }));
  }
  if (!(graph.output ?? []).some((o) => o.name === card.io.probabilities)) {
    problems.push(problem('model.io_missing', 'error', { params: { name: card.io.probabilities } }));
  }
  const errors = problems.some((p) => p.severity === 'error');
  return { card: errors ? null : card, problems };
}
