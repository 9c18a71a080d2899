import { describe, expect, it } from 'vitest';
import { maskId } from './mask-id';

describe('maskId', () => {
  it('hides all but the last two digits of an 11-digit national id', () => {
    expect(maskId('01017012345')).toBe('•••••••••45');
  });
  it('leaves other identifiers alone', () => {
    expect(maskId('S0001234')).toBe('S0001234');
    expect(maskId('')).toBe('');
    expect(maskId('0101701234')).toBe('0101701234');
  });
});
