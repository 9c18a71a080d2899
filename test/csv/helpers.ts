import { readFileSync } from 'node:fs';
import type { ModelCard } from '../../src/lib/core/model/card';

/** The hand-made card models/csvfixtures/make_fixtures.py writes: 14 features of every kind and unit. */
export function fixtureCard(): ModelCard {
  return JSON.parse(readFileSync('test/fixtures/csv/card.json', 'utf8')) as ModelCard;
}

export const encode = (s: string) => new TextEncoder().encode(s);

/** Splits a string or byte array at the given cut points (any order, taken modulo length + 1, duplicates dropped). */
export function cutAt<T extends string | Uint8Array>(whole: T, cuts: number[]): T[] {
  const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  const out: T[] = [];
  let from = 0;
  for (const c of [...at, whole.length]) {
    out.push((typeof whole === 'string' ? whole.slice(from, c) : whole.subarray(from, c)) as T);
    from = c;
  }
  return out;
}
