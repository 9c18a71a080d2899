/**
 * A Parquet file starts (and ends) with the magic bytes "PAR1" (Apache Parquet format
 * specification, "File Format"). Four bytes are enough to tell it from a CSV or a model.
 */
export function isParquet(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}
