import { describe, expect, it } from 'vitest';
import { CSV_PROBLEMS, CSV_PROBLEM_CODES } from '../../src/lib/core/csv/codes';
import { problemParams } from '../../src/lib/core/problems';
import { LOCALES } from '../../src/lib/i18n/locale';
import { hasMessage, translate } from '../../src/lib/i18n/translate';
import { intake } from '../../src/lib/i18n/messages/intake';

describe('intake messages', () => {
  it.each(CSV_PROBLEM_CODES)('have a sentence for %s in every language', (code) => {
    expect(hasMessage(`problem.${code}`)).toBe(true);
    for (const locale of LOCALES) expect((intake[locale] as Record<string, string>)[`problem.${code}`]).toBeTruthy();
  });

  it('use no placeholder their problem does not fill', () => {
    for (const code of CSV_PROBLEM_CODES) {
      const allowed = new Set<string>(['line', 'column', 'field', ...CSV_PROBLEMS[code].params]);
      for (const locale of LOCALES) {
        const text = (intake[locale] as Record<string, string>)[`problem.${code}`];
        for (const [, name] of text.matchAll(/\{(\w+)\}/g)) expect(allowed.has(name), `${locale} ${code} {${name}}`).toBe(true);
      }
    }
  });

  it('have no sentence for a code that does not exist', () => {
    const keys = Object.keys(intake.en).map((k) => k.replace(/^problem\./, ''));
    expect(keys.sort()).toEqual([...CSV_PROBLEM_CODES].sort());
  });

  it('say what is wrong and where, in bokmål', () => {
    const p = { code: 'csv.not_a_number', severity: 'error' as const, line: 17, column: 4, field: 'reise_km_oppgitt', params: { value: '12,5,3' } };
    expect(translate('nb', 'problem.csv.not_a_number', problemParams(p))).toBe(
      'Linje 17, kolonne 4 (reise_km_oppgitt): «12,5,3» er ikke et tall. Raden er avvist.',
    );
  });
});
