import { isParquet } from '../parquet/is-parquet';
import type { Encoding } from './options';

export type EncodingSource = 'bom' | 'detected' | 'option';

export interface EncodingGuess {
  encoding: Encoding;
  source: EncodingSource;
  /** Bytes of byte-order mark at the start (the decoder drops them). */
  bom: number;
  /**
   * The sample is plain ASCII, so UTF-8 was chosen for want of evidence: the decoder
   * may still switch to windows-1252 at the first non-ASCII byte that is not UTF-8.
   */
  asciiOnly: boolean;
  /** Set when the bytes are a known non-text format: what it is. */
  binary: BinaryKind | null;
}

export type BinaryKind = 'xlsx' | 'xls' | 'zip' | 'png' | 'jpeg' | 'gif' | 'pdf' | 'gzip' | 'parquet';

/** How a format is named to the user (the same in every language). */
export const BINARY_FORMAT_NAMES: Record<BinaryKind, string> = {
  xlsx: 'Excel (.xlsx)',
  xls: 'Excel 97–2003 (.xls)',
  zip: 'ZIP',
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  pdf: 'PDF',
  gzip: 'gzip',
  parquet: 'Parquet',
};

/** File signatures of formats people rename to .csv or pick by mistake. */
const SIGNATURES: { kind: BinaryKind; bytes: number[] }[] = [
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] }, // also .xlsx, told apart below
  { kind: 'xls', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // OLE2 compound file
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'parquet', bytes: [0x50, 0x41, 0x52, 0x31] }, // and not text after it (core/parquet/is-parquet.ts)
];

function startsWith(sample: Uint8Array, bytes: number[]): boolean {
  if (sample.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (sample[i] !== bytes[i]) return false;
  return true;
}

function contains(sample: Uint8Array, text: string): boolean {
  outer: for (let i = 0; i + text.length <= sample.length; i++) {
    for (let j = 0; j < text.length; j++) if (sample[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

export function binarySignature(sample: Uint8Array): BinaryKind | null {
  for (const { kind, bytes } of SIGNATURES) {
    if (!startsWith(sample, bytes)) continue;
    // A CSV may start with "PAR1" too (a column of that name); the sample has no tail, so the byte after it decides.
    if (kind === 'parquet' && !isParquet(sample)) continue;
    // An Office Open XML workbook is a zip whose entries are named xl/… (ECMA-376 part 2).
    if (kind === 'zip' && (contains(sample, 'xl/') || contains(sample, '[Content_Types].xml'))) return 'xlsx';
    return kind;
  }
  return null;
}

/**
 * Length of the valid UTF-8 prefix of bytes[from, to), RFC 3629 (no overlongs, no
 * surrogates, nothing above U+10FFFF). A sequence cut by `to` counts as valid when
 * `cutAllowed`, since a sample or a chunk may end inside a character.
 * Returns `to` when everything is valid, else the offset of the first bad byte.
 */
export function utf8ValidUpTo(bytes: Uint8Array, from: number, to: number, cutAllowed: boolean): number {
  let i = from;
  while (i < to) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= to) return cutAllowed ? to : i;
      const c = bytes[i + k];
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return to;
}

/** Index of the first byte ≥ 0x80 in bytes[from, to), or -1. */
export function firstNonAscii(bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/**
 * UTF-16 without a byte-order mark shows as a NUL in every other byte for Latin text;
 * which half holds the NULs gives the byte order.
 */
function utf16WithoutBom(sample: Uint8Array): Encoding | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.4 * pairs && evenZero < 0.05 * pairs) return 'utf-16le';
  if (evenZero > 0.4 * pairs && oddZero < 0.05 * pairs) return 'utf-16be';
  return null;
}

/**
 * Encoding from a sample (`truncated`: the file goes on after it): a byte-order mark first, then UTF-16 by its NULs, then UTF-8 if
 * every byte sequence is valid UTF-8 (text in windows-1252 with æøå is almost never valid
 * UTF-8, since those letters are single bytes ≥ 0x80), else windows-1252 — the code page
 * Norwegian Excel saves "CSV (semikolonseparert)" in. ISO-8859-1 is decoded as
 * windows-1252, as the WHATWG Encoding Standard does for the label.
 */
export function detectEncoding(sample: Uint8Array, truncated: boolean, option: 'auto' | Encoding = 'auto'): EncodingGuess {
  const binary = binarySignature(sample);
  let bom = 0;
  let fromBom: Encoding | null = null;
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) [fromBom, bom] = ['utf-8', 3];
  else if (startsWith(sample, [0xff, 0xfe])) [fromBom, bom] = ['utf-16le', 2];
  else if (startsWith(sample, [0xfe, 0xff])) [fromBom, bom] = ['utf-16be', 2];

  if (option !== 'auto') {
    const keepsBom = fromBom === option;
    return { encoding: option, source: 'option', bom: keepsBom ? bom : 0, asciiOnly: false, binary };
  }
  if (fromBom) return { encoding: fromBom, source: 'bom', bom, asciiOnly: false, binary };
  const wide = binary ? null : utf16WithoutBom(sample);
  if (wide) return { encoding: wide, source: 'detected', bom: 0, asciiOnly: false, binary };
  if (utf8ValidUpTo(sample, 0, sample.length, truncated) === sample.length) {
    const asciiOnly = firstNonAscii(sample, 0, sample.length) < 0;
    return { encoding: 'utf-8', source: 'detected', bom: 0, asciiOnly, binary };
  }
  return { encoding: 'windows-1252', source: 'detected', bom: 0, asciiOnly: false, binary };
}
