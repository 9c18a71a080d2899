import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt, encode, fixtureCard } from '../../../../test/csv/helpers';
import type { ModelCard } from '../model/card';
import { Ingest, ingestAll, type IngestResult } from './ingest';
import { MAX_ROW_PROBLEMS, SNIFF_BYTES } from './options';
import { sniff } from './sniff';

const card = fixtureCard();
const names = card.features.map((f) => f.name);
const golden = (name: string) => new Uint8Array(readFileSync(`test/fixtures/csv/golden/${name}`));

/** One clean value per feature, inside the fixture card's training ranges. */
const GOOD: Record<string, string> = {
  alder: '40', sentralitet: '2', hovedinntektskilde: '1', lonnsinntekt: '500 000', stillingsprosent: '100', avstand_reg_km: '12',
  reise_km_oppgitt: '14', reise_dager_oppgitt: '200', reisefradrag: '2000', eier_bolig: '1', endring_fra_forhandsutfylt: '0',
  yngste_barn_alder: '', sykefravaer_dager: '3', fagforening_krevd: '4000',
};

/** A small clean semicolon file in the fixture card's columns; `cells` overrides cells by feature name. */
function csv(rows: Record<string, string>[], extra = ''): Uint8Array {
  const good: Record<string, string> = { ...GOOD };
  const header = ['skattyter_id', ...names, 'feil_fradrag'].join(';');
  const lines = rows.map((r, i) => [r.skattyter_id ?? String(i + 1), ...names.map((n) => r[n] ?? good[n]), r.feil_fradrag ?? '0'].join(';'));
  return encode([header, ...lines].join('\r\n') + '\r\n' + extra);
}

/** 2,000 ASCII rows (more than SNIFF_BYTES) and then one with 'Tromsø' in windows-1252. */
function lateWindows1252(): Uint8Array {
  const ascii = new TextDecoder().decode(csv(Array.from({ length: 2000 }, () => ({}))));
  const text = ascii.replace('feil_fradrag\r\n', 'feil_fradrag;kommune\r\n').replace(/;0\r\n/g, ';0;Oslo\r\n');
  const last = '9999;' + names.map((n) => GOOD[n]).join(';') + ';0;Troms\xf8\r\n';
  expect(text.length).toBeGreaterThan(SNIFF_BYTES);
  return Uint8Array.from(text + last, (c) => c.charCodeAt(0));
}

function pushInPieces(bytes: Uint8Array, cuts: number[], options = {}): { result: IngestResult; blocks: { start: number; count: number; features: Float32Array; status: Uint8Array }[] } {
  const ingest = new Ingest(card, options);
  const blocks = [];
  for (const piece of cutAt(bytes, cuts)) {
    const block = ingest.push(piece);
    if (block) blocks.push(block);
  }
  const result = ingest.finish();
  return { result, blocks };
}

/** Everything a result says, as one string compared exactly (typed arrays bit for bit, so NaN = NaN). */
function summary(r: IngestResult): string {
  return JSON.stringify(r, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
    if (v instanceof Map) return [...v];
    return v;
  });
}

describe('sniff', () => {
  it('tells encoding, delimiter, line ending, Excel sep line and header of a Norwegian export', () => {
    const s = sniff(golden('utf8bom-semicolon-crlf.csv'), card);
    expect([s.plan.encoding, s.encodingSource, s.bom, s.plan.delimiter, s.delimiterSource, s.plan.newline, s.sepLine]).toEqual([
      'utf-8', 'bom', true, ';', 'sep-line', '\r\n', 1,
    ]);
    expect([s.plan.headerLine, s.plan.header[0], s.plan.blocked, s.truncated]).toEqual([2, 'skattyter_id', false, false]);
    expect(s.preview.length).toBe(20);
  });

  it('shows each column decimal convention', () => {
    const s = sniff(golden('cp1252-tab-crlf.csv'), card);
    const lonn = s.plan.columns.find((c) => c.feature === 'lonnsinntekt');
    expect(lonn).toMatchObject({ header: 'Lønnsinntekt', decimal: ',', decimalSource: 'values', match: 'normalized' });
  });

  it('obeys options over every guess', () => {
    const s = sniff(golden('utf8-semicolon-lf.csv'), card, { encoding: 'windows-1252', delimiter: ',' });
    expect([s.plan.encoding, s.plan.delimiter, s.encodingSource, s.delimiterSource]).toEqual([
      'windows-1252', ',', 'option', 'option',
    ]);
    expect(s.plan.blocked).toBe(true);
  });

  it('calls an empty sample an empty file', () => {
    expect(sniff(new Uint8Array(0), card).problems.map((p) => p.code)).toEqual(['csv.empty_file']);
  });

  it('says a cut sample with no complete header line has a header too long', () => {
    const s = sniff(encode('a_rather_long_column_name;'.repeat(5000)), card);
    expect(s.problems[0]).toMatchObject({ code: 'csv.header_too_long' });
  });
});

describe('Ingest', () => {
  it('gives identical results however a file is cut into chunks', () => {
    const names = ['utf8-semicolon-crlf.csv', 'utf16le-tab-cr.csv', 'cp1252-pipe-lf.csv', 'utf16be-comma-crlf.csv', 'utf8bom-semicolon-lf.csv'];
    const files = [...names.map(golden), lateWindows1252()];
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.nat(), { maxLength: 30 }), (bytes, cuts) => {
        expect(summary(pushInPieces(bytes, cuts).result)).toBe(summary(ingestAll(bytes, card)));
      }),
      { numRuns: 60 },
    );
  });

  it('cuts inside every multi-byte character and between every CR and LF of a file', () => {
    const bytes = golden('utf8-semicolon-crlf.csv');
    const once = summary(ingestAll(bytes, card));
    const cuts: number[] = [];
    for (let i = 1; i < bytes.length; i++) if (bytes[i] === 0x0a || (bytes[i] & 0xc0) === 0x80 || bytes[i] === 0x22) cuts.push(i);
    expect(cuts.length).toBeGreaterThan(100);
    expect(summary(pushInPieces(bytes, cuts).result)).toBe(once);
  });

  it('hands out each row once, in order, in blocks that add up to the result', () => {
    const bytes = csv(Array.from({ length: 3000 }, () => ({})));
    expect(bytes.length).toBeGreaterThan(SNIFF_BYTES);
    const { result, blocks } = pushInPieces(bytes, Array.from({ length: 20 }, (_, k) => (k + 1) * 5000));
    expect(blocks[0].start).toBe(0);
    let next = 0;
    for (const b of blocks) {
      expect(b.start).toBe(next);
      expect(b.features).toEqual(result.features.subarray(b.start * names.length, (b.start + b.count) * names.length));
      expect(b.status).toEqual(result.status.subarray(b.start, b.start + b.count));
      next += b.count;
    }
    expect(next).toBe(result.rows);
    expect(result.rows).toBe(3000);
  });

  it('holds rows back until it has sniffed the first 64 KB, and counts bytes consumed', () => {
    const ingest = new Ingest(card);
    const bytes = csv(Array.from({ length: 3000 }, () => ({})));
    expect(ingest.push(bytes.subarray(0, 1000))).toBeNull();
    expect(ingest.bytesConsumed).toBe(1000);
    expect(ingest.push(bytes.subarray(1000))?.count).toBeGreaterThan(0);
    expect(ingest.finish().bytes).toBe(bytes.length);
  });

  it('reads a file with one row', () => {
    const r = ingestAll(csv([{ alder: '44' }]), card);
    expect([r.rows, r.features[0], r.features[3], r.status[0], r.line[0], r.ids[0], r.label?.[0]]).toEqual([1, 44, 500000, 0, 2, '1', 0]);
  });

  it('accounts for every row: scored + warned + rejected = rows, rejected rows are NaN', () => {
    const r = ingestAll(csv([{}, { alder: 'x' }, { alder: '' }, {}]), card);
    expect(Array.from(r.status)).toEqual([0, 2, 1, 0]);
    expect(r.counts).toEqual({ scored: 2, warned: 1, rejected: 1, emptyLines: 0 });
    expect(Array.from(r.features.subarray(names.length, 2 * names.length)).every(Number.isNaN)).toBe(true);
    expect(r.features[2 * names.length]).toBeNaN(); // missing alder: NaN, warned
    expect(r.rowProblems.problems.map((p) => [p.code, p.line])).toEqual([
      ['csv.not_a_number', 3],
      ['csv.missing_value', 4],
    ]);
    expect(Array.from(r.rowProblems.row)).toEqual([1, 2]);
  });

  it('says an unterminated quote in an early column once, without also calling the cut-short row ragged', () => {
    const r = ingestAll(csv([{}, { alder: '"44' }], 'siste linje\r\n'), card);
    expect(Array.from(r.status)).toEqual([0, 2]);
    expect(r.rowProblems.problems.map((p) => [p.code, p.line, p.column])).toEqual([['csv.unterminated_quote', 3, 2]]);
  });

  it('reads the label as 1, 0 or unknown, and never as a feature', () => {
    const r = ingestAll(csv([{ feil_fradrag: '1' }, { feil_fradrag: 'ja' }, { feil_fradrag: '' }, { feil_fradrag: '2' }]), card);
    expect(Array.from(r.label ?? [])).toEqual([1, 1, NaN, NaN]);
    expect(r.rowProblems.problems.map((p) => p.code)).toEqual(['csv.label_invalid']);
    expect(r.status[3]).toBe(1);
  });

  it('scales a percentage to a share when the feature is trained on shares', () => {
    const share: ModelCard = structuredClone(card);
    const f = share.features[names.indexOf('stillingsprosent')];
    f.training.min = 0;
    f.training.max = 1;
    const r = ingestAll(csv([{ stillingsprosent: '80 %' }, { stillingsprosent: '0,8' }]), share);
    const j = names.indexOf('stillingsprosent');
    expect([r.features[j], r.features[names.length + j]]).toEqual([Math.fround(0.8), Math.fround(0.8)]);
  });

  it('switches to windows-1252 when æøå appear only after an ASCII first 64 KB, and says where', () => {
    const bytes = lateWindows1252();
    const r = ingestAll(bytes, card);
    expect(r.passthrough.columns[0][r.rows - 1]).toBe('Tromsø');
    expect(r.problems.find((p) => p.code === 'csv.encoding_switched')?.line).toBe(r.line[r.rows - 1]);
    expect(r.rows).toBe(2001);
  });

  it('counts empty lines and rows of empty fields without giving them row slots', () => {
    const r = ingestAll(encode(`skattyter_id;${names.join(';')}\n\n1;${names.map(() => '1').join(';')}\n;;;\n  \n`), card);
    expect([r.rows, r.counts.emptyLines, r.line[0]]).toEqual([1, 3, 3]);
  });

  it('keeps full detail for the first MAX_ROW_PROBLEMS row problems and counts them all', () => {
    const rows = MAX_ROW_PROBLEMS + 5;
    const line = ';' + names.map((n) => (n === 'alder' ? '' : '1')).join(';') + '\n';
    const bytes = encode(`skattyter_id;${names.join(';')}\n` + line.repeat(rows));
    const r = ingestAll(bytes, card);
    expect(r.rowProblems.problems.length).toBe(MAX_ROW_PROBLEMS);
    expect(r.problemCounts.get('csv.missing_value')).toBe(rows);
    expect(r.problemCounts.get('csv.missing_id')).toBe(rows);
    expect(r.problems.find((p) => p.code === 'csv.problems_truncated')?.params).toEqual({ shown: MAX_ROW_PROBLEMS, total: 2 * rows });
    expect(r.counts.warned).toBe(rows);
  });

  it('refuses to be pushed after it finished', () => {
    const ingest = new Ingest(card);
    ingest.finish();
    expect(() => ingest.push(new Uint8Array(1))).toThrow();
  });
});
