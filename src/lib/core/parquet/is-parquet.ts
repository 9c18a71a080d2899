/**
 * A Parquet file starts and ends with the magic bytes "PAR1" (Apache Parquet format
 * specification, "File Format": `4-byte magic number "PAR1"`, the data, the footer, its
 * length, `4-byte magic number "PAR1"`). A CSV whose first column is named e.g. "PAR1" also
 * starts with them, so the start alone does not decide it: the file is Parquet when it also
 * ends with them, or, for a file cut before its footer, when the byte after the start is not
 * text — the first column chunk's page header is a Thrift compact struct whose first field
 * header (field 1, `type`, i32) is the byte 0x15, a control byte no CSV has.
 */
const MAGIC = [0x50, 0x41, 0x52, 0x31];

function magicAt(bytes: Uint8Array, at: number): boolean {
  if (at < 0 || bytes.length < at + 4) return false;
  return MAGIC.every((b, i) => bytes[at + i] === b);
}

/** A byte no text file has: a C0 control byte other than tab, line feed, form feed, carriage return. */
function controlByte(b: number | undefined): boolean {
  return b !== undefined && b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d;
}

/**
 * `head`: the file's first bytes (at least 5 to tell a cut file); `tail`: its last 4 (or
 * more) bytes, empty when not at hand.
 */
export function isParquet(head: Uint8Array, tail: Uint8Array = new Uint8Array(0)): boolean {
  if (!magicAt(head, 0)) return false;
  return magicAt(tail, tail.length - 4) || controlByte(head[4]);
}
