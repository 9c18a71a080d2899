import { sha256Hex } from '../core/export/sha256';
import { blobChunks } from '../core/export/blob-chunks';

/** SHA-256 of files already hashed (the Blob itself is the key: nothing of it is copied). */
const hashes = new WeakMap<Blob, Promise<string>>();

/**
 * Lower-case hex SHA-256 of a file's bytes, read in slices; each Blob is hashed once for the page
 * (the session and the decision log both pin the data file by it).
 */
export function fileSha256(file: Blob): Promise<string> {
  let sha = hashes.get(file);
  if (!sha) hashes.set(file, (sha = sha256Hex(blobChunks(file))));
  return sha;
}
