import onnxProto from 'onnx-proto';
import type { onnx } from 'onnx-proto';

const { ModelProto } = onnxProto.onnx;

/** ONNX TensorProto.DataType FLOAT. */
const FLOAT = 1;

export interface ScoringModel {
  /** The bytes to hand onnxruntime: the file itself, or the file without its ZipMap. */
  bytes: Uint8Array;
  /** The graph's one float input, whatever the converter named it (`input`, `X`, `float_input`, `features`, …). */
  input: string;
  /** The float tensor output [N, classes] whose column 1 is P(class 1). */
  probabilities: string;
  /** True when a ZipMap was dropped. */
  zipMapDropped: boolean;
}

/** The graph's inputs that are not initializers (old files list initializers as inputs too). */
export function graphInputs(graph: onnx.IGraphProto): onnx.IValueInfoProto[] {
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  return (graph.input ?? []).filter((i) => !initializers.has(i.name));
}

/**
 * What onnxruntime-web needs to score a model: its float input, and a tensor of class
 * probabilities. Converters (skl2onnx, onnxmltools, CatBoost) end a classifier with a
 * ZipMap, whose output (a sequence of maps) onnxruntime-web cannot return; so the ZipMap
 * node is dropped in memory and its input, the probabilities [N, 2] float tensor, becomes
 * the graph output under its own name. Nothing else changes. Null when the graph has no
 * single float input or no float tensor output to read (readModel reports why).
 * `preferred` names the output to use when there are several float outputs (the card's).
 */
export function scoringModel(bytes: Uint8Array, model: onnx.ModelProto, preferred?: string): ScoringModel | null {
  const graph = model.graph;
  if (!graph) return null;
  const inputs = graphInputs(graph);
  if (inputs.length !== 1 || inputs[0].type?.tensorType?.elemType !== FLOAT) return null;
  const input = inputs[0].name ?? '';
  const zipMaps = (graph.node ?? []).filter((n) => n.opType === 'ZipMap');
  let zipMapDropped = false;
  let out = bytes;
  let outputs = graph.output ?? [];
  if (zipMaps.length > 0) {
    const copy = ModelProto.decode(bytes);
    const g = copy.graph!;
    for (const z of zipMaps) {
      const from = z.input?.[0] ?? '';
      const to = z.output?.[0] ?? '';
      g.node = (g.node ?? []).filter((n) => !(n.opType === 'ZipMap' && n.output?.[0] === to));
      g.output = (g.output ?? []).map((o) =>
        o.name === to ? onnxProto.onnx.ValueInfoProto.create({ name: from, type: { tensorType: { elemType: FLOAT } } }) : o,
      );
    }
    out = ModelProto.encode(copy).finish();
    outputs = g.output ?? [];
    zipMapDropped = true;
  }
  const floats = outputs.filter((o) => o.type?.tensorType?.elemType === FLOAT).map((o) => o.name ?? '');
  if (floats.length === 0) return null;
  const probabilities = preferred && floats.includes(preferred) ? preferred : floats.includes('probabilities') ? 'probabilities' : floats[floats.length - 1];
  return { bytes: out, input, probabilities, zipMapDropped };
}
