/**
 * What a file is, from its first bytes rather than its name: an ONNX model is a protobuf
 * ModelProto whose first field is `ir_version` (field 1, varint: tag 0x08, then a small
 * number); a CSV is text. A model dropped where a CSV is expected, or a CSV where a model
 * is, is then named for what it is instead of being previewed or decoded as the other. A
 * Parquet file starts and ends with "PAR1" (core/parquet/is-parquet.ts: `tail`, the file's last
 * bytes, tells it from a CSV whose first column is named PAR1) and goes to the worker unpreviewed.
 */
import { isParquet } from '../core/parquet/is-parquet';

export type FileKind = 'onnx' | 'parquet' | 'text' | 'binary';

/** Bytes enough to tell (see fileKind). */
export const KIND_BYTES = 512;

export function fileKind(head: Uint8Array, tail: Uint8Array = new Uint8Array(0)): FileKind {
  if (isParquet(head, tail)) return 'parquet';
  if (head.length >= 2 && head[0] === 0x08 && head[1] > 0 && head[1] < 0x80) return 'onnx';
  // Text: no control bytes but tab, line feed, carriage return, form feed (a UTF-8 or UTF-16 BOM is fine).
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'text';
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return 'binary';
  }
  return 'text';
}
