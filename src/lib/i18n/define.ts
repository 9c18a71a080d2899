import type { Locale } from './locale';

/**
 * One area's messages in all three languages. K is inferred from the keys of all three
 * objects together, so a key present in one language and missing in another fails to
 * compile (svelte-check runs in `npm test`); test/i18n.test.ts checks the same at run time.
 * Placeholders are written `{name}`; numbers passed as parameters are formatted with Intl
 * for the chosen language.
 */
export function defineMessages<K extends string>(messages: Record<Locale, Record<K, string>>) {
  return messages;
}
