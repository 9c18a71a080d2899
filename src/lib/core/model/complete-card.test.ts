import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { completeCard, fileCard, type CardInfo } from './complete-card';
import { writeCard } from './write-card';
import { modelCardSchema, partialCardSchema } from './card-schema';
import { readModel } from './read-card';

const info: CardInfo = { input: 'X', probabilities: 'p', outputSpace: 'probability', covers: 'none', algorithm: 'TreeEnsembleClassifier', nTrees: 3, maxDepth: 4 };

describe('completeCard', () => {
  it('fills a card of names only with neutral defaults and names every capability it lacks', () => {
    const { card, missing } = completeCard({ features: [{ name: 'alder' }, { name: 'km' }] }, info);
    expect(missing.sort()).toEqual(['card.no_id_column', 'card.no_label_column', 'card.no_labels', 'card.no_test_metrics', 'card.no_training_ranges', 'card.no_vocabulary']);
    expect(card.features[1]).toMatchObject({ name: 'km', index: 1, label: { nb: 'km', nn: 'km', en: 'km' }, kind: 'continuous', nullable: true, nonnegative: false });
    expect(card.features[0].training.n).toBe(0);
    expect(card.features[0].training.min).toBeNaN();
    expect(card.io).toEqual({ input: 'X', probabilities: 'p', positive_class: 1, raw_score: 'probability' });
    expect(card.model).toMatchObject({ synthetic: false, n_trees: 3, max_depth: 4, algorithm: 'TreeEnsembleClassifier' });
    expect(card.covers).toBe('none');
    expect(card.vocabulary.row.en).toEqual({ one: 'row', other: 'rows', definite: 'the rows' });
    expect(JSON.stringify(card.vocabulary)).not.toMatch(/fradrag|deduction|skatt|tax/i);
  });

  it('keeps what the card gives and then lacks nothing it gives', () => {
    const label = { nb: 'Alder', nn: 'Alder', en: 'Age' };
    const words = { nb: { one: 'foretak', other: 'foretak', definite: 'foretakene' }, nn: { one: 'føretak', other: 'føretak', definite: 'føretaka' }, en: { one: 'business', other: 'businesses', definite: 'the businesses' } };
    const vocabulary = { task: { nb: 'inaktivt', nn: 'inaktivt', en: 'inactive' }, row: words, positive: words, subject: words };
    const { card, missing } = completeCard({ features: [{ name: 'alder', label, unit: 'years' }], id_column: 'id', label: { name: 'feil' }, vocabulary }, info);
    expect(card.features[0]).toMatchObject({ label, unit: 'years' });
    expect(card.id_column).toBe('id');
    expect(card.vocabulary).toEqual(vocabulary);
    expect(missing.sort()).toEqual(['card.no_test_metrics', 'card.no_training_ranges']);
  });

  it('comes from partialCardSchema, which needs the names and refuses a wrong value where a field is given', () => {
    expect(v.safeParse(partialCardSchema, { features: [{ name: 'a' }] }).success).toBe(true);
    expect(v.safeParse(partialCardSchema, { features: [] }).success).toBe(false);
    expect(v.safeParse(partialCardSchema, { features: [{ label: 'a' }] }).success).toBe(false);
    expect(v.safeParse(partialCardSchema, { features: [{ name: 'a', kind: 'curvy' }] }).success).toBe(false);
  });

  it('leaves the bundled model\'s full card as it is', () => {
    const bytes = new Uint8Array(readFileSync('public/model/deduction-risk.onnx'));
    const read = readModel(bytes);
    expect(read.model!.missing).toEqual([]);
    expect(v.safeParse(modelCardSchema, read.card).success).toBe(true);
    expect(read.card!.io.raw_score).toBe('log-odds');
  });

  it('writes back, through fileCard and writeCard, to the same card with the same gaps', () => {
    const raw = new Uint8Array(readFileSync('test/fixtures/exporters/sklearn-rf/model.onnx'));
    const names = ['alder', 'sentralitet', 'hovedinntektskilde', 'avstand_reg_km', 'reise_km_oppgitt', 'fagforening_forhandsutfylt', 'fagforening_krevd', 'fjorarets_sum_fradrag'];
    const first = readModel(raw, { card: { features: names.map((name) => ({ name })), id_column: 'id' } });
    const edited = { ...first.card!, features: first.card!.features.map((f, i) => (i === 0 ? { ...f, label: { nb: 'Alder', nn: 'Alder', en: 'Age' } } : f)) };
    const again = readModel(writeCard(raw, fileCard(edited)));
    expect(again.problems).toEqual([]);
    expect(again.card).toEqual(edited);
    expect(again.model!.missing.sort()).toEqual(['card.no_label_column', 'card.no_labels', 'card.no_test_metrics', 'card.no_training_ranges', 'card.no_vocabulary']);
  });

  it('keeps every fact of the bundled card in fileCard', () => {
    const card = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx'))).card!;
    const written = fileCard(card);
    expect(v.safeParse(partialCardSchema, written).success).toBe(true);
    expect(completeCard(written, { input: 'input', probabilities: 'probabilities', outputSpace: 'log-odds', covers: 'nodes_hitrates', algorithm: '', nTrees: card.model.n_trees, maxDepth: card.model.max_depth }).card).toEqual(card);
  });
});
