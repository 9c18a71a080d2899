import { firstNonAscii, utf8ValidUpTo } from './detectEncoding';
import type { Encoding } from './options';

/**
 * Bytes to text chunk by chunk. TextDecoder with {stream: true} keeps a character split
 * across two chunks (a UTF-8 'ø' is two bytes, any UTF-16 unit two) until its last byte
 * arrives (WHATWG Encoding Standard, "decode" with the stream option).
 *
 * When UTF-8 was chosen only because the sample was plain ASCII (`asciiOnly`), the
 * first non-ASCII character decides: valid UTF-8 confirms it, anything else switches the
 * rest of the file to windows-1252 — lossless, since everything before was ASCII and
 * reads the same in both.
 */
export class StreamDecoder {
  encoding: Encoding;
  /** Character offset, within the text returned by the call that switched, of the first byte read as windows-1252; -1 if no switch. */
  switchedAt = -1;
  /** Character offset of the first U+FFFD a bad byte sequence produced, within the text of the call that produced it; -1 if none. */
  replacementAt = -1;

  private decoder: TextDecoder;
  private undecided: boolean;
  private sawReplacement = false;
  private held: Uint8Array | null = null;

  constructor(encoding: Encoding, asciiOnly: boolean) {
    this.encoding = encoding;
    this.undecided = asciiOnly && encoding === 'utf-8';
    this.decoder = new TextDecoder(encoding);
  }

  /** Text of these bytes (and of any character held back from the previous call). */
  decode(bytes: Uint8Array, final = false): string {
    this.switchedAt = -1;
    this.replacementAt = -1;
    if (this.undecided) bytes = this.decide(bytes, final);
    const text = this.decoder.decode(bytes, { stream: !final });
    if (!this.sawReplacement && this.encoding !== 'windows-1252') {
      const bad = text.indexOf('\uFFFD');
      if (bad >= 0) {
        this.sawReplacement = true;
        this.replacementAt = bad;
      }
    }
    return text;
  }

  /**
   * While undecided: the bytes to decode now. A non-ASCII character cut by the chunk's
   * end proves nothing yet, so it is held back (never fed to the UTF-8 decoder, which
   * could not give it back) until the next chunk completes or refutes it.
   */
  private decide(bytes: Uint8Array, final: boolean): Uint8Array {
    let data = bytes;
    if (this.held) {
      data = new Uint8Array(this.held.length + bytes.length);
      data.set(this.held);
      data.set(bytes, this.held.length);
      this.held = null;
    }
    const at = firstNonAscii(data, 0, data.length);
    if (at < 0) return data;
    // Only the first non-ASCII character decides, so the outcome cannot depend on where chunks end.
    const end = Math.min(data.length, at + 4);
    if (utf8ValidUpTo(data, at, end, false) > at) {
      this.undecided = false;
      return data;
    }
    if (!final && end === data.length && utf8ValidUpTo(data, at, end, true) === end) {
      this.held = data.slice(at);
      return data.subarray(0, at);
    }
    this.undecided = false;
    this.encoding = 'windows-1252';
    this.decoder = new TextDecoder('windows-1252');
    this.switchedAt = at;
    return data;
  }
}
