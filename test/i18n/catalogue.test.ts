import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/lib/i18n/catalogue';
import { LOCALES } from '../../src/lib/i18n/locale';
import { translate } from '../../src/lib/i18n/translate';
import { sourceFiles } from '../support/source-files';
import { vocabularyParams } from '../../src/lib/i18n/vocabulary-params';
import { NEUTRAL_VOCABULARY } from '../../src/lib/core/model/neutral-vocabulary';

describe('message catalogues', () => {
  it('have the same keys in bokmål, nynorsk and English', () => {
    const keys = LOCALES.map((l) => Object.keys(catalogue[l]).sort());
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
  });

  it('have no empty message in any language', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(catalogue[locale])) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in every language', () => {
    // The caller's parameters; the task's words ({row_n}, {Pos_def} …) are the card's, and a language may need other forms of them than another.
    const words = new Set(Object.keys(vocabularyParams(NEUTRAL_VOCABULARY, 'en')));
    const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:#(\w+))?\}/g)].map((m) => m[2] ?? m[1]).filter((name) => !words.has(name)))].sort();
    for (const key of Object.keys(catalogue.nb)) {
      const nb = placeholders((catalogue.nb as Record<string, string>)[key]);
      expect(placeholders((catalogue.nn as Record<string, string>)[key]), `nn ${key}`).toEqual(nb);
      expect(placeholders((catalogue.en as Record<string, string>)[key]), `en ${key}`).toEqual(nb);
    }
  });

  it('hold every message key the app asks for by name', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => !(key in catalogue.nb));
    expect(missing).toEqual([]);
  });

  it('format numbers in parameters the Norwegian way in Norwegian and the English way in English', () => {
    expect(translate('nb', 'progress.rows', { rows: 12345 })).toBe('12\u00a0345 rader');
    expect(translate('en', 'progress.rows', { rows: 12345 })).toBe('12,345 rows');
  });
});
