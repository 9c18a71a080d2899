import type { ModelCard } from '../core/model/card';
import { featureValueText } from './feature-value';
import { formatNumber, formatPercent } from './format';
import type { Locale } from './locale';
import { translate, type Params } from './translate';

/**
 * The words and number formats of one language, as charts take them (charts/frame/text.ts
 * ChartText): one object per locale, so a chart redraws when the language changes and not
 * when its view merely re-renders.
 */
const texts = new Map<Locale, ReturnType<typeof makeChartText>>();
function makeChartText(locale: Locale) {
  return {
    t: (key: string, params?: Params) => translate(locale, key, params),
    number: (value: number, digits?: number) => formatNumber(locale, value, digits),
    percent: (share: number, digits?: number) => formatPercent(locale, share, digits),
  };
}
export function chartText(locale: Locale) {
  let text = texts.get(locale);
  if (!text) texts.set(locale, (text = makeChartText(locale)));
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
