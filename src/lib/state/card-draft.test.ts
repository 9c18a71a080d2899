import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CardDraft, headerColumns } from './card-draft.svelte';
import type { BareModel, Explorer } from './explorer.svelte';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import { readModel } from '../core/model/read-card';

const csv = readFileSync('test/fixtures/exporters/xgboost/score.csv');
const bare: BareModel = {
  name: 'model.onnx',
  bytes: new Uint8Array(readFileSync('test/fixtures/exporters/xgboost/model.onnx')),
  inspection: { hasCard: false, input: { name: 'input', elemType: 1, width: 8 }, outputs: [{ name: 'probabilities', tensor: true, width: 2 }], explainable: true, outputSpace: 'log-odds', problems: [] },
};

function draft(openCsv: { file: Blob; name: string } | null = null) {
  const used: { bytes: Uint8Array; name: string }[] = [];
  const explorer = { openCsv, useModel: async (bytes: Uint8Array, name: string) => (used.push({ bytes, name }), true) } as unknown as Explorer;
  return { d: new CardDraft(explorer, bare), used };
}

describe('headerColumns', () => {
  it('reads a header with any separator, quotes and a BOM', () => {
    expect(headerColumns(new TextEncoder().encode('\uFEFF"a";b;"c d"\r\n1;2;3\r\n'))).toEqual(['a', 'b', 'c d']);
    expect(headerColumns(new TextEncoder().encode('a\tb\n1\t2\n'))).toEqual(['a', 'b']);
  });
});

describe('CardDraft', () => {
  it('matches the model inputs to the CSV columns by position once the outcome column is out, and asks for confirmation', async () => {
    const { d } = draft();
    await d.readCsv(new Blob([csv]), 'score.csv');
    expect(d.columns).toHaveLength(9);
    d.setIdColumn('alder');
    expect(d.features.map((f) => f.column)).toEqual(d.columns.slice(1, 9));
    d.setIdColumn('');
    d.setLabelColumn('feil_fradrag');
    expect(d.features.map((f) => f.column)).toEqual(d.columns.slice(0, 8));
    expect(d.complete).toBe(true);
    expect(d.canSave).toBe(false);
    d.orderConfirmed = true;
    expect(d.canSave).toBe(true);
  });

  it('reads the header of the CSV the user has open without asking', async () => {
    const { d } = draft({ file: new Blob([csv]), name: 'open.csv' });
    await d.ready;
    expect(d.csvName).toBe('open.csv');
    expect(d.columns).toHaveLength(9);
  });

  it('will not take one column for two inputs, nor the outcome as an input', async () => {
    const { d } = draft();
    await d.readCsv(new Blob([csv]), 'score.csv');
    d.setLabelColumn('feil_fradrag');
    d.features[1].column = 'alder';
    expect(d.clashes).toEqual(['alder']);
    d.features[1].column = 'feil_fradrag';
    expect(d.clashes).toEqual(['feil_fradrag']);
    expect(d.complete).toBe(false);
  });

  it('keeps the columns chosen by hand when the id or outcome column is chosen afterwards, and matches the rest by position', async () => {
    const { d } = draft();
    await d.readCsv(new Blob([csv]), 'score.csv');
    const header = d.columns;
    d.chooseColumn(0, header[7]);
    d.chooseColumn(1, header[0]);
    d.setLabelColumn('feil_fradrag');
    expect(d.features[0].column).toBe(header[7]);
    expect(d.features[1].column).toBe(header[0]);
    // The other inputs take the remaining columns in file order, the hand-picked and the outcome left out.
    const rest = header.filter((c) => c !== header[7] && c !== header[0] && c !== 'feil_fradrag');
    expect(d.features.slice(2).map((f) => f.column)).toEqual(rest.slice(0, d.features.length - 2));
    expect(d.clashes).toEqual([]);
  });

  it('refuses a model file as the CSV', async () => {
    const { d } = draft();
    await d.readCsv(new Blob([bare.bytes as BlobPart]), 'model.onnx');
    expect(d.csvRefused).toBe(true);
    expect(d.columns).toEqual([]);
  });

  it('fills a label given in one language into the others, leaves an empty one out, and saves the carded file as the active model', async () => {
    const { d, used } = draft();
    await d.readCsv(new Blob([csv]), 'score.csv');
    d.setLabelColumn('feil_fradrag');
    d.features[0].label.nb = 'Alder';
    d.vocabulary.positive.en.one = 'incorrect deduction';
    d.orderConfirmed = true;
    const values = d.values();
    expect(values.features[0].label).toEqual({ nb: 'Alder', nn: 'Alder', en: 'Alder' });
    expect(values.features[1].label).toBeNull();
    expect(values.vocabulary?.positive.en).toEqual({ one: 'incorrect deduction', other: 'positives', definite: 'the positives' });
    expect(values.vocabulary?.row).toEqual(NEUTRAL_VOCABULARY.row);
    expect(values.idColumn).toBeNull();
    expect(await d.save()).toBe(true);
    expect(used.map((u) => u.name)).toEqual(['model-card.onnx']);
    expect(d.written).toBe(used[0].bytes);
  });

  it('starts the task’s words from the neutral ones and writes none of them into the card while they stay so', async () => {
    const { d } = draft();
    expect(d.vocabulary).toEqual(NEUTRAL_VOCABULARY);
    d.vocabulary.row.nb.one = 'endret';
    // The editor's copy is the user's: the neutral words themselves stay as they were.
    expect(NEUTRAL_VOCABULARY.row.nb.one).toBe('rad');
    d.vocabulary.row.nb.one = '  ';
    expect(d.values().vocabulary).toBeNull();
  });

  it('writes the task’s words as typed (trimmed, an emptied field back to its neutral word) into the card of the saved file', async () => {
    const { d } = draft();
    await d.readCsv(new Blob([csv]), 'score.csv');
    d.setLabelColumn('feil_fradrag');
    d.orderConfirmed = true;
    d.vocabulary.task.nb = ' risiko for at foretaket er inaktivt ';
    d.vocabulary.row.nb = { one: 'enkeltpersonforetak', other: 'enkeltpersonforetak', definite: 'enkeltpersonforetakene' };
    d.vocabulary.subject.en.definite = '';
    expect(await d.save()).toBe(true);
    const card = readModel(d.written!).model!.card;
    expect(card.vocabulary.task.nb).toBe('risiko for at foretaket er inaktivt');
    expect(card.vocabulary.row.nb.definite).toBe('enkeltpersonforetakene');
    expect(card.vocabulary.subject.en.definite).toBe(NEUTRAL_VOCABULARY.subject.en.definite);
    expect(card.vocabulary.positive).toEqual(NEUTRAL_VOCABULARY.positive);
  });
});
