import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from '../core/model/read-card';
import type { Vocabulary } from '../core/model/card';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import { catalogue } from './catalogue';
import { LOCALES, type Locale } from './locale';
import { translate, type Params } from './translate';
import { vocabularyParams } from './vocabulary-params';

/**
 * Words that name the deduction task. A catalogue entry must take them from the model card's
 * vocabulary ({row_n}, {pos_def}, {Task} …), never say them itself, so another model's page
 * never speaks of deductions (issue "Many models"). Case-insensitive word stems.
 */
const TASK_WORDS: readonly RegExp[] = [
  /fradrag/i, // fradrag, fradragene, feilaktige fradrag, reisefradrag
  /frådrag/i,
  /selvangiv/i, // selvangivelse(r) — outdated, the return is now "skattemelding"
  /sjølvmeld/i,
  /skattemeld/i, // skattemelding(er/ar/ene/ane)
  /erklæring/i, // erklæring(er/ar) for a return
  /\bmelding(ar|ane)\b/i, // nynorsk "meldingar" for returns (a single "melding" is a message)
  /skattyt/i, // skattyter(e/ne), skattytar(ar)
  /deduct/i, // deduction(s)
  /tax\s*return/i,
  /\breturns?\b/i,
  /taxpayer/i,
  /feil\s+funne?t?\b/i, // "feil funnet"
];

/**
 * Entries that may say a task word because the sentence is about the deduction domain
 * whatever the model. Each needs a reason.
 */
const ALLOWED: ReadonlySet<string> = new Set<string>([
  // The assistant quotes the income year's deduction rules (core/assistant/deduction-rules.ts,
  // from DOMAIN.md): the rules themselves, whichever model is active.
  'assistant.a.rule.which',
  'assistant.intent.deduction_rule',
  ...['reisefradrag', 'pendlerfradrag', 'fagforening', 'gaver', 'foreldrefradrag', 'renter', 'bsu', 'ips', 'minstefradrag', 'naering'].map((id) => `assistant.a.rule.${id}`),
]);

const entries = (locale: Locale) => Object.entries(catalogue[locale] as Record<string, string>);

function hits(text: string): string[] {
  return TASK_WORDS.filter((word) => word.test(text)).map(String);
}

describe('the catalogue names no task', () => {
  for (const locale of LOCALES) {
    it(`no ${locale} entry says a task word; it takes the card's vocabulary instead`, () => {
      const found = entries(locale)
        .filter(([key]) => !ALLOWED.has(key))
        .flatMap(([key, text]) => hits(text).map((word) => `${key}: ${word} in “${text}”`));
      expect(found).toEqual([]);
    });
  }

  it('the scan would catch a task word: every stem matches its own example', () => {
    const examples = ['Fradragsrisiko', 'feil frådrag', 'selvangivelser', 'sjølvmeldingar', 'skattemeldingene', 'erklæringene', 'meldingar', 'skattytarar', 'incorrect deductions', 'tax returns', 'returns', 'Taxpayers', 'feil funnet'];
    expect(examples.map((text, i) => TASK_WORDS[i].test(text))).toEqual(examples.map(() => true));
    expect(hits('rader, rows, positive, the units')).toEqual([]);
  });
});

/** The bundled sole-proprietorship model's words, read from its card: another task, to render the catalogue with. */
const SOLE_PROPRIETORSHIP: Vocabulary = readModel(new Uint8Array(readFileSync('public/model/inactive-business.onnx'))).card!.vocabulary;

/** A value for every placeholder a catalogue entry uses (its own parameters, not the vocabulary's). */
function fullParams(locale: Locale, vocabulary: Vocabulary, count: number): Params {
  const params: Params = {};
  for (const [, text] of entries(locale)) for (const m of text.matchAll(/\{(\w+)(?:#(\w+))?\}/g)) params[m[2] ?? m[1]] = count;
  // Names filled as text rather than a number, where a sentence shows a name.
  for (const name of ['feature', 'features', 'column', 'columns', 'file', 'name', 'id', 'space', 'value', 'group', 'segment', 'list', 'manifest', 'share', 'recall', 'percent'])
    params[name] = `x-${name}`;
  return { ...params, ...vocabularyParams(vocabulary, locale) };
}

describe('every sentence follows the card', () => {
  for (const locale of LOCALES) {
    for (const [name, vocabulary] of [
      ['neutral', NEUTRAL_VOCABULARY],
      ['sole-proprietorship', SOLE_PROPRIETORSHIP],
    ] as const) {
      it(`${locale}, ${name} words: no task word of the deduction model and no placeholder left unfilled, with one and with many`, () => {
        for (const count of [1, 2]) {
          const params = fullParams(locale, vocabulary, count);
          const rendered = entries(locale).map(([key]) => [key, translate(locale, key, params)] as const);
          expect(rendered.filter(([, text]) => /\{\w+(#\w+)?\}/.test(text))).toEqual([]);
          expect(rendered.filter(([key, text]) => !ALLOWED.has(key) && hits(text).length > 0)).toEqual([]);
        }
      });
    }
  }

  it('a count picks the singular or the plural in each language', () => {
    const words = (locale: Locale, rows: number) => translate(locale, 'evaluation.filtered', { ...vocabularyParams(SOLE_PROPRIETORSHIP, locale), column: 'c', segment: 's', rows });
    expect(words('en', 1)).toContain('(1 sole proprietorship)');
    expect(words('en', 2000)).toContain('(2,000 sole proprietorships)');
    expect(translate('nb', 'planner.cli.done', { ...vocabularyParams(NEUTRAL_VOCABULARY, 'nb'), rows: 1 })).toMatch(/^Liste med 1 rad \(/);
    expect(translate('nn', 'planner.cli.done', { ...vocabularyParams(NEUTRAL_VOCABULARY, 'nn'), rows: '2 000' })).toMatch(/^Liste med 2 000 rader \(/);
  });

  it('the deduction model’s own words come back where the catalogue once wrote them', () => {
    const deduction = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx'))).card!.vocabulary;
    const p = (locale: Locale) => ({ ...vocabularyParams(deduction, locale), share: '25 %', count: 500, recall: '60 %' });
    expect(translate('nb', 'planner.sentence', p('nb'))).toBe('Kontroll av 25 % av skattemeldingene (500) ventes å finne 60 % av de feilaktige fradragene.');
    expect(translate('en', 'planner.sentence', p('en'))).toBe('Checking 25 % of the tax returns (500) is expected to find 60 % of the incorrect deductions.');
    expect(translate('nn', 'app.tagline', p('nn'))).toBe('Finn skattemeldingar med høg risiko for feil frådrag – og sjå kvifor. Alt skjer i nettlesaren din.');
  });
});
