import type { Problem } from '../core/problems';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';

/** A problem as one sentence: where it is (line, column, field) and what is wrong, in the chosen language. */
export function describeProblem(locale: Locale, p: Problem): string {
  const params = { ...p.params, line: p.line ?? '', column: p.column ?? '', field: p.field ?? '' };
  const text = translate(locale, `problem.${p.code}`, params);
  if (p.line === undefined) return text;
  const where = translate(locale, p.column === undefined ? 'problem.where_line' : 'problem.where_cell', params);
  return `${where}: ${text}`;
}
