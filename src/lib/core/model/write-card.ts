import onnxProto from 'onnx-proto';
import { MODEL_CARD_KEY } from './card';

const { StringStringEntryProto } = onnxProto.onnx;

/** ModelProto field 14, metadata_props (onnx.proto3), as a length-delimited field's tag byte. */
const METADATA_PROPS = 14;
const TAG = (METADATA_PROPS << 3) | 2;

/**
 * The same model with `metadata_props["model_card"]` set to `card` (serialised as JSON).
 * Works on the protobuf wire format rather than decoding and re-encoding, so every other
 * byte of the file is kept exactly: the top-level fields are copied as they are, any
 * existing `model_card` entry is left out, and one new entry is appended at the end (a
 * parser reads a repeated field's entries wherever they stand; protobuf encoding spec,
 * "Repeated fields" and "Field order"). Throws a RangeError on bytes that are not a
 * protobuf message; callers check the model with readModel first.
 */
export function writeCard(onnxBytes: Uint8Array, card: unknown): Uint8Array {
  const kept: Uint8Array[] = [];
  let at = 0;
  while (at < onnxBytes.length) {
    const start = at;
    const [tag, afterTag] = varint(onnxBytes, at);
    at = afterTag;
    const wire = tag & 7;
    if (wire === 0) at = varint(onnxBytes, at)[1];
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const [length, afterLength] = varint(onnxBytes, at);
      at = afterLength + length;
      if (at > onnxBytes.length) throw new RangeError('writeCard: a field runs past the end of the file');
      if (tag === TAG && StringStringEntryProto.decode(onnxBytes.subarray(afterLength, at)).key === MODEL_CARD_KEY) continue;
    } else throw new RangeError(`writeCard: wire type ${wire} at byte ${start}`);
    kept.push(onnxBytes.subarray(start, at));
  }
  const entry = StringStringEntryProto.encode({ key: MODEL_CARD_KEY, value: JSON.stringify(card) }).finish();
  kept.push(Uint8Array.of(TAG), encodeVarint(entry.length), entry);
  const out = new Uint8Array(kept.reduce((s, b) => s + b.length, 0));
  let o = 0;
  for (const b of kept) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

function varint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at >= bytes.length) throw new RangeError('writeCard: the file ends inside a number');
    const b = bytes[at++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, at];
    scale *= 128;
    if (scale > 2 ** 63) throw new RangeError('writeCard: a number longer than 10 bytes');
  }
}

function encodeVarint(n: number): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Uint8Array.from(out);
}
