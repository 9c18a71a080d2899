import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalisedTokens, prohibitedFeatures, prohibitedWordIn } from './prohibited';
import { readModel } from '../model/read-card';
import { readBundledIndex } from '../model/bundled-index';

const feature = (name: string, nb = name, nn = nb, en = nb) => ({ name, label: { nb, nn, en } });

describe('normalisedTokens', () => {
  it('folds æøå, drops accents, lowers case and breaks at _, -, spaces and camelCase', () => {
    expect(normalisedTokens('Kjønn_kode-Fødeland Étnisk countryOfBirth')).toEqual(['kjonn', 'kode', 'fodeland', 'etnisk', 'country', 'of', 'birth']);
  });
});

describe('prohibitedWordIn', () => {
  it.each([
    ['kjonn', 'kjønn', 'sex'],
    ['KJØNN', 'kjønn', 'sex'],
    ['kjonnskode', 'kjønn', 'sex'],
    ['person_sex', 'sex', 'sex'],
    ['Gender identity', 'gender', 'sex'],
    ['statsborgarskap_land', 'statsborgarskap', 'citizenship'],
    ['country_of_birth', 'country of birth', 'origin'],
    ['countryOfOrigin', 'country of origin', 'origin'],
    ['innvandrerbakgrunn', 'innvandrerbakgrunn', 'origin'],
    ['morsmål', 'morsmål', 'language'],
    ['sprak_norsk', 'språk', 'language'],
    ['har_trossamfunn', 'trossamfunn', 'religion'],
    ['Nasjonalitet (kode)', 'nasjonalitet', 'nationality'],
    ['etnisk_norsk', 'etnisk', 'ethnicity'],
  ])('finds %s as %s (%s)', (text, word, characteristic) => {
    expect(prohibitedWordIn(text)).toEqual({ word, characteristic });
  });

  it.each(['sexton', 'raceway', 'sessex', 'original_amount', 'reise_km_oppgitt', 'avstand_reg_km', 'birth_year', 'country', 'kjo'])('does not flag %s', (text) => {
    expect(prohibitedWordIn(text)).toBeNull();
  });
});

describe('prohibitedFeatures', () => {
  it('checks the name and each label, one entry per feature', () => {
    const found = prohibitedFeatures([feature('alder', 'Alder'), feature('x1', 'Variabel 1', 'Variabel 1', 'Sex of the person'), feature('kjonn', 'Kjønn')]);
    expect(found).toEqual([
      { feature: 'x1', matched: 'sex', characteristic: 'sex' },
      { feature: 'kjonn', matched: 'kjønn', characteristic: 'sex' },
    ]);
  });

  it('finds nothing in the bundled models', () => {
    const index = readBundledIndex(JSON.parse(readFileSync('public/model/index.json', 'utf8')));
    expect(index.models.length).toBeGreaterThan(0);
    for (const m of index.models) {
      const card = readModel(readFileSync(`public/${m.file}`)).card!;
      expect(prohibitedFeatures(card.features), m.id).toEqual([]);
    }
  });
});
