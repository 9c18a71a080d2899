import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureCard } from '../../../../test/csv/helpers';
import { sniff } from '../../core/csv/sniff';
import { SNIFF_BYTES } from '../../core/csv/options';
import { hasMessage } from '../../i18n/translate';
import { decimalKey, decimalSourceKey, delimiterKey, encodingKey, matchKey, newlineKey, sourceKey, summarizeSniff } from './sniff-summary';

const card = fixtureCard();
const bytes = (path: string) => new Uint8Array(readFileSync(`test/fixtures/csv/${path}`)).subarray(0, SNIFF_BYTES);
const golden = JSON.parse(readFileSync('test/fixtures/csv/golden/expected.json', 'utf8')) as { passthrough: { header: string[] }; ids: string[] };
const hostile = JSON.parse(readFileSync('test/fixtures/csv/hostile/expected.json', 'utf8')) as Record<string, { ids?: string[] }>;

describe('summarizeSniff', () => {
  it('maps every feature of the Windows-1252 semicolon golden file, and keeps the columns Python wrote as passthrough', () => {
    const s = summarizeSniff(sniff(bytes('golden/cp1252-semicolon-crlf.csv'), card), card);
    expect(s.missing).toEqual([]);
    expect(s.features.map((f) => f.feature)).toEqual(card.features.map((f) => f.name));
    expect(s.features.every((f) => f.column >= 0 && f.header !== null)).toBe(true);
    expect(s.extra).toEqual(golden.passthrough.header);
    expect(s.idHeader).toBe('Skattyter ID');
    expect(s.labelHeader).toBe('Feil fradrag');
  });

  it('says how each header was matched: exact, normalised or by alias', () => {
    const s = summarizeSniff(sniff(bytes('golden/cp1252-semicolon-crlf.csv'), card), card);
    const byFeature = new Map(s.features.map((f) => [f.feature, f]));
    expect(byFeature.get('sentralitet')!.match).toBe('exact');
    expect(byFeature.get('lonnsinntekt')!.header).toBe('Lønnsinntekt');
    expect(byFeature.get('lonnsinntekt')!.match).toBe('normalized');
  });

  it('shows the first data rows as written, ids with their leading zeros', () => {
    const s = summarizeSniff(sniff(bytes('golden/cp1252-semicolon-crlf.csv'), card), card, {}, 3);
    expect(s.rows).toHaveLength(3);
    expect(s.rows.map((r) => r[0])).toEqual(golden.ids.slice(0, 3));
    expect(s.rows[0]).toContain('Åse Ødegård');
  });

  it('names the features the Python fixture writer left out, in card order', () => {
    const s = summarizeSniff(sniff(bytes('hostile/missing-features.csv'), card), card);
    expect(s.missing).toEqual(['reisefradrag', 'eier_bolig']);
  });

  it('stops counting a nullable feature as missing once the user chooses to go without it', () => {
    const options = { mapping: { reisefradrag: null } };
    const s = summarizeSniff(sniff(bytes('hostile/missing-features.csv'), card, options), card, options);
    expect(s.missing).toEqual(['eier_bolig']);
    expect(s.features.find((f) => f.feature === 'reisefradrag')!.absent).toBe(true);
  });

  it('keeps counting a required feature as missing even when the mapping sets it to null', () => {
    const options = { mapping: { eier_bolig: null } };
    const s = summarizeSniff(sniff(bytes('hostile/missing-features.csv'), card, options), card, options);
    expect(s.missing).toContain('eier_bolig');
  });

  it('masks national identity numbers in the sample rows, keeping the last two digits', () => {
    const s = summarizeSniff(sniff(bytes('hostile/national-id.csv'), card), card);
    expect(s.nationalIdHeaders).toEqual(['fnr', 'ektefelle_fnr']);
    expect(s.idHeader).toBe('fnr');
    const j = s.header.indexOf('fnr');
    const ids = hostile['national-id.csv'].ids!;
    s.rows.forEach((row, i) => {
      expect(row[j]).not.toBe(ids[i]);
      expect(row[j].endsWith(ids[i].slice(-2))).toBe(true);
      expect(row.some((cell) => /^\d{11}$/.test(cell.trim()))).toBe(false);
    });
  });

  it('shows no rows and no header for an empty file, and every feature as missing', () => {
    const s = summarizeSniff(sniff(new Uint8Array(0), card), card);
    expect(s.rows).toEqual([]);
    expect(s.header).toEqual([]);
    expect(s.missing).toHaveLength(card.features.length);
  });

  it('shows a header-only file with no rows', () => {
    const s = summarizeSniff(sniff(new TextEncoder().encode('skattyter_id;alder\n'), card), card);
    expect(s.header).toEqual(['skattyter_id', 'alder']);
    expect(s.rows).toEqual([]);
  });
});

describe('the preview message keys', () => {
  it('have a sentence for every encoding, separator, line ending, source, match and decimal convention', () => {
    const keys = [
      ...(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const).map(encodingKey),
      ...([',', ';', '\t', '|'] as const).map(delimiterKey),
      ...(['\r\n', '\n', '\r'] as const).map(newlineKey),
      ...(['bom', 'detected', 'option', 'sep-line'] as const).map(sourceKey),
      ...(['exact', 'normalized', 'alias', 'option'] as const).map(matchKey),
      ...([',', '.'] as const).map(decimalKey),
      ...(['values', 'file', 'option'] as const).map(decimalSourceKey),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });
});
