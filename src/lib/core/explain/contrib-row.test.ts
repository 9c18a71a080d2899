import { describe, expect, it } from 'vitest';
import { contribRow } from './contrib-row';

describe('contribRow', () => {
  const contrib = Float32Array.of(1, 2, 0.5, 3, 4, 0.5); // two rows, two features, then the base value

  it('gives a row’s φ then its base value', () => {
    expect(Array.from(contribRow(contrib, 2, 1))).toEqual([3, 4, 0.5]);
  });

  it('is a view into the matrix, not a copy', () => {
    expect(contribRow(contrib, 2, 0).buffer).toBe(contrib.buffer);
  });

  it('is empty past the last row', () => {
    expect(contribRow(contrib, 2, 2)).toHaveLength(0);
  });
});
