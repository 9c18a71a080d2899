import { Sha256, toHex } from '../export/sha256';

/** What a list key is made of: the hashes and choices that fix which rows a list holds. */
export interface ListKeyInput {
  modelSha256: string;
  inputSha256: string;
  /** Capacity as asked for (a count of rows), as in the manifest. */
  capacity: number;
  controlShare: number;
  /** The seed as a decimal string (the manifest's spelling) or a number. */
  seed: string | number | bigint;
}

/**
 * The list key: the first 16 hex digits of SHA-256 of the UTF-8 string
 * `model.sha256|input.sha256|capacity|control_share|seed`, each written as in the manifest's
 * JSON (capacity and control share as JavaScript writes the number, e.g. `200` and `0.2`; the
 * seed in decimal). The same model, file and choices give the same rows on the list, and so
 * the same key; the outcomes form carries it on every row (`liste`) so outcomes can be tied to
 * their list without the list at hand. 64 bits: a collision between two lists is not a
 * practical concern, and the key stays short enough to read aloud.
 */
export function listKey(k: ListKeyInput): string {
  const text = `${k.modelSha256}|${k.inputSha256}|${k.capacity}|${k.controlShare}|${BigInt(k.seed).toString()}`;
  return toHex(new Sha256().update(new TextEncoder().encode(text)).digest()).slice(0, 16);
}
