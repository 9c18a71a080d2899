import { describe, expect, it } from 'vitest';
import { metricsBySegment } from '../metrics';
import { loadDemoSample } from '../../../../test/fixtures/metrics/demo';
import { labelCandidates, labelFromText, segmentColumn, segmentSources } from './segment-columns';

const { demo, card, prob, label, order, k, demoFile } = loadDemoSample();

describe('segment columns of the demo sample', () => {
  const sources = segmentSources(demoFile, card);

  it('offer sivilstand and kommunenr but not the id or the label, and the coded features', () => {
    const headers = sources.flatMap((s) => (s.kind === 'passthrough' ? [s.header] : []));
    expect(headers).toContain('sivilstand');
    expect(headers).toContain('kommunenr');
    expect(headers).not.toContain(card.id_column);
    expect(headers).not.toContain(card.label.name);
    const coded = sources.flatMap((s) => (s.kind === 'feature' ? [card.features[s.feature].name] : []));
    expect(coded).toContain('hovedinntektskilde');
    expect(coded).toContain('sentralitet');
  });

  it('give the oracle’s segment table for a coded feature', () => {
    const source = sources.find((s) => s.kind === 'feature' && card.features[s.feature].name === 'hovedinntektskilde')!;
    const table = metricsBySegment(prob, label, segmentColumn(source, demoFile, card), k, order);
    const expected = [...demo.segments.hovedinntektskilde].sort((a, b) => Number(a.segment) - Number(b.segment));
    expect(table.map((s) => s.segment)).toEqual(expected.map((s) => s.segment));
    table.forEach((s, i) => {
      expect([s.rows, s.positives, s.selected]).toEqual([expected[i].rows, expected[i].positives, expected[i].selected]);
      expect(s.auc).toBeCloseTo(expected[i].auc, 9);
    });
  });
});

describe('segment sources from counts taken as the columns arrived', () => {
  const ingest = (distinct?: number[]) => ({
    ...demoFile,
    // one value only; two values; 401 values (one past MAX_SEGMENTS): only 'two' is a segment.
    passthrough: { header: ['one', 'two', 'many'], columns: [['x', 'x', 'x'], ['a', 'b', 'a'], Array.from({ length: 401 }, (_, i) => `v${i}`)], distinct },
  });
  const texts = (sources: ReturnType<typeof segmentSources>) => sources.flatMap((s) => (s.kind === 'passthrough' ? [s.header] : []));

  it('are the scanned ones when the counts are right', () => {
    expect(texts(segmentSources(ingest(), card))).toEqual(['two']);
    expect(texts(segmentSources(ingest([1, 2, 401]), card))).toEqual(['two']);
  });

  it('follow the counts, not the cells, when counts are given', () => {
    // Counts that disagree with the cells show the cells are not read again.
    expect(texts(segmentSources(ingest([2, 1, 400]), card))).toEqual(['one', 'many']);
  });
});

describe('label candidates', () => {
  it('are the text columns holding only 0, 1 and empty cells', () => {
    const ingest = { ...demoFile, passthrough: { header: ['a', 'b', 'c', 'd'], columns: [['0', '1', ''], ['0', '2', '1'], ['', '', ''], [' 1', '0', '0']] } };
    expect(labelCandidates(ingest)).toEqual([0, 3]);
    expect(Array.from(labelFromText(['1', '0', '', ' 1 ']))).toEqual([1, 0, NaN, 1]);
  });
});
