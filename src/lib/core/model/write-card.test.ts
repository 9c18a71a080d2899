import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeCard } from './write-card';
import { decodeModel, metadataProps } from './onnx';
import { readModel } from './read-card';

const kit = new Uint8Array(readFileSync('test/fixtures/exporters/lightgbm/kit.onnx'));
const raw = new Uint8Array(readFileSync('test/fixtures/exporters/lightgbm/model.onnx'));

describe('writeCard', () => {
  it('sets model_card on a file without one and keeps every byte before it', () => {
    const card = { features: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name) => ({ name })) };
    const out = writeCard(raw, card);
    expect(out.subarray(0, raw.length)).toEqual(raw);
    expect(JSON.parse(metadataProps(decodeModel(out)).get('model_card')!)).toEqual(card);
    expect(readModel(out).card!.features.map((f) => f.name)).toEqual(card.features.map((f) => f.name));
  });

  it('replaces an existing card, once, and leaves the graph and the other metadata as they were', () => {
    const before = decodeModel(kit);
    const out = writeCard(kit, { features: [{ name: 'x' }] });
    const after = decodeModel(out);
    expect(after.metadataProps!.filter((p) => p.key === 'model_card')).toHaveLength(1);
    expect(metadataProps(after).get('model_card')).toBe('{"features":[{"name":"x"}]}');
    expect(after.metadataProps!.filter((p) => p.key !== 'model_card')).toEqual(before.metadataProps!.filter((p) => p.key !== 'model_card'));
    expect(after.graph).toEqual(before.graph);
  });

  it('gives back the same bytes when the same card is written twice', () => {
    const card = JSON.parse(metadataProps(decodeModel(kit)).get('model_card')!);
    expect(writeCard(writeCard(kit, card), card)).toEqual(writeCard(kit, card));
  });

  it('throws on bytes that are not a protobuf message', () => {
    expect(() => writeCard(new TextEncoder().encode('a,b,c\n1,2,3\n'), {})).toThrow(RangeError);
  });
});
