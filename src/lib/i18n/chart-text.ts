import type { ModelCard, Vocabulary } from '../core/model/card';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import { vocabularyParams } from './vocabulary-params';
import { featureValueText } from './feature-value';
import { formatNumber, formatPercent } from './format';
import type { Locale } from './locale';
import { translate, type Params } from './translate';

/**
 * The words and number formats of one language, as charts take them (charts/frame/text.ts
 * ChartText): one object per locale, so a chart redraws when the language changes and not
 * when its view merely re-renders.
 */
const texts = new WeakMap<Vocabulary, Map<string, ReturnType<typeof makeChartText>>>();
function makeChartText(locale: Locale, space: OutputSpace, vocabulary: Vocabulary) {
  const fixed = { ...vocabularyParams(vocabulary, locale), space: translate(locale, `space.${space}`) };
  return {
    t: (key: string, params?: Params) => translate(locale, key, { ...fixed, ...params }),
    number: (value: number, digits?: number) => formatNumber(locale, value, digits),
    percent: (share: number, digits?: number) => formatPercent(locale, share, digits),
  };
}

/** What an axis measures a score or a contribution in: the model's output space, read from its trees. */
export type OutputSpace = 'log-odds' | 'probability';

/**
 * `space` fills the `{space}` placeholder of axis labels and notes ("Contribution ({space})"):
 * the active model's output space, so a forest's contributions are not called log-odds;
 * `vocabulary`, the active model's card's words, fills `{row_n}`, `{Task}` and the rest.
 */
export function chartText(locale: Locale, space: OutputSpace = 'log-odds', vocabulary: Vocabulary = NEUTRAL_VOCABULARY) {
  let byKey = texts.get(vocabulary);
  if (!byKey) texts.set(vocabulary, (byKey = new Map()));
  const key = `${locale}:${space}`;
  let text = byKey.get(key);
  if (!text) byKey.set(key, (text = makeChartText(locale, space, vocabulary)));
  return text;
}

/**
 * A card's features as charts name them (charts/frame/text.ts FeatureText): names, labels in
 * `locale`, and each value as a caseworker reads it. Kept per card and locale for the same
 * reason as chartText.
 */
const featureTexts = new WeakMap<ModelCard, Map<Locale, ReturnType<typeof makeFeatureText>>>();
function makeFeatureText(locale: Locale, card: ModelCard) {
  return {
    names: card.features.map((f) => f.name),
    labels: card.features.map((f) => f.label[locale]),
    value: (feature: number, value: number) => featureValueText(locale, card.features[feature], value),
  };
}
export function featureText(locale: Locale, card: ModelCard) {
  let byLocale = featureTexts.get(card);
  if (!byLocale) featureTexts.set(card, (byLocale = new Map()));
  let text = byLocale.get(locale);
  if (!text) byLocale.set(locale, (text = makeFeatureText(locale, card)));
  return text;
}
