import type { Comparison } from '../core/compare';
import type { Vocabulary } from '../core/model/card';
import type { Locale } from './locale';
import { translate, type Params } from './translate';
import { vocabularyParams } from './vocabulary-params';

/**
 * The plain sentence over a comparison: which catalogue key and its params. More, fewer or as
 * many errors found at capacity by the challenger, with the bootstrap interval; without known
 * outcomes only the rows swapped. "Fewer" says the magnitude, its interval turned round
 * (a difference of −12 in −20…−4 reads "12 fewer (4–20)"). Interval ends are rounded to whole
 * rows: they are percentiles of counts.
 */
export function compareSentence(c: Comparison, vocabulary: Vocabulary, locale: Locale): { key: string; params: Params } {
  const params: Params = { ...vocabularyParams(vocabulary, locale), count: c.capacity, swapped: c.entering.length };
  if (!c.found) return { key: 'compare.sentence.no_labels', params };
  const { value, ci95 } = c.found.difference;
  const [lo, hi] = ci95.map(Math.round);
  if (value > 0) return { key: 'compare.sentence.more', params: { ...params, diff: value, lo, hi } };
  if (value < 0) return { key: 'compare.sentence.fewer', params: { ...params, diff: -value, lo: -hi, hi: -lo } };
  return { key: 'compare.sentence.same', params: { ...params, diff: 0, lo, hi } };
}

/** The sentence itself. */
export function describeComparison(c: Comparison, vocabulary: Vocabulary, locale: Locale): string {
  const { key, params } = compareSentence(c, vocabulary, locale);
  return translate(locale, key, params);
}
