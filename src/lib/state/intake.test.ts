import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureCard } from '../../../test/csv/helpers';
import type { IngestOptions } from '../core/csv/options';
import type { Explorer } from './explorer.svelte';
import { Intake } from './intake.svelte';
import { TAB_CEILING_ROWS } from '../core/csv/tab-ceiling';

const card = fixtureCard();
const file = (path: string) => new Blob([readFileSync(`test/fixtures/csv/${path}`)]);

/** The part of Explorer that Intake uses: the model's card, and score() recorded instead of run. */
function fakeExplorer() {
  const calls: { name: string; options: IngestOptions }[] = [];
  const explorer = { model: { card }, score: async (_file: Blob, name: string, options: IngestOptions) => void calls.push({ name, options }) };
  return { explorer: explorer as unknown as Explorer, calls };
}

describe('Intake', () => {
  it('names a model file chosen as the CSV by its bytes, whatever its name, and shows no preview', async () => {
    const { explorer, calls } = fakeExplorer();
    const intake = new Intake(explorer);
    await intake.open(new Blob([readFileSync('test/fixtures/exporters/sklearn-hgb/model.onnx')]), 'extract.csv');
    expect(intake.refused?.code).toBe('intake.is_model');
    expect(intake.sample).toBeNull();
    expect(intake.sniffed).toBeNull();
    intake.score();
    expect(calls).toEqual([]);
    await intake.open(file('golden/utf8-semicolon-lf.csv'), 'a.csv');
    expect(intake.refused).toBeNull();
    expect(intake.sniffed).not.toBeNull();
    expect(explorer.openCsv?.name).toBe('a.csv');
  });

  it('scores a Parquet file without a preview, and refuses one whose footer counts more rows than a tab takes', async () => {
    const { explorer, calls } = fakeExplorer();
    const intake = new Intake(explorer);
    await intake.open(new Blob([readFileSync('test/fixtures/parquet/typed.parquet')]), 'uttrekk.parquet');
    expect(intake.refused).toBeNull();
    expect(intake.sample).toBeNull();
    expect(calls).toEqual([{ name: 'uttrekk.parquet', options: undefined }]);
    await intake.open(new Blob([readFileSync('test/fixtures/parquet/many-rows.parquet')]), 'alle.parquet');
    expect(intake.refused).toMatchObject({ code: 'intake.over_ceiling', field: 'alle.parquet', params: { rows: 6_000_001, ceiling: TAB_CEILING_ROWS, command: 'npm run batch' } });
    expect(calls.length).toBe(1);
  });

  it('refuses up front, from its size and first lines, a file with more rows than a tab takes, and shows no preview', async () => {
    const { explorer, calls } = fakeExplorer();
    const intake = new Intake(explorer);
    // A real extract's start, in a Blob that says it is as long as 10 million such rows (nothing past the sample is read).
    const start = readFileSync('test/fixtures/csv/golden/utf8-semicolon-lf.csv');
    const perRow = start.length / (start.toString('utf8').split('\n').length - 1);
    const huge = { size: Math.round(perRow * 10_000_001), slice: (a: number, b: number) => new Blob([start.subarray(a, b)]) } as unknown as Blob;
    await intake.open(huge, 'national.csv');
    expect(intake.refused?.code).toBe('intake.over_ceiling');
    expect(intake.refused?.field).toBe('national.csv');
    expect(intake.refused?.params?.ceiling).toBe(TAB_CEILING_ROWS);
    expect(intake.refused?.params?.rows).toBe(10_000_000);
    expect(intake.sample).toBeNull();
    intake.score();
    expect(calls).toEqual([]);
    // A national extract, 4.6 million rows, is under the ceiling: previewed as any other file.
    const national = { size: Math.round(perRow * 4_600_001), slice: huge.slice } as unknown as Blob;
    await intake.open(national, 'national.csv');
    expect(intake.refused).toBeNull();
    expect(intake.sniffed?.plan.blocked).toBe(false);
  });

  it('sniffs a chosen file and scores it with the options shown', async () => {
    const { explorer, calls } = fakeExplorer();
    const intake = new Intake(explorer);
    await intake.open(file('golden/cp1252-semicolon-crlf.csv'), 'excel.csv');
    expect(intake.sniffed?.plan.encoding).toBe('windows-1252');
    expect(intake.sniffed?.plan.delimiter).toBe(';');
    intake.score();
    expect(calls).toEqual([{ name: 'excel.csv', options: { encoding: 'auto', delimiter: 'auto' } }]);
    expect(intake.file).toBeNull();
  });

  it('reads the sample again when the user overrides the separator', async () => {
    const { explorer } = fakeExplorer();
    const intake = new Intake(explorer);
    await intake.open(file('golden/utf8-semicolon-lf.csv'), 'a.csv');
    expect(intake.sniffed?.plan.blocked).toBe(false);
    intake.delimiter = '|';
    expect(intake.sniffed?.plan.delimiter).toBe('|');
    expect(intake.sniffed?.plan.blocked).toBe(true);
  });

  it('refuses to score a file the preview says is blocked', async () => {
    const { explorer, calls } = fakeExplorer();
    const intake = new Intake(explorer);
    await intake.open(file('hostile/missing-features.csv'), 'm.csv');
    intake.score();
    expect(calls).toEqual([]);
    expect(intake.file).not.toBeNull();
  });

  it('passes the user mapping on, and then scores a file it unblocked', async () => {
    const { explorer, calls } = fakeExplorer();
    const intake = new Intake(explorer);
    await intake.open(file('hostile/missing-features.csv'), 'm.csv');
    // reisefradrag may be missing; eier_bolig may not, so the file stays blocked until merknad stands in for it.
    intake.mapping = { reisefradrag: null, eier_bolig: 'merknad' };
    expect(intake.sniffed?.plan.blocked).toBe(false);
    intake.score();
    expect(calls[0].options.mapping).toEqual({ reisefradrag: null, eier_bolig: 'merknad' });
  });

  it('lets a newer file settle an older one still being read, and a fresh file start from automatic', async () => {
    const { explorer } = fakeExplorer();
    const intake = new Intake(explorer);
    await intake.open(file('golden/utf8-comma-lf.csv'), 'first.csv');
    intake.delimiter = ';';
    const older = intake.open(file('golden/utf8-comma-lf.csv'), 'older.csv');
    const newer = intake.open(file('golden/utf8-tab-lf.csv'), 'newer.csv');
    await Promise.all([older, newer]);
    expect(intake.fileName).toBe('newer.csv');
    expect(intake.delimiter).toBe('auto');
    expect(intake.sniffed?.plan.delimiter).toBe('\t');
  });

  it('shows nothing before the model is loaded', async () => {
    const intake = new Intake({ model: null } as unknown as Explorer);
    await intake.open(file('golden/utf8-comma-lf.csv'), 'a.csv');
    expect(intake.sniffed).toBeNull();
  });
});
