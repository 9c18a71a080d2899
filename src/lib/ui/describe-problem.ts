import type { Problem } from '../core/problems';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';

/**
 * A problem as one sentence in the chosen language. Each catalogue sentence places the
 * location itself ({line}, {column}, {field}), since word order differs between messages.
 */
export function describeProblem(locale: Locale, p: Problem): string {
  const params: Record<string, string | number> = { ...p.params };
  if (p.line !== undefined) params.line = p.line;
  if (p.column !== undefined) params.column = p.column;
  if (p.field !== undefined) params.field = p.field;
  return translate(locale, `problem.${p.code}`, params);
}
