export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** BCP 47 tags for Intl: number, percent and date formatting follow the chosen language. */
export const INTL_TAG: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Bokmål for Norwegian browsers (including plain `no`), nynorsk when asked for, English otherwise. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'nn') return 'nn';
    if (lang === 'nb' || lang === 'no') return 'nb';
    if (lang === 'en') return 'en';
  }
  return 'en';
}
