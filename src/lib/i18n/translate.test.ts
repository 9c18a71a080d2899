import { describe, expect, it } from 'vitest';
import { translate } from './translate';

describe('translate: the catalogue’s own plural words', () => {
  it('takes the singular for one and the plural for every other count', () => {
    const template = 'no.such.key {count} {count|kolonne|kolonner}';
    expect(translate('nb', template, { count: 1 })).toBe('no.such.key 1 kolonne');
    expect(translate('nb', template, { count: 2 })).toBe('no.such.key 2 kolonner');
    expect(translate('nb', template, { count: 0 })).toBe('no.such.key 0 kolonner');
    expect(translate('nn', template, { count: 1 })).toBe('no.such.key 1 kolonne');
    expect(translate('en', 'no.such.key {n} {n|column|columns}', { n: 1 })).toBe('no.such.key 1 column');
  });

  it('reads a count passed already formatted', () => {
    expect(translate('en', 'no.such.key {n} {n|row|rows}', { n: '1,000' })).toBe('no.such.key 1,000 rows');
  });

  it('leaves the form as written when the count is not given', () => {
    expect(translate('en', 'no.such.key {n|row|rows}', { m: 1 })).toBe('no.such.key {n|row|rows}');
  });
});
