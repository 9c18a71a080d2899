import { catalogue } from './catalogue';
import { INTL_TAG, type Locale } from './locale';

export type MessageKey = keyof (typeof catalogue)['nb'];
export type Params = Record<string, string | number>;

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function numberFormat(locale: Locale): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 2 })));
  return f;
}

/** The sentence for `key` in `locale`, with `{name}` placeholders filled; numbers get the locale's grouping and decimal comma. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const table = catalogue[locale] as Record<string, string>;
  const template = table[key] ?? (catalogue.en as Record<string, string>)[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
  });
}

export function hasMessage(key: string): boolean {
  return key in catalogue.nb;
}
