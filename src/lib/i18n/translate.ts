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

const pluralRules = new Map<Locale, Intl.PluralRules>();
function plural(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(INTL_TAG[locale])));
  return rules.select(count);
}

/** A count as a number, also when the caller passed it formatted ("2 000", "1,000"); NaN when it is not one. */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[\s\u00a0\u202f,]/g, ''));
}

/**
 * The sentence for `key` in `locale`, with `{name}` placeholders filled; numbers get the locale's
 * grouping and decimal comma. `{word#count}` is a term that agrees with the number in `count`:
 * `{row#rows}` gives `{row_1}` when `rows` is one (Intl.PluralRules) and `{row_n}` otherwise,
 * `{Row#rows}` the same capitalised, so "1 skattemelding", "2 skattemeldinger".
 * `{count|one|other}` is a word of the catalogue's own that agrees with the number in `count`:
 * `{count} {count|kolonne|kolonner}` gives "1 kolonne", "2 kolonner" (Intl.PluralRules: the
 * 'one' form for one, the other form for every other count, 0 and 1,5 included).
 */
export function translate(locale: Locale, key: string, params?: Params): string {
  const table = catalogue[locale] as Record<string, string>;
  const template = table[key] ?? (catalogue.en as Record<string, string>)[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, countName: string, one: string, other: string) => {
    const count = params[countName];
    if (count === undefined) return whole;
    return plural(locale, countOf(count)) === 'one' ? one : other;
  }).replace(/\{(\w+)(?:#(\w+))?\}/g, (whole, name: string, countName: string | undefined) => {
    if (countName !== undefined) {
      const count = params[countName];
      if (count === undefined) return whole;
      const form = plural(locale, countOf(count)) === 'one' ? params[`${name}_1`] : params[`${name}_n`];
      return form === undefined ? whole : String(form);
    }
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
  });
}

export function hasMessage(key: string): boolean {
  return key in catalogue.nb;
}
