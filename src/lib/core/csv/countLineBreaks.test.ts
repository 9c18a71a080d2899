import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLineBreaks } from './countLineBreaks';

describe('countLineBreaks', () => {
  it('counts LF, CR LF and a lone CR once each', () => {
    expect(countLineBreaks('a\nb\r\nc\rd')).toBe(3);
    expect(countLineBreaks('\r\n\r\n')).toBe(2);
    expect(countLineBreaks('\n\r')).toBe(2);
  });

  it('is zero for empty text and text without breaks', () => {
    expect(countLineBreaks('')).toBe(0);
    expect(countLineBreaks('x')).toBe(0);
  });

  it('counts within the range only, a CR at its end being lone', () => {
    expect(countLineBreaks('a\r\nb\nc', 0, 2)).toBe(1);
    expect(countLineBreaks('a\r\nb\nc', 3)).toBe(1);
  });

  it('agrees with splitting on the regular expression /\\r\\n|\\r|\\n/', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'ø', '\r', '\n', '"', ';')).map((a) => a.join('')), (s) => {
        expect(countLineBreaks(s)).toBe(s.split(/\r\n|\r|\n/).length - 1);
      }),
    );
  });
});
