import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from './read-card';
import { Ingest } from '../csv/ingest';
import { foldTextFeatures, inputWidth, textScore } from './text-feature';
import type { ModelCard } from './card';

const url = (p: string) => new URL(`../../../../${p}`, import.meta.url);
const bytes = new Uint8Array(readFileSync(url('public/model/vat-remarks.onnx')));
// scikit-learn's TfidfVectorizer.transform of the demo sample's remarks (models/build_vat.py).
const fixture = JSON.parse(readFileSync(url('test/fixtures/vat/tfidf-rows.json'), 'utf8')) as {
  rows: { id: string; remark: string; slots: [number, number][] }[];
};

describe('the VAT-remarks model read with its text feature', () => {
  const read = readModel(bytes);

  it('reads the card and folds the remark into one input of weight 1', () => {
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const card = read.card!;
    const remark = card.features[card.features.length - 1];
    expect(remark.kind).toBe('text');
    expect(inputWidth(card)).toBe(7 + 1000);
    const m = read.model!;
    expect(m.nFeatures).toBe(card.features.length);
    expect(m.text).toHaveLength(1);
    expect(m.text[0]).toMatchObject({ feature: 7, slot: 7 });
    expect(m.text[0].weights).toHaveLength(1000);
    expect(m.linear!.nFeatures).toBe(8);
    expect(m.linear!.weights[7]).toBe(1);
  });

  it("gives scikit-learn's TF-IDF rows for every remark of the demo sample (1e-6)", () => {
    const tfidf = read.model!.text[0].tfidf;
    const row = new Float64Array(tfidf.width);
    let worst = 0;
    for (const r of fixture.rows) {
      const want = new Float64Array(tfidf.width);
      for (const [j, v] of r.slots) want[j] = v;
      tfidf.transform(r.remark, row, 0);
      for (let j = 0; j < row.length; j++) worst = Math.max(worst, Math.abs(row[j] - want[j]));
    }
    expect(fixture.rows.length).toBeGreaterThan(500);
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it("scores a remark as Σ w_j·tfidf_j over scikit-learn's row, and an empty one as 0", () => {
    const t = read.model!.text[0];
    for (const r of fixture.rows.slice(0, 200)) {
      const want = r.slots.reduce((s, [j, v]) => s + t.weights[j] * v, 0);
      expect(Math.abs(textScore(t, r.remark) - want)).toBeLessThan(1e-9);
    }
    expect(textScore(t, '')).toBe(0);
    expect(textScore(t, '   ')).toBe(0);
  });

  it('refuses to fold a file whose input is not as wide as the card says', () => {
    const card = read.card! as ModelCard;
    const narrower: ModelCard = { ...card, features: card.features.map((f) => (f.kind === 'text' ? { ...f, width: 999 } : f)) };
    expect(foldTextFeatures(bytes, narrower)).toMatch(/coefficients for an input of 1006/);
    const r = readModel(bytes, { card: { ...card, features: narrower.features } });
    expect(r.problems.map((p) => p.code)).toContain('model.card_too_few_features');
  });
});

describe('intake of a text feature', () => {
  const read = readModel(bytes);
  const card = read.card!;
  const t = read.model!.text[0];
  const csv = [
    'mva_melding_id;omsetning_25;omsetning_15;omsetning_12;omsetning_0;inngaende_mva;inngaende_mva_forrige;korreksjoner;merknad;feil_inngaende_mva',
    'MVA-0000001;100000;0;0;0;20000;18000;0;"privat, til hytta";1',
    'MVA-0000002;100000;0;0;0;20000;18000;0;;0',
    'MVA-0000003;100000;0;0;0;20000;18000;-500;12,5;0',
  ].join('\r\n');

  it("keeps the remark's text beside its score, reads any cell as text and an empty one as 0, and flags nothing", () => {
    const ingest = new Ingest(card, {}, read.model!.text);
    ingest.push(new TextEncoder().encode(csv));
    const r = ingest.finish();
    expect(r.rows).toBe(3);
    expect(Array.from(r.status)).toEqual([0, 0, 0]);
    const f = card.features.length;
    expect(r.features[7]).toBe(Math.fround(textScore(t, 'privat, til hytta')));
    expect(r.features[f + 7]).toBe(0);
    expect(r.features[2 * f + 7]).toBe(Math.fround(textScore(t, '12,5')));
    expect(r.features[2 * f + 6]).toBe(-500);
    const k = r.passthrough.header.indexOf('merknad');
    expect(r.passthrough.columns[k]).toEqual(['privat, til hytta', '', '12,5']);
  });

  it('without the weights (a preview from the card alone) leaves the score missing, never a wrong number', () => {
    const ingest = new Ingest(card);
    ingest.push(new TextEncoder().encode(csv));
    const r = ingest.finish();
    expect(Number.isNaN(r.features[7])).toBe(true);
  });
});
