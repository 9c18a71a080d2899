import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../csv/ingest';
import { readModel } from '../model/read-card';
import { sensitiveColumns } from './sensitive-columns';

const card = readModel(readFileSync('public/model/deduction-risk.onnx')).card!;

describe('sensitiveColumns', () => {
  it('offers the demo sample’s passthrough columns that are not inputs, id or label: kommunenr and sivilstand', () => {
    const ingest = ingestAll(readFileSync('public/demo/demo-sample.csv'), card);
    expect(sensitiveColumns(ingest, card).map((c) => c.header)).toEqual(['kommunenr', 'sivilstand']);
    expect(sensitiveColumns(ingest, card, ['sivilstand']).map((c) => c.header)).toEqual(['kommunenr']);
  });

  it('does not offer a column of amounts or ids (too many distinct values), nor one with a single value', () => {
    const header = card.features.map((f) => f.name).join(',');
    const row = (i: number) => card.features.map(() => '1').join(',') + `,${1000 + i},${i % 3},same`;
    const csv = [`${header},belop,gruppe,konstant`, ...Array.from({ length: 500 }, (_, i) => row(i))].join('\n');
    const ingest = ingestAll(new TextEncoder().encode(csv), card);
    expect(sensitiveColumns(ingest, card).map((c) => c.header)).toEqual(['gruppe']);
  });
});
