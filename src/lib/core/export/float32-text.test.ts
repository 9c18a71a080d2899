import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { float32Text } from './float32-text';

describe('float32Text', () => {
  it('writes the shortest text that reads back as the same float32', () => {
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(Math.fround(0.8276195526123047))).toBe('0.82761955');
    expect(float32Text(Math.fround(1e-7))).toBe('1e-7');
  });

  it('writes zero, one and missing values plainly', () => {
    expect(float32Text(0)).toBe('0');
    expect(float32Text(1)).toBe('1');
    expect(float32Text(NaN)).toBe('');
  });

  it('round-trips every float32 probability', () => {
    fc.assert(
      fc.property(fc.float({ min: 0, max: 1, noNaN: true }), (p) => {
        expect(Math.fround(Number(float32Text(p)))).toBe(Math.fround(p));
      }),
    );
  });
});
