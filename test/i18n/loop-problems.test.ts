import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/lib/i18n/catalogue';
import { LOCALES } from '../../src/lib/i18n/locale';
import { LOOP_PROBLEMS, LOOP_PROBLEM_CODES } from '../../src/lib/core/loop/codes';

describe('the outcomes loop’s problems', () => {
  for (const locale of LOCALES) {
    it(`each has a ${locale} sentence that uses its params`, () => {
      const table = catalogue[locale] as Record<string, string>;
      for (const code of LOOP_PROBLEM_CODES) {
        const text = table[`problem.${code}`];
        expect(text, code).toBeTruthy();
        for (const param of LOOP_PROBLEMS[code].params) expect(text, `${code} {${param}}`).toMatch(new RegExp(`\\{${param}[}#|]`));
      }
    });
  }
});
