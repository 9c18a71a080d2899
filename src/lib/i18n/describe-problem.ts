import { problemParams, type Problem } from '../core/problems';
import type { Locale } from './locale';
import { translate } from './translate';

/**
 * A problem as one sentence in the chosen language. Each catalogue sentence places the
 * location itself ({line}, {column}, {field}), since word order differs between messages.
 */
export function describeProblem(locale: Locale, p: Problem): string {
  return translate(locale, `problem.${p.code}`, problemParams(p));
}
