import { INTL_TAG, type Locale } from './locale';

/**
 * One Intl.NumberFormat per locale and option set: constructing one costs far more than
 * formatting with it, and a table of a million rows formats on every scroll.
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(INTL_TAG[locale], options)));
  return format;
}

/** Number formatting through Intl for the chosen language: `12 345,6` in Norwegian, `12,345.6` in English. */
export function formatNumber(locale: Locale, value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '–';
  return numberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** A share 0–1 as a percentage: `12,3 %`. */
export function formatPercent(locale: Locale, share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '–';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(share);
}

export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let u = 0;
  while (value >= 1000 && u < units.length - 1) {
    value /= 1000;
    u++;
  }
  return numberFormat(locale, { style: 'unit', unit: units[u], unitDisplay: 'short', maximumFractionDigits: u ? 1 : 0 }).format(value);
}

export function formatSeconds(locale: Locale, ms: number): string {
  return numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000);
}

export function formatDate(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'long' }).format(date);
}

/** A moment (ISO 8601 with offset) as the reader's local date and time to the second; the text as given when it is not a date. */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'long', timeStyle: 'medium' }).format(date);
}
