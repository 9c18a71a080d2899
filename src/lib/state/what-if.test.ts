import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readModel } from '../core/model/read-card';
import { prefilledPairs } from '../core/model/prefilled-pairs';
import type { ExplainedRow } from '../worker/protocol';
import { DEBOUNCE_MS, inputText, parseFeatureInput, WhatIf, type WhatIfEngine } from './what-if.svelte';

const card = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx'))).card!;
const F = card.features.length;
const index = (name: string) => card.features.findIndex((f) => f.name === name);
const KM = index('avstand_reg_km');

/** An engine whose replies the test releases one by one, in any order. */
function fakeEngine() {
  const waiting: { x: Float32Array; release: (p: number) => void }[] = [];
  const engine: WhatIfEngine = {
    score: (x) => new Promise((resolve) => waiting.push({ x, release: resolve })),
    explain: async (row, x) => ({ row, contrib: new Float64Array(F + 1).fill(x[KM]), raw: 0, ok: true }) as ExplainedRow,
  };
  return { engine, waiting };
}

/** A row whose every value differs from the next (so each pre-filled amount differs from its claim); `avstand_reg_km` (continuous, km) is 0.5. */
function values(): Float32Array {
  const x = Float32Array.from({ length: F }, (_, i) => 1000 + i);
  x[KM] = 0.5;
  return x;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('parseFeatureInput', () => {
  const amount = card.features[index('fagforening_krevd')];
  // fagforening_krevd is a whole number of kroner (integer, NOK).
  it('reads Norwegian and English numbers in the feature’s unit', () => {
    expect(parseFeatureInput(amount, '12 500', 'nb')).toEqual({ value: 12500 });
    expect(parseFeatureInput(amount, '12.500', 'nb')).toEqual({ value: 12500 });
    expect(parseFeatureInput(amount, '12,500', 'en')).toEqual({ value: 12500 });
    expect(parseFeatureInput(amount, '4 000 kr', 'nn')).toEqual({ value: 4000 });
  });
  it('says why a value cannot be used', () => {
    expect(parseFeatureInput(amount, 'tolv', 'nb')).toEqual({ error: 'not_a_number' });
    expect(parseFeatureInput(amount, '-5', 'en')).toEqual({ error: 'negative' });
    expect(parseFeatureInput(amount, '12,5', 'nb')).toEqual({ error: 'not_integer' });
    expect(parseFeatureInput(amount, '50 %', 'en')).toEqual({ error: 'wrong_unit' });
    expect(parseFeatureInput(amount, '', 'en')).toEqual(amount.nullable ? { value: NaN } : { error: 'required' });
  });
  it('writes a float32 value back as its shortest text with the locale’s decimal mark', () => {
    expect(inputText(Math.fround(0.3), 'nb')).toBe('0,3');
    expect(inputText(Math.fround(0.3), 'en')).toBe('0.3');
    expect(inputText(NaN, 'en')).toBe('');
  });
});

describe('prefilledPairs', () => {
  it('pairs each claimed amount with its pre-filled partner from the card’s names alone', () => {
    const named = prefilledPairs(card.features).map((p) => [card.features[p.entered].name, card.features[p.prefilled].name]);
    expect(named).toEqual([
      ['fagforening_krevd', 'fagforening_forhandsutfylt'],
      ['gaver_krevd', 'gaver_forhandsutfylt'],
      ['foreldrefradrag_krevd', 'foreldrefradrag_forhandsutfylt'],
      ['renter_krevd', 'renter_forhandsutfylt'],
    ]);
  });
  it('finds none on a card without the convention', () => {
    expect(prefilledPairs(card.features.map((f) => ({ ...f, name: `x${f.index}`, aliases: [] })))).toEqual([]);
  });
});

describe('WhatIf', () => {
  it('copies the row, so editing never touches the file’s array', () => {
    const file = values();
    const w = new WhatIf(card, file, 3, fakeEngine().engine, 'en');
    w.edit(KM, '99');
    expect(file[KM]).toBe(0.5);
    expect(w.values[KM]).toBe(99);
  });

  it('lists the changes, keeps unreadable text with its error, and scores after the pause', async () => {
    const { engine, waiting } = fakeEngine();
    const w = new WhatIf(card, values(), 3, engine, 'en');
    w.edit(KM, '7');
    w.edit(KM + 1, 'abc');
    expect(w.changes).toEqual([{ feature: KM, from: 0.5, to: 7 }]);
    expect(w.errors[KM + 1]).toBe('not_a_number');
    expect(w.texts[KM + 1]).toBe('abc');
    expect(w.pending).toBe(true);
    expect(waiting).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(waiting).toHaveLength(1);
    expect(Array.from(waiting[0].x.subarray(KM, KM + 2))).toEqual([7, 1000 + KM + 1]);
    waiting[0].release(0.42);
    await vi.runAllTimersAsync();
    expect(w.score).toBeCloseTo(0.42);
    expect(w.explanation?.row).toBe(3);
    expect(w.pending).toBe(false);
    expect(w.current).toBe(true);
  });

  it('drops a reply that an edit made stale', async () => {
    const { engine, waiting } = fakeEngine();
    const w = new WhatIf(card, values(), 0, engine, 'en');
    w.edit(KM, '1');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    w.edit(KM, '2');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    waiting[1].release(0.2);
    await vi.runAllTimersAsync();
    waiting[0].release(0.1);
    await vi.runAllTimersAsync();
    expect(w.score).toBeCloseTo(0.2);
    expect(w.explanation?.contrib[0]).toBe(2);
  });

  it('debounces quick edits into one request', async () => {
    const { engine, waiting } = fakeEngine();
    const w = new WhatIf(card, values(), 0, engine, 'en');
    for (const text of ['1', '12', '123']) {
      w.edit(KM, text);
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 3);
    }
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(waiting.map((r) => r.x[KM])).toEqual([123]);
  });

  it('resets to the file’s values and forgets the edited score', async () => {
    const { engine, waiting } = fakeEngine();
    const w = new WhatIf(card, values(), 0, engine, 'nb');
    w.edit(KM, '3,5');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    w.reset();
    waiting[0].release(0.9);
    await vi.runAllTimersAsync();
    expect(w.changes).toEqual([]);
    expect(w.texts[KM]).toBe('0,5');
    expect(w.score).toBeNull();
    expect(w.pending).toBe(false);
  });

  it('uses the pre-filled values for every claimed amount that has one', () => {
    const w = new WhatIf(card, values(), 0, fakeEngine().engine, 'en');
    expect(w.canUsePrefilled).toBe(true);
    w.usePrefilled();
    const claimed = index('gaver_krevd');
    const prefilled = index('gaver_forhandsutfylt');
    expect(w.values[claimed]).toBe(w.original[prefilled]);
    expect(w.changes.map((c) => card.features[c.feature].name)).toEqual(['fagforening_krevd', 'gaver_krevd', 'foreldrefradrag_krevd', 'renter_krevd']);
    expect(w.canUsePrefilled).toBe(false);
  });

  it('counts an edit back to the file’s value as no change and stops scoring', () => {
    const w = new WhatIf(card, values(), 0, fakeEngine().engine, 'en');
    w.edit(KM, '5');
    w.edit(KM, '0.5');
    expect(w.changes).toEqual([]);
    expect(w.pending).toBe(false);
  });
});
