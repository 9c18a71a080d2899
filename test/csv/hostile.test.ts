import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../src/lib/core/csv/ingest';
import { MAX_COLUMNS, MAX_RECORD_CHARS } from '../../src/lib/core/csv/options';
import { sniff } from '../../src/lib/core/csv/sniff';
import type { Problem } from '../../src/lib/core/problems';
import { encode, fixtureCard } from './helpers';

/** What models/csvfixtures/make_fixtures.py says each hostile file must raise. */
interface Truth {
  rows: number;
  problems?: Partial<Problem>[];
  rowProblems?: Partial<Problem>[];
  status?: number[];
  ids?: string[];
  idKind?: string;
  passthrough?: string[];
}

const truths = JSON.parse(readFileSync('test/fixtures/csv/hostile/expected.json', 'utf8')) as Record<string, Truth>;
const card = fixtureCard();
const names = card.features.map((f) => f.name);
const goodRow = ['40', '2', '1', '500000', '100', '12', '14', '200', '2000', '1', '0', '', '3', '4000'];
const header = `skattyter_id;${names.join(';')};merknad`;

/** Only the keys the truth names, so an expected problem is matched on code, line, column and params. */
const pick = (p: Problem, like: Partial<Problem>) => Object.fromEntries(Object.keys(like).map((k) => [k, p[k as keyof Problem]]));

describe.each(Object.entries(truths))('hostile file %s', (name, truth) => {
  const result = ingestAll(new Uint8Array(readFileSync(`test/fixtures/csv/hostile/${name}`)), card);

  it('raises exactly the expected file problems', () => {
    const interesting = result.problems.filter((p) => p.severity !== 'info' || truth.problems?.some((t) => t.code === p.code));
    expect(interesting.map((p, k) => pick(p, truth.problems?.[k] ?? {}))).toEqual(truth.problems ?? []);
  });

  it('raises exactly the expected row problems, at their lines', () => {
    const want = truth.rowProblems ?? [];
    expect(result.rowProblems.problems.map((p, k) => pick(p, want[k] ?? {}))).toEqual(want);
  });

  it('accounts for every row', () => {
    expect(result.rows).toBe(truth.rows);
    expect(result.counts.scored + result.counts.warned + result.counts.rejected).toBe(truth.rows);
    if (truth.status) expect(Array.from(result.status)).toEqual(truth.status);
    if (truth.ids) expect(result.ids).toEqual(truth.ids);
    if (truth.idKind) expect(result.idKind).toBe(truth.idKind);
    if (truth.passthrough) expect(result.passthrough.header).toEqual(truth.passthrough);
  });

  it('gives every problem a line number', () => {
    expect([...result.problems, ...result.rowProblems.problems].every((p) => Number.isInteger(p.line) && (p.line as number) >= 1)).toBe(true);
  });
});

describe('generated hostile input', () => {
  it('rejects a row with a 10 MB cell, names its line, and reads the rows around it', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const text = `${header}\n1;${goodRow.join(';')};ok\n2;${goodRow.join(';')};${big}\n3;${goodRow.join(';')};ok\n`;
    const r = ingestAll(encode(text), card);
    expect(Array.from(r.status)).toEqual([0, 2, 0]);
    expect(r.rowProblems.problems[0]).toMatchObject({ code: 'csv.record_too_long', line: 3, params: { limit: MAX_RECORD_CHARS, lines: 1 } });
    expect(r.ids).toEqual(['1', '', '3']);
  });

  it('blocks a header of 100,000 columns with one clear problem', () => {
    const wide = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(';');
    const r = ingestAll(encode(`${wide}\n${wide}\n`), card);
    expect(r.problems.map((p) => p.code)).toEqual(['csv.too_many_columns']);
    expect(r.problems[0].params?.count).toBeGreaterThan(MAX_COLUMNS);
    expect(r.rows).toBe(0);
  });

  it('blocks 20,000 short columns whose header fits the sample, naming the count', () => {
    const wide = Array.from({ length: 20_000 }, (_, i) => `${i % 10}`).join(';');
    const s = sniff(encode(`${wide}\n`), card);
    expect(s.problems[0]).toMatchObject({ code: 'csv.too_many_columns', line: 1, params: { count: 20_000, limit: MAX_COLUMNS } });
  });

  it('reads to the end past a quote left open early in a large file, counting the lines it swallowed', () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `${i + 10};${goodRow.join(';')};ok`);
    const text = `${header}\n1;${goodRow.join(';')};"opens\n${rows.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(MAX_RECORD_CHARS);
    const r = ingestAll(encode(text), card);
    expect(r.rows).toBe(1);
    expect(r.rowProblems.problems[0]).toMatchObject({ code: 'csv.unterminated_quote', line: 2, params: { lines: 120_001 } });
  });

  it('reads every return of a file whose rows end in a mix of CR LF, LF and a lone CR, and says the endings are mixed', () => {
    const endings = ['\r\n', '\n', '\r'];
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1};${goodRow.join(';')};"rad ${i + 1}\r\nmed linjeskift"${endings[i % 3]}`);
    const r = ingestAll(encode(`${header}\r\n${rows.join('')}`), card);
    expect(r.rows).toBe(20);
    expect(r.counts.rejected).toBe(0);
    expect(r.ids).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(Array.from(r.line)).toEqual(Array.from({ length: 20 }, (_, i) => 2 + 2 * i));
    expect(r.passthrough.columns[0][4]).toBe('rad 5\r\nmed linjeskift');
    // Line 3 is the second line of row 1's quoted cell; row 2 ends with the first LF, on line 5.
    expect(r.problems.find((p) => p.code === 'csv.mixed_line_endings')).toMatchObject({ line: 5, params: { endings: 'CRLF, LF' } });
  });

  it('says nothing about line endings when a CR LF file has bare LFs only inside quoted cells, as Excel writes them', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `${i + 1};${goodRow.join(';')};"to\nlinjer"\r\n`);
    const r = ingestAll(encode(`${header}\r\n${rows.join('')}`), card);
    expect(r.rows).toBe(5);
    expect(r.problems.map((p) => p.code)).not.toContain('csv.mixed_line_endings');
  });

  it('masks a national id quoted from a bad cell in every problem, whatever column it is in', () => {
    const bad = [...goodRow];
    bad[3] = 'fnr 01039011081';
    const r = ingestAll(encode(`${header}\n1;${bad.join(';')};ok\n`), card);
    expect(r.rowProblems.problems[0]).toMatchObject({ code: 'csv.not_a_number', line: 2, params: { value: 'fnr •••••••••81' } });
    expect(JSON.stringify(r.rowProblems.problems)).not.toContain('01039011081');
  });

  it('finds national ids in a notes column past the sample, warns about them and marks the column for masking', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i + 1};${goodRow.join(';')};${i === 2500 ? 'ring fnr 01039011081' : i === 2900 ? 'se 311299 56715' : 'ok'}`);
    const text = `${header}\n${rows.join('\n')}\n`;
    expect(text.indexOf('01039011081')).toBeGreaterThan(65536);
    const r = ingestAll(encode(text), card);
    const notes = r.plan.header.indexOf('merknad');
    expect(r.problems.find((p) => p.code === 'csv.national_ids_found')).toMatchObject({ line: 2502, column: notes + 1, field: 'merknad', params: { count: 2 } });
    expect(r.plan.columns[notes].nationalId).toBe(true);
  });

  it('notes every id and passthrough cell holding a control character, on its line, and keeps the row scored', () => {
    const r = ingestAll(encode(`${header}\n1;${goodRow.join(';')};ok\n2\u0000;${goodRow.join(';')};a\u0007b\n3;${goodRow.join(';')};a\u0007b\n`), card);
    expect(Array.from(r.status)).toEqual([0, 0, 0]);
    expect(r.rowProblems.problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['csv.control_characters', 3, 'skattyter_id'],
      ['csv.control_characters', 3, 'merknad'],
      ['csv.control_characters', 4, 'merknad'],
    ]);
  });

  it('survives random bytes after a valid header without hanging or throwing', () => {
    let seed = 7;
    const noise = Uint8Array.from({ length: 200_000 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 23);
    const head = encode(`${header}\n`);
    const bytes = new Uint8Array(head.length + noise.length);
    bytes.set(head);
    bytes.set(noise, head.length);
    const r = ingestAll(bytes, card);
    expect(r.problems.map((p) => p.code)).toContain('csv.not_text');
  });
});
