import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchSpec, JOB_ROW_CODES, planCsv, planParquet } from '../../src/cli/batch-spec';
import { readModel } from '../../src/lib/core/model/read-card';
import { CSV_PROBLEMS } from '../../src/lib/core/csv/codes';

const card = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx'))).card!;
const model = { path: 'm.onnx', name: 'm.onnx', sha256: '0', card: '{}', outputSpace: 'log-odds' as const };

describe('the Spark job spec', () => {
  it('plans the Norwegian Excel file as intake does: windows-1252, semicolons, decimal commas where the values show them', () => {
    const planned = planCsv(readFileSync('test/fixtures/excel/demo-sample-excel-nb.csv').subarray(0, 65536), card, {});
    const spec = batchSpec({ card, planned, locale: 'nb', input: { path: 'x.csv', kind: 'csv', name: 'x.csv' }, output: 'o.parquet', model, explain: false });
    expect(spec.csv.encoding).toBe('windows-1252');
    expect(spec.csv.delimiter).toBe(';');
    expect(spec.csv.skipRecords).toBe(1);
    expect(spec.rules.find((r) => r.name === 'avstand_reg_km')!.decimalComma).toBe(true);
    expect(spec.rules.map((r) => r.name)).toEqual(card.features.map((f) => f.name));
    expect(spec.rules.find((r) => r.name === 'har_enk')!.words).toMatchObject({ ja: 1, nei: 0 });
  });

  it('hands over one sentence per row code, the task words in and the location left for the job', () => {
    const planned = planCsv(readFileSync('public/demo/demo-sample.csv').subarray(0, 65536), card, {});
    const spec = batchSpec({ card, planned, locale: 'en', input: { path: 'x.csv', kind: 'csv', name: 'x.csv' }, output: 'o.parquet', model, explain: false });
    for (const code of JOB_ROW_CODES) {
      expect(code in CSV_PROBLEMS).toBe(true);
      expect(spec.templates[code]).toContain('{line}');
      // Only the problem's own parameters remain as placeholders.
      const left = [...spec.templates[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const own = ['line', 'column', 'field', ...CSV_PROBLEMS[code].params];
      expect(left.filter((p) => !own.includes(p))).toEqual([]);
    }
  });

  it('maps a Parquet file by its column names with the same rules', () => {
    const names = ['skattyter_id', ...card.features.map((f) => f.name)];
    const planned = planParquet(names, card);
    expect(planned.plan.blocked).toBe(false);
    expect(Array.from(planned.plan.featureColumns)).toEqual(card.features.map((_, i) => i + 1));
    expect(planned.plan.idColumn).toBe(0);
  });
});
