import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from '../core/model/read-card';
import { partialCardOf, probabilityOutput, writeCard, type CardDraftValues } from './model-glue';
import type { ModelInspection } from '../worker/protocol';
import type { Vocabulary } from '../core/model/card';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';

const names = ['alder', 'sentralitet', 'hovedinntektskilde', 'avstand_reg_km', 'reise_km_oppgitt', 'fagforening_forhandsutfylt', 'fagforening_krevd', 'fjorarets_sum_fradrag'];
const inspection = (outputs: ModelInspection['outputs']): ModelInspection => ({
  hasCard: false,
  input: { name: 'X', elemType: 1, width: 8 },
  outputs,
  explainable: true,
  outputSpace: 'log-odds',
  problems: [],
});
const draft = (over: Partial<CardDraftValues> = {}): CardDraftValues => ({
  modelName: 'model',
  features: names.map((name) => ({ name, label: null, unit: 'count' })),
  idColumn: null,
  labelColumn: 'feil_fradrag',
  vocabulary: null,
  ...over,
});
const bytes = (dir: string) => new Uint8Array(readFileSync(`test/fixtures/exporters/${dir}/model.onnx`));

describe('the card editor’s partial card', () => {
  it('picks the [N, 2] tensor as the probabilities, else the ZipMap sequence', () => {
    expect(probabilityOutput(inspection([{ name: 'label', tensor: true, width: null }, { name: 'probabilities', tensor: true, width: 2 }]))).toBe('probabilities');
    expect(probabilityOutput(inspection([{ name: 'output_label', tensor: true, width: null }, { name: 'output_probability', tensor: false, width: null }]))).toBe('output_probability');
    expect(probabilityOutput(inspection([{ name: 'p', tensor: true, width: 1 }]))).toBeNull();
  });

  it('holds only what the user said: no label for a feature left unnamed, no id column when none was chosen', () => {
    const card = partialCardOf(draft({ features: names.map((name, i) => ({ name, label: i === 0 ? { nb: 'Alder', nn: 'Alder', en: 'Age' } : null, unit: 'count' })) }));
    expect(card.features[0]).toEqual({ name: 'alder', unit: 'count', label: { nb: 'Alder', nn: 'Alder', en: 'Age' } });
    expect(card.features[1]).toEqual({ name: 'sentralitet', unit: 'count' });
    expect(card.id_column).toBeUndefined();
    expect(card.label).toEqual({ name: 'feil_fradrag' });
    expect(card.vocabulary).toBeUndefined();
  });

  it('carries the task’s words into the card, and names class 1 in the label with the positive term', () => {
    const vocabulary: Vocabulary = {
      ...NEUTRAL_VOCABULARY,
      task: { nb: 'risiko for at foretaket er inaktivt', nn: 'risiko for at føretaket er inaktivt', en: 'risk that the business is inactive' },
      positive: {
        nb: { one: 'inaktivt foretak', other: 'inaktive foretak', definite: 'de inaktive foretakene' },
        nn: { one: 'inaktivt føretak', other: 'inaktive føretak', definite: 'dei inaktive føretaka' },
        en: { one: 'inactive business', other: 'inactive businesses', definite: 'the inactive businesses' },
      },
    };
    const card = partialCardOf(draft({ vocabulary }));
    expect(card.vocabulary).toEqual(vocabulary);
    expect(card.label).toEqual({ name: 'feil_fradrag', text: { nb: 'inaktivt foretak', nn: 'inaktivt føretak', en: 'inactive business' } });
    const read = readModel(writeCard(bytes('xgboost'), card));
    expect(read.model?.card.vocabulary).toEqual(vocabulary);
    expect(read.model?.missing).not.toContain('card.no_vocabulary');
  });

  it('written into a bare converter file, reads back as a model with the gaps the user left', () => {
    for (const dir of ['xgboost', 'sklearn-hgb']) {
      const bare = bytes(dir);
      expect(readModel(bare).problems.map((p) => p.code)).toEqual(['model.no_card']);
      const read = readModel(writeCard(bare, partialCardOf(draft())));
      expect(read.problems.filter((p) => p.severity === 'error'), dir).toEqual([]);
      expect(read.model?.card.features.map((f) => f.name)).toEqual(names);
      expect(read.model?.card.label.name).toBe('feil_fradrag');
      expect([...(read.model?.missing ?? [])].sort()).toEqual(['card.no_id_column', 'card.no_labels', 'card.no_test_metrics', 'card.no_training_ranges', 'card.no_vocabulary']);
    }
  });
});
