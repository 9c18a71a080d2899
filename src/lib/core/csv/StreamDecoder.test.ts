import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt } from '../../../../test/csv/helpers';
import { StreamDecoder } from './StreamDecoder';

function decodeAll(decoder: StreamDecoder, parts: Uint8Array[]): string {
  let text = '';
  for (const p of parts) text += decoder.decode(p);
  return text + decoder.decode(new Uint8Array(0), true);
}

const norwegian = fc.array(fc.constantFrom('a', ';', '\n', 'æ', 'ø', 'å', 'Å', '€', '😀', '"', ' ')).map((a) => a.join(''));

describe('StreamDecoder', () => {
  it('gives the same text however UTF-8 bytes are split, characters cut in half included', () => {
    fc.assert(
      fc.property(norwegian, fc.array(fc.nat()), (s, cuts) => {
        const bytes = new TextEncoder().encode(s);
        expect(decodeAll(new StreamDecoder('utf-8', false), cutAt(bytes, cuts))).toBe(s);
      }),
    );
  });

  it('gives the same text however UTF-16 bytes are split', () => {
    fc.assert(
      fc.property(norwegian, fc.array(fc.nat()), fc.boolean(), (s, cuts, le) => {
        const bytes = new Uint8Array(s.length * 2);
        for (let i = 0; i < s.length; i++) {
          const u = s.charCodeAt(i);
          bytes[2 * i + (le ? 0 : 1)] = u & 0xff;
          bytes[2 * i + (le ? 1 : 0)] = u >> 8;
        }
        expect(decodeAll(new StreamDecoder(le ? 'utf-16le' : 'utf-16be', false), cutAt(bytes, cuts))).toBe(s);
      }),
    );
  });

  it('switches an ASCII-looking file to windows-1252 at its first non-UTF-8 byte, wherever the chunks end', () => {
    const text = 'a;b\n'.repeat(50) + 'Tromsø;Bærum\n';
    const bytes = Uint8Array.from(text, (c) => ({ ø: 0xf8, æ: 0xe6 })[c] ?? c.charCodeAt(0));
    fc.assert(
      fc.property(fc.array(fc.nat()), (cuts) => {
        const decoder = new StreamDecoder('utf-8', true);
        let out = '';
        let switched = -1;
        for (const p of cutAt(bytes, cuts)) {
          const before = out.length;
          out += decoder.decode(p);
          if (decoder.switchedAt >= 0) switched = before + decoder.switchedAt;
        }
        out += decoder.decode(new Uint8Array(0), true);
        expect(out).toBe(text);
        expect(decoder.encoding).toBe('windows-1252');
        expect(switched).toBe(text.indexOf('ø'));
      }),
    );
  });

  it('keeps UTF-8 when the first non-ASCII character is valid UTF-8, even if cut between chunks', () => {
    const bytes = new TextEncoder().encode('a;b\nTromsø\n');
    const cut = bytes.indexOf(0xc3) + 1;
    const decoder = new StreamDecoder('utf-8', true);
    expect(decoder.decode(bytes.subarray(0, cut)) + decoder.decode(bytes.subarray(cut), true)).toBe('a;b\nTromsø\n');
    expect(decoder.encoding).toBe('utf-8');
  });

  it('reports the first replacement character of invalid bytes in a file declared UTF-8', () => {
    const decoder = new StreamDecoder('utf-8', false);
    expect(decoder.decode(new Uint8Array([0x61, 0x0a, 0xf8, 0x0a]), true)).toBe('a\n\uFFFD\n');
    expect(decoder.replacementAt).toBe(2);
  });

  it('decodes nothing to nothing', () => {
    expect(new StreamDecoder('windows-1252', false).decode(new Uint8Array(0), true)).toBe('');
  });
});
