import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../src/lib/core/csv/ingest';
import { fixtureCard } from './helpers';

/**
 * Written by models/csvfixtures/make_fixtures.py: the same 40 rows in every encoding ×
 * delimiter × line ending, numbers formatted as Norwegian and international exports
 * write them; the truth (float32 matrix, ids, labels, text, physical lines) is Python's.
 */
interface Expected {
  features: string[];
  matrix: (number | null)[][];
  ids: string[];
  label: number[];
  passthrough: { header: string[]; columns: Record<string, string[]> };
  files: { file: string; encoding: string; delimiter: string; newline: string; lines: number[]; emptyLines: number; sepLine: boolean }[];
}

const expected = JSON.parse(readFileSync('test/fixtures/csv/golden/expected.json', 'utf8')) as Expected;
const card = fixtureCard();

describe.each(expected.files)('golden file $file', (file) => {
  const result = ingestAll(new Uint8Array(readFileSync(`test/fixtures/csv/golden/${file.file}`)), card);

  it('is read with the dialect it was written in', () => {
    const { encoding, delimiter, newline } = result.plan;
    expect({ encoding, delimiter, newline }).toEqual({ encoding: file.encoding, delimiter: file.delimiter, newline: file.newline });
    expect(result.plan.headerLine).toBe(file.sepLine ? 2 : 1);
  });

  it('gives the feature matrix Python wrote, bit for bit in float32', () => {
    const f = expected.features.length;
    expect(card.features.map((x) => x.name)).toEqual(expected.features);
    expect(result.rows).toBe(expected.matrix.length);
    expected.matrix.forEach((row, i) =>
      row.forEach((v, j) => {
        const got = result.features[i * f + j];
        if (v === null) expect(got, `row ${i} ${expected.features[j]}`).toBeNaN();
        else expect(got, `row ${i} ${expected.features[j]}`).toBe(Math.fround(v));
      }),
    );
  });

  it('scores every row cleanly and counts the blank lines', () => {
    expect(result.counts).toEqual({ scored: expected.matrix.length, warned: 0, rejected: 0, emptyLines: file.emptyLines });
    expect(result.rowProblems.problems).toEqual([]);
  });

  it('keeps ids with their leading zeros, labels, and æøå text with quoted line breaks', () => {
    expect(result.ids).toEqual(expected.ids);
    expect(result.idKind).toBe('id');
    expect(Array.from(result.label ?? [])).toEqual(expected.label);
    expect(result.passthrough.header).toEqual(expected.passthrough.header);
    expect(result.passthrough.columns).toEqual(expected.passthrough.header.map((h) => expected.passthrough.columns[h]));
  });

  it('gives each row the physical line it starts on', () => {
    expect(Array.from(result.line)).toEqual(file.lines);
  });
});
