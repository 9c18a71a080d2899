import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities';
import type { FeatureCard } from '../model/card';

const feature = (name: string, nb: string, en: string, aliases: string[] = []) =>
  ({ name, label: { nb, nn: nb, en }, description: { nb: '', nn: '', en: '' }, unit: 'km', aliases }) as unknown as FeatureCard;
const card = {
  features: [
    feature('avstand_reg_km', 'Registrert reiseavstand', 'Registered commuting distance'),
    feature('sykefravaer_dager', 'Sykefravær (dager)', 'Sick leave (days)', ['sick_days']),
    feature('reisefradrag', 'Reisefradrag', 'Travel deduction'),
    feature('fjorarets_reisefradrag', 'Fjorårets reisefradrag', "Last year's travel deduction"),
  ],
};

describe('extractEntities', () => {
  it('finds a row id the file holds, and one shaped like an id', () => {
    const e = extractEntities('hvorfor ble S1589458 plukket ut?', card, (t) => t === 'S1589458');
    expect(e.ids).toEqual(['S1589458']);
    expect(e.numbers).toEqual([]);
    expect(extractEntities('why was AB1234567 picked', null).ids).toEqual(['AB1234567']);
    expect(extractEntities('why was row-7 picked', null, (t) => t === 'row-7').ids).toEqual(['row-7']);
  });

  it('reads percentages in figures and words', () => {
    expect(extractEntities('finne 80 % av feilene', null).percents).toEqual([80]);
    expect(extractEntities('find 80% of them', null).percents).toEqual([80]);
    expect(extractEntities('for å finne 85 prosent', null).percents).toEqual([85]);
    expect(extractEntities('for å finne åtti prosent', null).percents).toEqual([80]);
    expect(extractEntities('for a finne atti prosent', null).percents).toEqual([80]);
    expect(extractEntities('to find eighty percent', null).percents).toEqual([80]);
    expect(extractEntities('for å finne 8 av 10 feil', null).percents).toEqual([80]);
    expect(extractEntities('for å finne halvparten', null).percents).toEqual([50]);
  });

  it('reads plain numbers, grouped or with a decimal comma', () => {
    expect(extractEntities('hvis vi sjekker 200', null).numbers).toEqual([200]);
    expect(extractEntities('hvis vi sjekker 1 000 skattemeldinger', null).numbers).toEqual([1000]);
    expect(extractEntities('1,76 kr per km', null).numbers).toEqual([1.76]);
  });

  it('names features by column name, label and alias, folded, without taking a longer name for a shorter one', () => {
    expect(extractEntities('hva betyr avstand_reg_km?', card).features).toEqual([0]);
    expect(extractEntities('hva betyr sykefravaer', card).features).toEqual([1]);
    expect(extractEntities('what is sick_days', card).features).toEqual([1]);
    expect(extractEntities('what are sick days', card).features).toEqual([1]);
    expect(extractEntities('what does sick leave mean', card).features).toEqual([1]);
    expect(extractEntities('hva er fjorarets_reisefradrag', card).features).toEqual([3]);
  });

  it('names deduction items, with missing æøå', () => {
    expect(extractEntities('hva er taket for fagforeningsfradrag', null).deductions).toEqual(['fagforening']);
    expect(extractEntities('cap on union dues', null).deductions).toEqual(['fagforening']);
    expect(extractEntities('hvor lenge kan man kreve kost og losji', null).deductions).toEqual(['pendlerfradrag']);
    expect(extractEntities('maks gavefradrag', null).deductions).toEqual(['gaver']);
    expect(extractEntities('tips for the weather', null).deductions).toEqual([]);
  });
});
