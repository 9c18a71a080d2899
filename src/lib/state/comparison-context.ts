import { getContext, setContext } from 'svelte';
import type { Comparison } from './comparison.svelte';

const KEY = Symbol('comparison');

export function setComparison(comparison: Comparison): Comparison {
  return setContext(KEY, comparison);
}

/** The page's comparison; undefined where none was provided (a view rendered on its own). */
export function findComparison(): Comparison | undefined {
  return getContext<Comparison | undefined>(KEY);
}

export function getComparison(): Comparison {
  const comparison = findComparison();
  if (!comparison) throw new Error('getComparison: no Comparison in context (App.svelte sets it)');
  return comparison;
}
