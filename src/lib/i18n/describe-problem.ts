import { problemParams, type Problem } from '../core/problems';
import type { Locale } from './locale';
import type { Vocabulary } from '../core/model/card';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import { translate } from './translate';
import { vocabularyParams } from './vocabulary-params';

/**
 * A problem as one sentence in the chosen language. Each catalogue sentence places the
 * location itself ({line}, {column}, {field}), since word order differs between messages;
 * the task's words ({row_n} …) come from `vocabulary`, the active model's card.
 */
export function describeProblem(locale: Locale, p: Problem, vocabulary: Vocabulary = NEUTRAL_VOCABULARY): string {
  return translate(locale, `problem.${p.code}`, { ...vocabularyParams(vocabulary, locale), ...problemParams(p) });
}
