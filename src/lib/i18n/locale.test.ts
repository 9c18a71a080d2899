import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale';

describe('pickLocale', () => {
  it('gives bokmål to Norwegian browsers, including plain "no"', () => {
    expect(pickLocale(['nb-NO', 'en'])).toBe('nb');
    expect(pickLocale(['no'])).toBe('nb');
  });
  it('gives nynorsk to browsers that ask for it first', () => {
    expect(pickLocale(['nn-NO', 'nb-NO'])).toBe('nn');
  });
  it('takes the first language it knows', () => {
    expect(pickLocale(['de-DE', 'en-GB', 'nb'])).toBe('en');
  });
  it('falls back to English when no language is known or none is given', () => {
    expect(pickLocale(['de-DE'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});
