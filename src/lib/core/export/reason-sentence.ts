import type { FeatureCard, Localized } from '../model/card';
import type { FilePosition } from './percentile-in-file';

export type ReasonLocale = keyof Localized;

/** Keys in src/lib/i18n/messages/selection.ts; the caller passes `params` to translate(). */
export const REASON_KEYS = [
  'selection.reason.higher',
  'selection.reason.lower',
  'selection.reason.common',
  'selection.reason.higher_days',
  'selection.reason.lower_days',
  'selection.reason.common_days',
  'selection.reason.value',
  'selection.reason.value_days',
  'selection.reason.category',
  'selection.reason.flag_yes',
  'selection.reason.flag_no',
  'selection.reason.missing',
  'selection.reason.text_word',
  'selection.reason.text',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

export interface ReasonParams {
  key: ReasonKey;
  /** Already formatted for the locale: feature label, value in its unit, share as a percentage. */
  params: { feature: string; value: string; percent: string };
}

const INTL_TAG: Record<ReasonLocale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/**
 * The parameters of one reason line, e.g. "Reisefradrag 54 000 kr — høyere enn 97 % i denne
 * filen": when at least half the file has the same value the line says how many share it
 * ("common"); otherwise it says "higher than" the share below or "lower than" the share above,
 * whichever is larger. Without a position (empty column) the line only names the value. Percentages are rounded down, so a claim like "higher than 97 %" always holds.
 * Amounts use Intl's NOK format (nb/nn "54 000 kr", en "NOK 54,000"), km and years Intl units;
 * days are written by the catalogue (Intl's "day" is "døgn" in Norwegian, not working days).
 * Flags (0/1) and coded categories are named, not ranked.
 */
export function reasonSentenceParams(
  feature: Pick<FeatureCard, 'label' | 'unit' | 'kind' | 'categories'>,
  value: number,
  position: FilePosition,
  locale: ReasonLocale,
): ReasonParams {
  // The value carries the unit, so a label's "(km)" or "(dager)" would say it twice.
  const label = feature.unit === 'count' || feature.unit === 'code' || feature.unit === 'flag' ? feature.label[locale] : withoutUnit(feature.label[locale]);
  const tag = INTL_TAG[locale];
  const base = { feature: label, value: '', percent: '' };
  if (value !== value) return { key: 'selection.reason.missing', params: base };
  if (feature.unit === 'flag' || feature.kind === 'binary') {
    return { key: value === 0 ? 'selection.reason.flag_no' : 'selection.reason.flag_yes', params: base };
  }
  if (feature.kind === 'categorical' || feature.unit === 'code') {
    const category = feature.categories?.find((c) => c.code === value);
    const shown = category ? category.label[locale] : new Intl.NumberFormat(tag, { useGrouping: false }).format(value);
    return { key: 'selection.reason.category', params: { ...base, value: shown } };
  }

  const params = { ...base, value: formatValue(value, feature.unit, tag) };
  const days = feature.unit === 'days' ? '_days' : '';
  const percent = (share: number) =>
    new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(Math.floor(share * 100) / 100);
  const { below, above } = position;
  if (below !== below) return { key: `selection.reason.value${days}` as ReasonKey, params };
  const same = 1 - below - above;
  if (same >= 0.5) return { key: `selection.reason.common${days}` as ReasonKey, params: { ...params, percent: percent(same) } };
  if (below >= above) return { key: `selection.reason.higher${days}` as ReasonKey, params: { ...params, percent: percent(below) } };
  return { key: `selection.reason.lower${days}` as ReasonKey, params: { ...params, percent: percent(above) } };
}

/** A label without a trailing unit in brackets: "Registrert reiseavstand (km)" → "Registrert reiseavstand". */
export function withoutUnit(label: string): string {
  const bare = label.replace(/\s*\([^()]*\)$/, '');
  return bare || label;
}

/** A value in its unit for the locale; days without their unit word (the catalogue adds it). */
export function formatValue(value: number, unit: FeatureCard['unit'], tag: string): string {
  switch (unit) {
    case 'NOK':
      return new Intl.NumberFormat(tag, { style: 'currency', currency: 'NOK', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(value);
    case 'km':
      return new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }).format(value);
    case 'years':
      return new Intl.NumberFormat(tag, { style: 'unit', unit: 'year', unitDisplay: 'long', maximumFractionDigits: 0 }).format(value);
    case 'percent':
      // Percentage points (stillingsprosent 80 = 80 %), as the unit name says; not a 0–1 share.
      return new Intl.NumberFormat(tag, { style: 'unit', unit: 'percent', maximumFractionDigits: 1 }).format(value);
    default:
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value);
  }
}
