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
  const params = { ...vocabularyParams(vocabulary, locale), ...problemParams(p) };
  const text = translate(locale, `problem.${p.code}`, params);
  if (p.params?.unit !== 'row' || p.line === undefined) return text;
  // A sentence that names a second line (the duplicate id's first) has a whole row sentence of its own.
  const rowsKey = `problem.${p.code}.rows`;
  const rows = translate(locale, rowsKey, params);
  if (rows !== rowsKey) return rows;
  // A Parquet file's problem (core/parquet): the CSV sentence's opening "Linje 5, kolonne 3 (alder)" becomes "Rad 5, …".
  const [line, row] = p.column !== undefined && p.field !== undefined ? ['problem.where.line', 'problem.where.row'] : ['problem.where.line_only', 'problem.where.row_only'];
  const opening = translate(locale, line, params);
  return text.startsWith(opening) ? translate(locale, row, params) + text.slice(opening.length) : text;
}
