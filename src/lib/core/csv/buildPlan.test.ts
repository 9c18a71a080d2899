import { describe, expect, it } from 'vitest';
import { fixtureCard } from '../../../../test/csv/helpers';
import { buildPlan, defaultDecimal } from './buildPlan';
import type { IngestOptions } from './options';
import { profileColumns, type ColumnProfile } from './profileColumns';

const card = fixtureCard();
const names = card.features.map((f) => f.name);
const dialect = { encoding: 'utf-8', delimiter: ';', newline: '\n' } as const;

function plan(header: string[], rows: string[][] = [], options: IngestOptions = {}) {
  return buildPlan(header, 1, dialect, profileColumns(header.length, rows), card, options);
}

const codes = (r: ReturnType<typeof plan>) => r.problems.map((p) => p.code);

describe('buildPlan', () => {
  it('maps every feature of a header spelt exactly as the card, in card order', () => {
    const header = ['skattyter_id', ...[...names].reverse(), 'feil_fradrag', 'navn'];
    const { plan: p, problems } = plan(header);
    expect(problems.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(Array.from(p.featureColumns)).toEqual(names.map((n) => header.indexOf(n)));
    expect(p.columns.every((c) => c.role !== 'feature' || c.match === 'exact')).toBe(true);
    expect([p.idColumn, p.labelColumn, p.idKind, p.passthrough, p.blocked]).toEqual([0, header.length - 2, 'id', [header.length - 1], false]);
  });

  it('matches Norwegian spellings after normalising, then the card aliases', () => {
    const header = names.map((n) => (n === 'lonnsinntekt' ? 'Lønnsinntekt' : n === 'sykefravaer_dager' ? 'Sykefravær dager' : n === 'alder' ? 'age' : n));
    const { plan: p } = plan(header);
    const col = (n: string) => p.columns[p.featureColumns[names.indexOf(n)]];
    expect(col('lonnsinntekt')).toMatchObject({ header: 'Lønnsinntekt', match: 'normalized' });
    expect(col('sykefravaer_dager')).toMatchObject({ match: 'normalized' });
    expect(col('alder')).toMatchObject({ header: 'age', match: 'alias' });
  });

  it('never lets a weak match take a column another feature names exactly', () => {
    // 'lonn' is an alias of lonnsinntekt; an exact 'lonnsinntekt' column must still win.
    const header = [...names, 'lonn'];
    const { plan: p } = plan(header);
    expect(p.columns[p.featureColumns[names.indexOf('lonnsinntekt')]].header).toBe('lonnsinntekt');
    expect(p.columns[header.length - 1].role).toBe('passthrough');
  });

  it('names every missing feature in one problem, and blocks', () => {
    const { plan: p, problems } = plan(names.filter((n) => n !== 'alder' && n !== 'reisefradrag'));
    const missing = problems.find((x) => x.code === 'csv.missing_features');
    expect(missing?.params).toEqual({ features: 'alder, reisefradrag', count: 2 });
    expect(p.blocked).toBe(true);
  });

  it('follows the user mapping, by header name', () => {
    const header = names.map((n) => (n === 'alder' ? 'Alder i år' : n));
    const { plan: p, problems } = plan(header, [], { mapping: { alder: 'Alder i år' } });
    expect(p.columns[p.featureColumns[0]]).toMatchObject({ header: 'Alder i år', match: 'option' });
    expect(codes({ plan: p, problems })).not.toContain('csv.missing_features');
  });

  it('lets the user leave out a nullable feature, with a warning, but not a required one', () => {
    const without = names.filter((n) => n !== 'reisefradrag' && n !== 'alder');
    const r = plan(without, [], { mapping: { reisefradrag: null, alder: null } });
    expect(codes(r)).toContain('csv.feature_absent');
    expect(r.problems.find((x) => x.code === 'csv.missing_features')?.params).toEqual({ features: 'alder', count: 1 });
  });

  it('reports a mapping to a header that is not there, and keys it does not know', () => {
    const r = plan(names, [], { mapping: { alder: 'Finnes ikke', bogus: 'alder' } });
    expect(codes(r)).toEqual(expect.arrayContaining(['csv.mapping_unknown_header', 'csv.mapping_unknown_key']));
  });

  it('is not fooled by prototype-like mapping keys and headers', () => {
    const mapping = JSON.parse('{"__proto__": "alder", "constructor": null}') as Record<string, string | null>;
    const r = plan([...names, '__proto__', 'constructor', 'toString'], [], { mapping });
    expect(r.plan.passthrough.map((j) => r.plan.header[j])).toEqual(['__proto__', 'constructor', 'toString']);
    expect(r.plan.blocked).toBe(false);
  });

  it('warns of a duplicate header and uses the first', () => {
    const r = plan([...names, 'alder']);
    expect(r.problems.find((x) => x.code === 'csv.duplicate_header')).toMatchObject({ column: names.length + 1, params: { first: 1 } });
    expect(r.plan.featureColumns[0]).toBe(0);
  });

  it('warns when differently spelt columns fit the same feature', () => {
    const r = plan(['Alder', ...names.slice(1), 'ALDER']);
    expect(r.problems.find((x) => x.code === 'csv.ambiguous_mapping')?.params).toEqual({ feature: 'alder', columns: 'Alder (1), ALDER (15)' });
  });

  it('takes an unnamed column of national identity numbers as the id, flagged for masking', () => {
    const rows = [['02016126007', ...names.map(() => '1')], ['31129956715', ...names.map(() => '2')]];
    const r = plan(['person', ...names], rows);
    expect([r.plan.idColumn, r.plan.idKind, r.plan.columns[0].nationalId]).toEqual([0, 'national-id', true]);
  });

  it('refuses to feed a feature from a column of national identity numbers', () => {
    const rows = [['02016126007', ...names.slice(1).map(() => '1')]];
    const r = plan(names, rows);
    expect(codes(r)).toContain('csv.national_id_as_feature');
    expect(r.plan.featureColumns[0]).toBe(-1);
    expect(r.plan.blocked).toBe(true);
  });

  it('says the header is missing when the first line is data, and nothing else', () => {
    const r = plan(['1', '40', '2', '500 000', 'ja']);
    expect(codes(r)).toEqual(['csv.header_missing']);
  });

  it('keeps an empty unnamed column out of the passthrough', () => {
    const r = plan([...names, ''], [[...names.map(() => '1'), '']]);
    expect(r.plan.columns[names.length].role).toBe('ignored');
  });

  it('handles an empty header', () => {
    const r = plan([]);
    expect(r.plan.columns).toEqual([]);
    expect(r.plan.blocked).toBe(true);
  });

  it('decides each column decimal from its own values, else the file majority, else the delimiter', () => {
    const header = [...names];
    const rows = [names.map((n) => (n === 'avstand_reg_km' ? '1 234,5' : n === 'lonnsinntekt' ? '1,234.5' : '1'))];
    const r = plan(header, rows);
    const col = (n: string) => r.plan.columns[names.indexOf(n)];
    expect(col('avstand_reg_km')).toMatchObject({ decimal: ',', decimalSource: 'values' });
    expect(col('lonnsinntekt')).toMatchObject({ decimal: '.', decimalSource: 'values' });
    expect(col('alder')).toMatchObject({ decimal: ',', decimalSource: 'file' });
    expect(plan(header, rows, { decimal: '.' }).plan.columns[0]).toMatchObject({ decimal: '.', decimalSource: 'option' });
  });
});

describe('defaultDecimal', () => {
  const profile = (comma: number, point: number): ColumnProfile => ({ filled: 1, numeric: 1, comma, point, ambiguous: 0, nationalIds: 0, elevenDigits: 0 });
  it('follows the majority of proving cells', () => {
    expect(defaultDecimal([profile(3, 1), profile(0, 1)], ',')).toBe(',');
    expect(defaultDecimal([profile(1, 3)], ';')).toBe('.');
  });
  it('without evidence, reads a semicolon file as decimal comma and others as decimal point', () => {
    expect(defaultDecimal([], ';')).toBe(',');
    expect(defaultDecimal([profile(1, 1)], ',')).toBe('.');
    expect(defaultDecimal([], '\t')).toBe('.');
  });
});
