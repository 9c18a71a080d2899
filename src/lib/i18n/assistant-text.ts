import type { Answer } from '../core/assistant/answer';
import type { Vocabulary } from '../core/model/card';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import { formatPercent } from './format';
import type { Locale } from './locale';
import { translate, type Params } from './translate';
import { vocabularyParams } from './vocabulary-params';

/** An answer as the caseworker reads it: the sentence, lines under it, and the name of the view it links to. */
export interface AnswerText {
  text: string;
  items: string[];
  link: string | null;
}

/** A share as a percentage with no decimals when whole (80 %), else one (72,5 %). */
function percent(locale: Locale, share: number): string {
  const whole = Math.abs(share * 100 - Math.round(share * 100)) < 1e-9;
  return formatPercent(locale, share, whole ? 0 : 1);
}

/**
 * Turns core/assistant/answer.ts's value into words: `assistant.a.<code>` filled with its
 * parameters (a name ending in `Share` shown as a percentage, `unit` as its word) and the
 * card's task words.
 */
export function answerText(answer: Answer, locale: Locale, vocabulary: Vocabulary | null): AnswerText {
  const params: Params = { ...vocabularyParams(vocabulary ?? NEUTRAL_VOCABULARY, locale) };
  for (const [name, value] of Object.entries(answer.params)) {
    if (name.endsWith('Share') && typeof value === 'number') params[name] = percent(locale, value);
    else if (name === 'unit') params[name] = translate(locale, `assistant.unit.${value}`);
    else params[name] = value;
  }
  const view = answer.link ? translate(locale, answer.link.record !== undefined ? 'assistant.view.record' : `assistant.view.${answer.link.tab}`) : null;
  return { text: translate(locale, `assistant.a.${answer.code}`, params), items: answer.items ?? [], link: view };
}
