import { describe, expect, it } from 'vitest';
import { checkAgainstScore } from './check-score';

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

describe('checkAgainstScore', () => {
  it('accepts rows whose contributions add up to the log-odds of the float32 probability', () => {
    // two features + base per row
    const contrib = Float32Array.of(0.5, -1, -2, 3, 2, 1);
    const p = Float32Array.of(logistic(-2.5), logistic(6));
    const failed = new Uint8Array(2);
    expect(checkAgainstScore(contrib, 2, 2, p, failed, 'log-odds')).toBe(0);
    expect(Array.from(failed)).toEqual([0, 0]);
  });

  it('flags a row whose contributions miss its score by more than 1e-4 log-odds', () => {
    const contrib = Float32Array.of(0.5, -1, -2);
    const p = Float32Array.of(logistic(-2.5 + 2e-3));
    const failed = new Uint8Array(1);
    expect(checkAgainstScore(contrib, 1, 2, p, failed, 'log-odds')).toBe(1);
    expect(failed[0]).toBe(1);
  });

  it('skips rejected rows, whose probability is NaN', () => {
    const failed = new Uint8Array(1);
    expect(checkAgainstScore(Float32Array.of(1, 2, 3), 1, 2, Float32Array.of(NaN), failed, 'log-odds')).toBe(0);
  });

  it('checks nothing for no rows', () => {
    expect(checkAgainstScore(new Float32Array(0), 0, 2, new Float32Array(0), new Uint8Array(0), 'log-odds')).toBe(0);
  });

  it('compares in probability space for a model whose sum is the probability (an averaged forest)', () => {
    const failed = new Uint8Array(2);
    const contrib = Float32Array.of(0.1, 0.2, 0.3, 0.1, 0.2, 0.4);
    expect(checkAgainstScore(contrib, 2, 2, Float32Array.of(0.6, 0.6), failed, 'probability')).toBe(1);
    expect(Array.from(failed)).toEqual([0, 1]);
  });
});
