import type { FeatureCard } from '../core/model/card';
import { formatValue } from '../core/export/reason-sentence';
import { INTL_TAG, type Locale } from './locale';
import { translate } from './translate';

/** A feature's value as a caseworker reads it: amounts in kr, km, days, yes/no, category names. */
export function featureValueText(locale: Locale, feature: FeatureCard, value: number): string {
  if (Number.isNaN(value)) return translate(locale, 'value.missing');
  // A text feature's value is the text's own part of the log-odds (core/model/text-feature.ts): signed, two decimals.
  if (feature.kind === 'text') return (value > 0 ? '+' : value < 0 ? '−' : '') + new Intl.NumberFormat(INTL_TAG[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(value));
  if (feature.kind === 'binary' || feature.unit === 'flag') return translate(locale, value === 0 ? 'value.no' : 'value.yes');
  if (feature.kind === 'categorical' || feature.kind === 'ordinal' || feature.unit === 'code') {
    const category = feature.categories?.find((c) => c.code === value);
    if (category) return category.label[locale];
  }
  if (feature.unit === 'days') return translate(locale, 'value.days', { days: value });
  return formatValue(value, feature.unit, INTL_TAG[locale]);
}
