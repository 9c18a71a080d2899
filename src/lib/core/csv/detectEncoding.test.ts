import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binarySignature, detectEncoding, utf8ValidUpTo } from './detectEncoding';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from(s, (c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 })[c] ?? c.charCodeAt(0));
const utf16 = (s: string, le: boolean) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 + 2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 + 2 * i + (le ? 1 : 0)] = u >> 8;
  }
  return out;
};
const TEXT = 'navn;kommune\nÅse Ødegård;Tromsø\n';

describe('detectEncoding', () => {
  it('believes a byte-order mark first', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), false)).toMatchObject({ encoding: 'utf-8', source: 'bom', bom: 3 });
    expect(detectEncoding(utf16(TEXT, true), false)).toMatchObject({ encoding: 'utf-16le', source: 'bom', bom: 2 });
    expect(detectEncoding(utf16(TEXT, false), false)).toMatchObject({ encoding: 'utf-16be', source: 'bom', bom: 2 });
  });

  it('finds UTF-16 without a byte-order mark by its NUL bytes', () => {
    expect(detectEncoding(utf16(TEXT, true).subarray(2), false).encoding).toBe('utf-16le');
    expect(detectEncoding(utf16(TEXT, false).subarray(2), false).encoding).toBe('utf-16be');
  });

  it('takes valid UTF-8 with æøå as UTF-8 and the same text from Excel as windows-1252', () => {
    expect(detectEncoding(utf8(TEXT), false)).toMatchObject({ encoding: 'utf-8', source: 'detected', asciiOnly: false });
    expect(detectEncoding(cp1252(TEXT), false)).toMatchObject({ encoding: 'windows-1252', source: 'detected' });
  });

  it('marks a plain ASCII sample as UTF-8 for want of evidence', () => {
    expect(detectEncoding(utf8('a;b\n1;2\n'), false)).toMatchObject({ encoding: 'utf-8', asciiOnly: true });
  });

  it('forgives a character cut at the end of a truncated sample only', () => {
    const cut = utf8('a;ø').subarray(0, 3);
    expect(detectEncoding(cut, true).encoding).toBe('utf-8');
    expect(detectEncoding(cut, false).encoding).toBe('windows-1252');
  });

  it('lets an option override the guess', () => {
    expect(detectEncoding(utf8(TEXT), false, 'windows-1252')).toMatchObject({ encoding: 'windows-1252', source: 'option' });
  });

  it('handles an empty sample as UTF-8', () => {
    expect(detectEncoding(new Uint8Array(0), false).encoding).toBe('utf-8');
  });
});

describe('binarySignature', () => {
  it('names formats people mistake for CSV', () => {
    expect(binarySignature(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(binarySignature(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('....xl/workbook.xml')]))).toBe('xlsx');
    expect(binarySignature(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('....data.csv')]))).toBe('zip');
    expect(binarySignature(utf8('%PDF-1.7'))).toBe('pdf');
    expect(binarySignature(new Uint8Array([...utf8('PAR1'), 0x15, 0x04, 0x15]))).toBe('parquet');
    expect(binarySignature(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
  });

  it('names a CSV whose first column is PAR1 nothing: text follows the magic', () => {
    expect(binarySignature(utf8('PAR1;beløp\n1;2\n'))).toBeNull();
    expect(binarySignature(utf8('PAR1'))).toBeNull();
  });

  it('names nothing for text and for empty input', () => {
    expect(binarySignature(utf8('alder;lonn'))).toBeNull();
    expect(binarySignature(new Uint8Array(0))).toBeNull();
  });
});

describe('utf8ValidUpTo', () => {
  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        expect(utf8ValidUpTo(bytes, 0, bytes.length, false) === bytes.length).toBe(valid);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with a fatal TextDecoder on valid text cut anywhere', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(), (s, k) => {
        const bytes = utf8(s);
        const cut = bytes.subarray(0, k % (bytes.length + 1));
        expect(utf8ValidUpTo(cut, 0, cut.length, true)).toBe(cut.length);
      }),
    );
  });
});
