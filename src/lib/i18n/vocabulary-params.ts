import type { Vocabulary } from '../core/model/card';
import type { Locale } from './locale';
import type { Params } from './translate';

/**
 * The task's words as message parameters, so a template says `{rows_n}` where it once said
 * "tax returns": `{row_1}` one row, `{row_n}` several, `{row_def}` the definite plural ("the
 * tax returns", "skattemeldingene"); the same for `pos_` (what a positive is called) and
 * `subj_` (whom a row belongs to); `{task}` what the model predicts. Each also comes
 * capitalised (`{Row_n}`, `{Task}`) for the start of a sentence.
 */
export function vocabularyParams(vocabulary: Vocabulary, locale: Locale): Readonly<Params> {
  // Made once per card and language: every sentence of the page asks for them.
  let byLocale = made.get(vocabulary);
  if (!byLocale) made.set(vocabulary, (byLocale = new Map()));
  let params = byLocale.get(locale);
  if (!params) byLocale.set(locale, (params = Object.freeze(makeParams(vocabulary, locale))));
  return params;
}

const made = new WeakMap<Vocabulary, Map<Locale, Readonly<Params>>>();

function makeParams(vocabulary: Vocabulary, locale: Locale): Params {
  const params: Params = {};
  const put = (name: string, text: string) => {
    params[name] = text;
    params[name[0].toUpperCase() + name.slice(1)] = capitalise(text);
  };
  put('task', vocabulary.task[locale]);
  for (const [prefix, term] of [
    ['row', vocabulary.row],
    ['pos', vocabulary.positive],
    ['subj', vocabulary.subject],
  ] as const) {
    const forms = term[locale];
    put(`${prefix}_1`, forms.one);
    put(`${prefix}_n`, forms.other);
    put(`${prefix}_def`, forms.definite);
  }
  return params;
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toLocaleUpperCase() + text.slice(1);
}
