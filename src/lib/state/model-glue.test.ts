import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from '../core/model/read-card';
import { cardGaps, completeCardGlue, probabilityOutput, writeCardGlue, type CardDraftValues } from './model-glue';
import type { ModelInspection } from '../worker/protocol';

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
  positive: { nb: 'feil fradrag', nn: 'feil frådrag', en: 'incorrect deduction' },
  ...over,
});

describe('the temporary card glue', () => {
  it('picks the [N, 2] tensor as the probabilities, else the ZipMap sequence', () => {
    expect(probabilityOutput(inspection([{ name: 'label', tensor: true, width: null }, { name: 'probabilities', tensor: true, width: 2 }]))).toBe('probabilities');
    expect(probabilityOutput(inspection([{ name: 'output_label', tensor: true, width: null }, { name: 'output_probability', tensor: false, width: null }]))).toBe('output_probability');
    expect(probabilityOutput(inspection([{ name: 'p', tensor: true, width: 1 }]))).toBeNull();
  });

  it('writes a card the reader of today takes back unchanged into a bare converter file', () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/exporters/xgboost/model.onnx'));
    expect(readModel(bytes).problems.map((p) => p.code)).toEqual(['model.no_card']);
    const { card } = completeCardGlue(draft(), inspection([{ name: 'label', tensor: true, width: null }, { name: 'probabilities', tensor: true, width: 2 }]));
    card.io.input = 'input';
    const carded = writeCardGlue(bytes, card);
    expect(carded.subarray(0, bytes.length)).toEqual(bytes);
    const read = readModel(carded);
    expect(read.problems).toEqual([]);
    expect(read.card).toEqual(card);
  });

  it('lists what a card made of defaults cannot show', () => {
    expect(completeCardGlue(draft(), inspection([])).missing).toEqual(['card.no_training_ranges', 'card.no_test_metrics', 'card.no_labels', 'card.no_id_column']);
    const labelled = draft({ labelColumn: null, idColumn: 'id', features: names.map((name) => ({ name, label: { nb: name + ' nb', nn: name, en: name }, unit: 'count' })) });
    expect(cardGaps(completeCardGlue(labelled, inspection([])).card)).toEqual(['card.no_training_ranges', 'card.no_test_metrics', 'card.no_label_column']);
  });
});
