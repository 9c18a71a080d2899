import onnxProto from 'onnx-proto';
import type { onnx } from 'onnx-proto';

// onnx-proto is CommonJS: Node's ESM loader gives it only a default export, so take the
// namespace from there (Vite's interop gives the same object in the browser).
const { ModelProto } = onnxProto.onnx;

/**
 * Decodes an ONNX file's protobuf (onnx.proto3's ModelProto) with the generated classes of
 * `onnx-proto`. Throws on bytes that are not a ModelProto; callers at the edge turn that
 * into a problem value (see readModel).
 */
export function decodeModel(bytes: Uint8Array): onnx.ModelProto {
  return ModelProto.decode(bytes);
}

/** The model's `metadata_props` as a plain map (keys are unique in files this project writes). */
export function metadataProps(model: onnx.ModelProto): Map<string, string> {
  const props = new Map<string, string>();
  for (const entry of model.metadataProps ?? []) {
    if (entry.key != null && entry.value != null) props.set(entry.key, entry.value);
  }
  return props;
}

/** The opset version the model imports for `domain` ('' is the default ONNX domain), or undefined. */
export function opsetVersion(model: onnx.ModelProto, domain: string): number | undefined {
  for (const entry of model.opsetImport ?? []) {
    if ((entry.domain ?? '') === domain) return Number(entry.version);
  }
  return undefined;
}
