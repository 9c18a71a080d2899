/**
 * The VAT-remarks model through the CLI's path (node-engine + scoreStream, the same intake and
 * onnxruntime-web engine as the page) against models/build_vat.py's oracle: onnxruntime
 * (Python) on the file's full TF-IDF input, and numpy's log-odds and contributions.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelFile, type LoadedModel } from '../../src/lib/runtime/node-engine';
import { scoreStream } from '../../src/lib/core/pipeline/score-stream';
import { columnMeans, explainLinear } from '../../src/lib/core/explain/linear-shap';
import { checkAgainstScore } from '../../src/lib/core/explain/check-score';
import { explainText, slotMeans, strongestWord } from '../../src/lib/core/explain/text-contributions';
import type { IngestResult } from '../../src/lib/core/csv/ingest';

const MODEL = 'public/model/vat-remarks.onnx';
const DEMO = 'public/demo/vat-remarks-sample.csv';

interface Oracle {
  ids: string[];
  probabilities: number[];
  raw: number[];
  base: number;
  features: string[];
  explained: { id: string; numeric: number[]; remark: number; remark_absent: number; words: { word: number; contribution: number }[] }[];
}
const oracle = JSON.parse(readFileSync('test/fixtures/vat/oracle.json', 'utf8')) as Oracle;

describe('the VAT-remarks model on its demo sample', () => {
  let model: LoadedModel;
  let ingest: IngestResult;
  let probability: Float32Array;
  let contrib: Float64Array;
  const f = oracle.features.length;

  beforeAll(async () => {
    const loaded = await loadModelFile(MODEL);
    if (!('scorer' in loaded)) throw new Error(JSON.stringify(loaded.problems));
    model = loaded;
    const chunks = (async function* () {
      for await (const chunk of createReadStream(DEMO, { highWaterMark: 1 << 16 })) yield chunk as Uint8Array;
    })();
    const scored = await scoreStream(model.card, { fileName: 'demo.csv', chunks }, {}, (x, n) => model.scorer.score(x, n), { text: model.model.text });
    ingest = scored!.file.ingest;
    probability = scored!.file.probability;
    contrib = explainLinear(model.model.linear!, columnMeans(ingest.features, ingest.rows, f), ingest.features, ingest.rows);
  });
  afterAll(() => model?.scorer.release());

  it('reads every row, in order, with no problem', () => {
    expect(ingest.rows).toBe(oracle.ids.length);
    expect(ingest.ids).toEqual(oracle.ids);
    expect(Array.from(ingest.status).every((s) => s === 0)).toBe(true);
  });

  it('scores as onnxruntime (Python) does on the full TF-IDF input, within 1e-6', () => {
    let worst = 0;
    oracle.probabilities.forEach((p, i) => (worst = Math.max(worst, Math.abs(probability[i] - p))));
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('explains every row exactly: base + Σφ equals the log-odds (numpy, float64) within 1e-6', () => {
    let worst = Math.abs(contrib[f] - oracle.base);
    for (let r = 0; r < ingest.rows; r++) {
      let sum = 0;
      for (let k = 0; k <= f; k++) sum += contrib[r * (f + 1) + k];
      worst = Math.max(worst, Math.abs(sum - oracle.raw[r]));
    }
    expect(worst).toBeLessThanOrEqual(1e-6);
    expect(checkAgainstScore(Float32Array.from(contrib), ingest.rows, f, probability, new Uint8Array(ingest.rows), 'log-odds')).toBe(0);
  });

  it("gives numpy's contribution per figure and the remark's sum of its 1,000 slots as one, within 1e-6", () => {
    const row = new Map(oracle.ids.map((id, i) => [id, i]));
    let worst = 0;
    for (const e of oracle.explained) {
      const r = row.get(e.id)!;
      e.numeric.forEach((v, k) => (worst = Math.max(worst, Math.abs(contrib[r * (f + 1) + k] - v))));
      worst = Math.max(worst, Math.abs(contrib[r * (f + 1) + f - 1] - e.remark));
    }
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it("splits the remark's contribution over its words as numpy does, and the words and what it does not say add up to it", () => {
    const column = ingest.passthrough.header.indexOf('merknad');
    expect(column).toBeGreaterThanOrEqual(0);
    const texts = ingest.passthrough.columns[column];
    const t = model.model.text[0];
    const means = slotMeans(t.tfidf, texts);
    const row = new Map(oracle.ids.map((id, i) => [id, i]));
    let worst = 0;
    let words = 0;
    for (const e of oracle.explained) {
      const r = row.get(e.id)!;
      const x = explainText(t.tfidf, t.weights, means, texts[r]);
      expect(x.words.map((w) => w.word)).toEqual(e.words.map((w) => w.word));
      x.words.forEach((w, k) => (worst = Math.max(worst, Math.abs(w.contribution - e.words[k].contribution))));
      worst = Math.max(worst, Math.abs(x.absent - e.remark_absent), Math.abs(x.total - e.remark), Math.abs(x.total - contrib[r * (f + 1) + f - 1]));
      words += x.words.length;
    }
    expect(words).toBeGreaterThan(40);
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('finds a signal word as the strongest in the top-scored remark', () => {
    const column = ingest.passthrough.header.indexOf('merknad');
    const texts = ingest.passthrough.columns[column];
    const t = model.model.text[0];
    const means = slotMeans(t.tfidf, texts);
    const top = oracle.ids.indexOf(oracle.explained[0].id);
    const best = strongestWord(explainText(t.tfidf, t.weights, means, texts[top]));
    expect(best).not.toBeNull();
    const word = texts[top].slice(best!.start, best!.end).toLowerCase();
    const want = oracle.explained[0].words.reduce((a, b) => (b.contribution > a.contribution ? b : a));
    expect(best!.word).toBe(want.word);
    expect(word.length).toBeGreaterThan(0);
  });
});

describe('npm run score -- --model public/model/vat-remarks.onnx --explain', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'cli-vat-')), 'scored.csv');
  execFileSync('npx', ['tsx', 'src/cli/score.ts', '--model', MODEL, '--input', DEMO, '--output', out, '--explain', '--lang', 'en'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const parsed = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true });

  it('writes one contrib column per card feature, the remark as one (contrib_merknad)', () => {
    const fields = parsed.meta.fields ?? [];
    expect(fields.filter((c) => c.startsWith('contrib_'))).toEqual(['contrib_base', ...oracle.features.map((n) => `contrib_${n}`)]);
    expect(fields).toContain('merknad');
  });

  it("writes onnxruntime (Python)'s probabilities within 1e-6", () => {
    expect(parsed.data).toHaveLength(oracle.ids.length);
    let worst = 0;
    parsed.data.forEach((row, i) => {
      expect(row.mva_melding_id).toBe(oracle.ids[i]);
      worst = Math.max(worst, Math.abs(Number(row.risk_probability) - oracle.probabilities[i]));
    });
    expect(worst).toBeLessThanOrEqual(1e-6);
  });
});
