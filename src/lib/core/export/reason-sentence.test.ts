import { describe, expect, it } from 'vitest';
import { hasMessage, translate } from '../../i18n/translate';
import type { FeatureCard } from '../model/card';
import { percentileInFile } from './percentile-in-file';
import { REASON_KEYS, reasonSentenceParams } from './reason-sentence';

type Feature = Pick<FeatureCard, 'label' | 'unit' | 'kind' | 'categories'>;
const reisefradrag: Feature = { label: { nb: 'Reisefradrag', nn: 'Reisefrådrag', en: 'Commuting deduction' }, unit: 'NOK', kind: 'continuous' };
const days: Feature = { label: { nb: 'Reisedager', nn: 'Reisedagar', en: 'Commuting days' }, unit: 'days', kind: 'integer' };
const km: Feature = { label: { nb: 'Avstand', nn: 'Avstand', en: 'Distance' }, unit: 'km', kind: 'continuous' };
const eierBolig: Feature = { label: { nb: 'Eier bolig', nn: 'Eig bustad', en: 'Owns a home' }, unit: 'flag', kind: 'binary' };
const sivilstand: Feature = {
  label: { nb: 'Sivilstand', nn: 'Sivilstand', en: 'Marital status' },
  unit: 'code',
  kind: 'categorical',
  categories: [{ code: 2, label: { nb: 'Gift', nn: 'Gift', en: 'Married' } }],
};

/** 100 values 1..100 and the position of v among them. */
const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);
const at = (v: number) => percentileInFile(hundred, v);
const nbsp = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const sentence = (locale: 'nb' | 'nn' | 'en', f: Feature, value: number, position = at(98)) => {
  const r = reasonSentenceParams(f, value, position, locale);
  return nbsp(translate(locale, r.key, r.params));
};

describe('reasonSentenceParams', () => {
  it('says a high amount is higher than the share of the file below it, in kroner with space grouping', () => {
    expect(sentence('nb', reisefradrag, 54000)).toBe('Reisefradrag 54 000 kr — høyere enn 97 % i denne filen');
    expect(sentence('nn', reisefradrag, 54000)).toBe('Reisefrådrag 54 000 kr — høgare enn 97 % i denne fila');
    expect(sentence('en', reisefradrag, 54000)).toBe('Commuting deduction NOK 54,000 — higher than 97% in this file');
  });

  it('says a low value is lower than the share above it', () => {
    expect(sentence('nb', km, 2.25, at(3))).toBe('Avstand 2,3 km — lavere enn 97 % i denne filen');
  });

  it('rounds the share down so the claim always holds', () => {
    const r = reasonSentenceParams(reisefradrag, 1, { below: 0.999, above: 0, n: 1000 }, 'en');
    expect(r.params.percent).toBe('99%');
  });

  it('says how many share a value when at least half the file has it', () => {
    const zeros = new Float64Array(100);
    zeros[99] = 5000;
    expect(sentence('nb', reisefradrag, 0, percentileInFile(zeros, 0))).toBe('Reisefradrag 0 kr — samme som 99 % i denne filen');
  });

  it('writes working days with the catalogue word, not Intl\'s "døgn"', () => {
    expect(sentence('nb', days, 230)).toBe('Reisedager 230 dager — høyere enn 97 % i denne filen');
    expect(sentence('nn', days, 230)).toBe('Reisedagar 230 dagar — høgare enn 97 % i denne fila');
    expect(sentence('en', days, 230)).toBe('Commuting days 230 days — higher than 97% in this file');
  });

  it('names flags, categories and missing values instead of ranking them', () => {
    expect(sentence('nb', eierBolig, 1)).toBe('Eier bolig: ja');
    expect(sentence('en', eierBolig, 0)).toBe('Owns a home: no');
    expect(sentence('nb', sivilstand, 2)).toBe('Sivilstand: Gift');
    expect(sentence('nb', sivilstand, 9)).toBe('Sivilstand: 9');
    expect(sentence('nn', reisefradrag, NaN)).toBe('Reisefrådrag: ikkje oppgitt');
  });

  it('only names the value when the file gives no position (empty column)', () => {
    expect(sentence('en', reisefradrag, 100, percentileInFile(new Float64Array(0), 100))).toBe('Commuting deduction: NOK 100');
  });

  it('only uses keys that the catalogue has', () => {
    expect(REASON_KEYS.filter((k) => !hasMessage(k))).toEqual([]);
  });

  it('writes a low number of days with the catalogue word too', () => {
    expect(sentence('en', days, 20, at(3))).toBe('Commuting days 20 days — lower than 97% in this file');
    expect(sentence('nb', days, 0, percentileInFile(new Float64Array(0), 0))).toBe('Reisedager: 0 dager');
  });
});
