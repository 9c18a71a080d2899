import type { onnx } from 'onnx-proto';

type Int64 = number | { toNumber(): number };

const FLOAT = 1;
const UINT8 = 2;
const INT8 = 3;
const INT32 = 6;
const INT64 = 7;
const DOUBLE = 11;

/** A model file whose attributes contradict each other or the ONNX schema; caught at the boundary and turned into a problem. */
export class MalformedModel extends Error {}

function toNumber(v: Int64): number {
  return typeof v === 'number' ? v : v.toNumber();
}

/**
 * The attributes of one ONNX node by name, read as plain numbers. Tensor-valued attributes
 * (the ai.onnx.ml `*_as_tensor` variants and ai.onnx.ml 5's tensors) are decoded from
 * whichever field holds them: the typed repeated field or little-endian `raw_data`
 * (onnx.proto: "raw_data ... stored in little-endian order").
 */
export class NodeAttributes {
  readonly #byName = new Map<string, onnx.IAttributeProto>();

  constructor(node: onnx.INodeProto) {
    for (const a of node.attribute ?? []) if (a.name) this.#byName.set(a.name, a);
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  int(name: string, fallback: number): number {
    const a = this.#byName.get(name);
    return a?.i != null ? toNumber(a.i as Int64) : fallback;
  }

  string(name: string, fallback: string): string {
    const a = this.#byName.get(name);
    return a?.s != null && a.s.length > 0 ? new TextDecoder().decode(a.s) : fallback;
  }

  ints(name: string): number[] {
    const a = this.#byName.get(name);
    if (a?.t) return Array.from(tensorValues(a.t));
    return (a?.ints ?? []).map((v) => toNumber(v as Int64));
  }

  strings(name: string): string[] {
    const decoder = new TextDecoder();
    return (this.#byName.get(name)?.strings ?? []).map((s) => decoder.decode(s));
  }

  /** A list of reals from `name` (repeated float) or, failing that, from the tensor `tensorName`. */
  reals(name: string, tensorName = name): Float64Array {
    const a = this.#byName.get(name);
    if (a?.floats && a.floats.length > 0) return Float64Array.from(a.floats);
    const t = this.#byName.get(tensorName)?.t;
    return t ? tensorValues(t) : new Float64Array(0);
  }
}

/** The elements of a tensor as float64 (exact for float32, float64 and integers up to 2^53). */
export function tensorValues(t: onnx.ITensorProto): Float64Array {
  const type = t.dataType ?? 0;
  const raw = t.rawData;
  if (raw && raw.length > 0) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const size = { [FLOAT]: 4, [DOUBLE]: 8, [UINT8]: 1, [INT8]: 1, [INT32]: 4, [INT64]: 8 }[type];
    if (size === undefined) throw new MalformedModel(`tensor data type ${type} is not supported`);
    const out = new Float64Array(raw.byteLength / size);
    for (let i = 0; i < out.length; i++) {
      const at = i * size;
      if (type === FLOAT) out[i] = view.getFloat32(at, true);
      else if (type === DOUBLE) out[i] = view.getFloat64(at, true);
      else if (type === UINT8) out[i] = view.getUint8(at);
      else if (type === INT8) out[i] = view.getInt8(at);
      else if (type === INT32) out[i] = view.getInt32(at, true);
      else out[i] = Number(view.getBigInt64(at, true));
    }
    return out;
  }
  if (type === FLOAT) return Float64Array.from(t.floatData ?? []);
  if (type === DOUBLE) return Float64Array.from(t.doubleData ?? []);
  if (type === INT64) return Float64Array.from((t.int64Data ?? []).map((v) => toNumber(v as Int64)));
  // onnx.proto stores int32, int8, uint8 (and bool, float16) in int32_data.
  return Float64Array.from(t.int32Data ?? []);
}
