/**
 * What-if for one record: its feature values copied (never the file's arrays), edited one
 * feature at a time in the feature's unit, and scored again at once — onnxruntime for the
 * risk, the exact TreeSHAP for the waterfall — through an injected engine (the Explorer's
 * pool, or a fake in tests). Nothing here writes to the file, its scores or the list.
 *
 * Edits are parsed with the core's number reader (the one that reads the CSV cells), so
 * "12 500", "12.500,50" and "12,500.50" mean what they mean in the file. Scoring waits
 * DEBOUNCE_MS after the last edit; a reply to an older edit is dropped, so a slow answer
 * can never overwrite a newer one.
 */
import type { FeatureCard, ModelCard } from '../core/model/card';
import { CELL_INVALID, CELL_MISSING, FLAG_CURRENCY, FLAG_PERCENT, NumberReader } from '../core/csv/numberReader';
import { prefilledPairs, type PrefilledPair } from '../core/model/prefilled-pairs';
import type { ExplainedRow } from '../worker/protocol';
import type { Locale } from '../i18n/locale';

/** What the what-if needs of the engines: one row's score and its exact explanation. */
export interface WhatIfEngine {
  score(x: Float32Array): Promise<number | null>;
  explain(row: number, x: Float32Array): Promise<ExplainedRow | null>;
}

/** Why a typed value was not taken; `whatif.error.<code>` is its sentence in the catalogue. */
export type EditError = 'not_a_number' | 'wrong_unit' | 'negative' | 'not_integer' | 'required';

export interface Change {
  feature: number;
  from: number;
  to: number;
}

/** Milliseconds after the last edit before the row is scored again. */
export const DEBOUNCE_MS = 150;

const reader = new NumberReader();

/** The shortest decimal text that reads back as the same float32, with the locale's decimal mark; '' for missing. */
export function inputText(value: number, locale: Locale): string {
  if (Number.isNaN(value)) return '';
  let text = String(value);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(value.toPrecision(p));
    if (Math.fround(candidate) === Math.fround(value)) {
      text = String(candidate);
      break;
    }
  }
  return locale === 'en' ? text : text.replace('.', ',');
}

/**
 * A typed value of `feature` in its unit: a number (NaN for empty on a nullable feature) or
 * why not. Norwegian input takes ',' as the decimal mark and English '.', where the text
 * leaves it open ("1.234"); "kr"/"NOK" suit amounts and "%" shares, as in the file.
 */
export function parseFeatureInput(feature: FeatureCard, text: string, locale: Locale): { value: number } | { error: EditError } {
  const v = reader.read(text, locale !== 'en');
  if (reader.status === CELL_MISSING) return feature.nullable ? { value: NaN } : { error: 'required' };
  if (reader.status === CELL_INVALID || !Number.isFinite(v)) return { error: 'not_a_number' };
  let value = v;
  if (reader.flags === FLAG_PERCENT) {
    if (feature.unit !== 'percent') return { error: 'wrong_unit' };
    if (feature.training.max <= 1) value *= 0.01;
  } else if (reader.flags === FLAG_CURRENCY) {
    if (feature.unit !== 'NOK') return { error: 'wrong_unit' };
  } else if (reader.flags !== 0) return { error: 'wrong_unit' };
  if (feature.nonnegative && value < 0) return { error: 'negative' };
  if ((feature.kind === 'integer' || feature.kind === 'binary') && !Number.isInteger(value)) return { error: 'not_integer' };
  return { value };
}

/** Whether a feature is chosen from a list (its card's categories, or yes/no) rather than typed. */
export function isChoice(feature: FeatureCard): boolean {
  return feature.kind === 'binary' || feature.unit === 'flag' || ((feature.kind === 'categorical' || feature.kind === 'ordinal') && (feature.categories?.length ?? 0) > 0);
}

/** Float32 equality with NaN equal to NaN (a missing value that stays missing is no change). */
function same(a: number, b: number): boolean {
  return (Number.isNaN(a) && Number.isNaN(b)) || Math.fround(a) === Math.fround(b);
}

export class WhatIf {
  /** The record's values as the file has them: a copy, never edited. */
  readonly original: Float32Array;
  /** The file's row the values were copied from (sent along with the explanation request). */
  readonly row: number;
  readonly pairs: PrefilledPair[];
  /** The edited values (replaced, never mutated, so readers update). */
  values = $state.raw<Float32Array>(new Float32Array(0));
  /** What each input shows: the typed text, kept as typed when it cannot be read. */
  texts = $state<string[]>([]);
  errors = $state<(EditError | null)[]>([]);
  /** onnxruntime's probability for `values` once it is in; null until the first edit is scored. */
  score = $state<number | null>(null);
  /** The exact TreeSHAP explanation of `values` (φ then the base value), null until scored. */
  explanation = $state.raw<ExplainedRow | null>(null);
  /** An edit waits to be scored, or its score is on the way. */
  pending = $state(false);

  /** Every feature whose edited value differs from the file's, in card order. */
  changes = $derived.by<Change[]>(() => {
    const out: Change[] = [];
    this.values.forEach((to, feature) => {
      const from = this.original[feature];
      if (!same(from, to)) out.push({ feature, from, to });
    });
    return out;
  });
  /** Some pre-filled value differs from its entered partner (the button would change something). */
  canUsePrefilled = $derived.by(() => this.pairs.some((p) => !same(this.values[p.entered], this.values[p.prefilled])));
  /** The score and explanation shown belong to the values shown. */
  current = $derived(!this.pending && this.changes.length > 0 && this.score !== null);

  #card: ModelCard;
  #engine: WhatIfEngine;
  #locale: Locale;
  #textCells: (feature: number) => string | null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #generation = 0;

  /** textCells: a text feature's text in this row (its value is the text's score; core/model/text-feature.ts). */
  constructor(card: ModelCard, values: ArrayLike<number>, row: number, engine: WhatIfEngine, locale: Locale, textCells: (feature: number) => string | null = () => null) {
    this.#card = card;
    this.#engine = engine;
    this.#locale = locale;
    this.#textCells = textCells;
    this.row = row;
    this.original = Float32Array.from(values);
    this.pairs = prefilledPairs(card.features);
    this.values = this.original.slice();
    this.texts = this.#inputTexts();
    this.errors = Array.from(this.original, () => null);
  }

  /** What each input shows for the file's values: a text feature's text, else the value in the locale. */
  #inputTexts(): string[] {
    return Array.from(this.original, (v, i) => (this.#card.features[i]?.kind === 'text' ? (this.#textCells(i) ?? '') : inputText(v, this.#locale)));
  }

  /** A text feature's edited text and its score (textScore), scored and explained like any edit. */
  editText(feature: number, text: string, score: number): void {
    this.texts[feature] = text;
    this.errors[feature] = null;
    this.#setValues([[feature, score]]);
  }

  /** A typed value for `feature`: taken when it reads in the feature's unit, else kept as typed with its error. */
  edit(feature: number, text: string): void {
    this.texts[feature] = text;
    const parsed = parseFeatureInput(this.#card.features[feature], text, this.#locale);
    if ('error' in parsed) {
      this.errors[feature] = parsed.error;
      return;
    }
    this.errors[feature] = null;
    this.#setValues([[feature, parsed.value]]);
  }

  /** A chosen value (a category's code, 0/1, NaN for missing) for `feature`. */
  set(feature: number, value: number): void {
    this.errors[feature] = null;
    this.texts[feature] = inputText(value, this.#locale);
    this.#setValues([[feature, value]]);
  }

  /** Every entered amount that has a pre-filled partner set to the pre-filled value (as edited). */
  usePrefilled(): void {
    const updates: [number, number][] = this.pairs.map((p) => [p.entered, this.values[p.prefilled]]);
    for (const [feature, value] of updates) {
      this.errors[feature] = null;
      this.texts[feature] = inputText(value, this.#locale);
    }
    this.#setValues(updates);
  }

  /** Back to the file's values; the original score and explanation are shown again. */
  reset(): void {
    this.#cancel();
    this.values = this.original.slice();
    this.texts = this.#inputTexts();
    this.errors = Array.from(this.original, () => null);
    this.score = null;
    this.explanation = null;
    this.pending = false;
  }

  /** Stops a scheduled scoring and drops replies still on the way (the record view closed or moved on). */
  dispose(): void {
    this.#cancel();
  }

  #setValues(updates: [number, number][]): void {
    const next = this.values.slice();
    for (const [feature, value] of updates) next[feature] = value;
    this.values = next;
    this.#cancel();
    if (this.changes.length === 0) {
      this.score = null;
      this.explanation = null;
      this.pending = false;
      return;
    }
    this.pending = true;
    this.#timer = setTimeout(() => void this.#compute(), DEBOUNCE_MS);
  }

  #cancel(): void {
    this.#generation++;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #compute(): Promise<void> {
    this.#timer = null;
    const generation = this.#generation;
    const x = this.values.slice();
    const [score, explanation] = await Promise.all([this.#engine.score(x.slice()), this.#engine.explain(this.row, x.slice())]);
    if (generation !== this.#generation) return;
    this.score = score;
    this.explanation = explanation;
    this.pending = false;
  }
}
