import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTENTS, intentFeaturizer, readIntentSpec, routeIntent } from '../../src/lib/core/assistant/intents';
import { createDenseClassifier } from '../../src/lib/runtime/ort';
import { wasmBinary } from '../../src/lib/runtime/node-engine';

interface OracleRow {
  lang: 'nb' | 'nn' | 'en';
  text: string;
  intent: string;
  proba: number[];
  predicted: string;
}
const oracle = JSON.parse(readFileSync('test/fixtures/assistant/heldout-oracle.json', 'utf8')) as { threshold: number; rows: OracleRow[] };
const spec = readIntentSpec(JSON.parse(readFileSync('public/assistant/intents.json', 'utf8')))!;

describe('intent classifier in TypeScript + onnxruntime-web', () => {
  it('reads the shipped spec and refuses a changed one', () => {
    expect(spec).not.toBeNull();
    expect(readIntentSpec({ ...spec, fold_version: 2 })).toBeNull();
    expect(readIntentSpec({ ...spec, intents: [...INTENTS].reverse() })).toBeNull();
  });

  it('routes by the threshold, ties to the first', () => {
    expect(routeIntent([0.2, 0.5, 0.3], 0)).toEqual({ intent: INTENTS[1], confidence: 0.5 });
    expect(routeIntent([0.4, 0.4, 0.2], 0).intent).toBe(INTENTS[0]);
    expect(routeIntent([0.2, 0.5, 0.3], 0.6).intent).toBe('out_of_scope');
  });

  it('gives the held-out questions the probabilities and intents Python gave', async () => {
    const featurizer = intentFeaturizer(spec);
    const classifier = await createDenseClassifier(new Uint8Array(readFileSync('public/assistant/intents.onnx')), spec, { wasmBinary: wasmBinary() });
    let maxGap = 0;
    const differ: string[] = [];
    for (const row of oracle.rows) {
      const p = await classifier.probabilities(featurizer.featurize(row.text));
      for (let k = 0; k < p.length; k++) maxGap = Math.max(maxGap, Math.abs(p[k] - row.proba[k]));
      if (routeIntent(p, spec.threshold).intent !== row.predicted) differ.push(row.text);
    }
    await classifier.release();
    expect(differ).toEqual([]);
    expect(maxGap).toBeLessThan(1e-5);
    // The targets, on the same predictions.
    const ok = (rows: OracleRow[]) => rows.filter((r) => r.predicted === r.intent).length / rows.length;
    expect(ok(oracle.rows)).toBeGreaterThanOrEqual(0.9);
    for (const lang of ['nb', 'nn', 'en']) expect(ok(oracle.rows.filter((r) => r.lang === lang))).toBeGreaterThanOrEqual(0.85);
    expect(ok(oracle.rows.filter((r) => r.intent === 'out_of_scope'))).toBeGreaterThanOrEqual(0.85);
  });
});
