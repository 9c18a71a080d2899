import type { Vocabulary } from './card';

/**
 * The words a card without a vocabulary gets (completeCard): nothing about deductions or
 * tax returns, so a model of another task is never described as this product's first one.
 */
export const NEUTRAL_VOCABULARY: Vocabulary = {
  task: { nb: 'risiko for positivt utfall', nn: 'risiko for positivt utfall', en: 'risk of a positive outcome' },
  row: {
    nb: { one: 'rad', other: 'rader', definite: 'radene' },
    nn: { one: 'rad', other: 'rader', definite: 'radene' },
    en: { one: 'row', other: 'rows', definite: 'the rows' },
  },
  positive: {
    nb: { one: 'positiv', other: 'positive', definite: 'de positive' },
    nn: { one: 'positiv', other: 'positive', definite: 'dei positive' },
    en: { one: 'positive', other: 'positives', definite: 'the positives' },
  },
  subject: {
    nb: { one: 'enhet', other: 'enheter', definite: 'enhetene' },
    nn: { one: 'eining', other: 'einingar', definite: 'einingane' },
    en: { one: 'unit', other: 'units', definite: 'the units' },
  },
};
