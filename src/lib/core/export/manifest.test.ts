import { describe, expect, it } from 'vitest';
import { EXCEL_NORWEGIAN } from './csv-writer';
import { buildManifest, manifestJson, type ManifestInput } from './manifest';
import { manifestDecisions } from '../decisions/manifest-decisions';

const hash = (c: string) => c.repeat(64);

function input(over: Partial<ManifestInput> = {}): ManifestInput {
  return {
    app: { name: 'deduction-risk-explorer', version: '0.1.0' },
    model: { id: 'fradrag-lgbm', version: '2024.1', sha256: hash('a') },
    input: {
      fileName: 'utdrag.csv',
      sizeBytes: 123456,
      sha256: hash('b'),
      encoding: 'utf-8',
      delimiter: ';',
      decimal: ',',
      mapping: { reisefradrag: 'Reisefradrag', gaver_krevd: null },
    },
    rows: { total: 1000, scored: 990, byStatus: { ok: 990, rejected: 10 } },
    selection: { capacity: 200, controlShare: 0.1, seed: 18446744073709551615n, listOrder: 'grouped', modelCount: 180, controlCount: 20 },
    export: {
      fileName: 'kontrolliste.csv',
      dialect: EXCEL_NORWEGIAN,
      rows: 100,
      columns: ['skattyter_id', 'utvalg'],
      sha256: hash('c'),
      nationalIds: { columns: ['skattyter_id'], exported: 'masked' },
    },
    createdAt: '2025-03-14T09:26:53Z',
    decisions: manifestDecisions([], 1000, { modelSha256: hash('a'), inputSha256: hash('b') }),
    ...over,
  };
}

describe('buildManifest', () => {
  it('records what is needed to rebuild the list: hashes, reading choices, capacity, share, seed and rules', () => {
    const m = buildManifest(input());
    expect(m.manifest_schema).toBe('deduction-risk-export-manifest');
    expect(m.created_at).toBe('2025-03-14T09:26:53Z');
    expect(m.model).toEqual({ id: 'fradrag-lgbm', version: '2024.1', sha256: hash('a') });
    expect(m.input).toMatchObject({ file_name: 'utdrag.csv', size_bytes: 123456, encoding: 'utf-8', delimiter: ';', decimal: ',' });
    expect(m.input.mapping).toEqual({ reisefradrag: 'Reisefradrag', gaver_krevd: null });
    expect(m.rows).toEqual({ total: 1000, scored: 990, by_status: { ok: 990, rejected: 10 } });
    expect(m.selection).toMatchObject({ capacity: 200, control_share: 0.1, list_order: 'grouped', model_count: 180, control_count: 20, total: 200 });
    expect(m.selection.rules.random_generator).toMatch(/xoshiro128\*\*/);
    expect(m.export).toMatchObject({ dialect: 'excel-nb', delimiter: ';', decimal: ',', bom: true, rows: 100 });
  });

  it('says which exported columns hold national ids, whether they went out masked, and what became of control characters', () => {
    const m = buildManifest(input());
    expect(m.manifest_version).toBe(3);
    expect(m.export.national_ids).toEqual({ columns: ['skattyter_id'], exported: 'masked' });
    expect(m.export.control_characters).toMatch(/U\+0000.*U\+FFFD/);
  });

  it('holds an explicit empty decision log whose head is the chain\'s start, SHA-256 of "<model>|<input>"', () => {
    const m = buildManifest(input());
    // python3 -c "import hashlib; print(hashlib.sha256(('a'*64+'|'+'b'*64).encode()).hexdigest())"
    expect(m.decisions).toMatchObject({ count: 0, head: 'dfb484fa87938837327c83b4a7e3483a33a3dcd868655a1495e63b0886ae0b76', kept: 0, removed: 0, added: 0, unsigned: 0, log: [] });
    expect(m.decisions.chain).toMatch(/JSON\.stringify\(\{seq,time,row,line,decision,reason,by,prev\}\)/);
    expect(() => buildManifest(input({ decisions: { ...input().decisions, head: 'x' } }))).toThrow(/decisions head/);
  });

  it('keys the list by its model, input and choices: the first 16 hex digits of SHA-256 of their canonical string', () => {
    // python3: hashlib.sha256(('a'*64 + '|' + 'b'*64 + '|200|0.1|18446744073709551615').encode()).hexdigest()[:16]
    expect(buildManifest(input()).selection.list_key).toBe('89ecddf8d584b768');
    const other = input();
    other.selection = { ...other.selection, seed: 7 };
    expect(buildManifest(other).selection.list_key).not.toBe('89ecddf8d584b768');
  });

  it('records where taken scores came from as input.scores_from, after the mapping, and writes nothing of it when the app scored the file', () => {
    const plain = manifestJson(buildManifest(input()));
    expect(plain).not.toContain('scores_from');
    const from = { kind: 'batch' as const, modelSha256: hash('a'), inputName: 'utdrag.csv', inputSha256: hash('d'), checked: 1000, matched: 1000, contributions: true };
    const base = input();
    const m = buildManifest({ ...base, input: { ...base.input, scoresFrom: from } });
    expect(Object.keys(m.input)).toEqual(['file_name', 'size_bytes', 'sha256', 'encoding', 'delimiter', 'decimal', 'mapping', 'scores_from']);
    expect(m.input.scores_from).toEqual({ kind: 'batch', model_sha256: hash('a'), input_name: 'utdrag.csv', input_sha256: hash('d'), checked: 1000, matched: 1000, contributions: true });
    // Everything else as without it: the same text once the key's lines are taken out.
    const text = manifestJson(m);
    const at = text.indexOf(',\n    "scores_from"');
    const close = '\n    }';
    expect(text.slice(0, at) + text.slice(text.indexOf(close, at) + close.length)).toBe(plain);
  });

  it('names the model’s features that match a prohibited characteristic, and writes the key only when there are any', () => {
    const hit = { feature: 'kjonn', matched: 'kjønn' };
    const m = buildManifest(input({ model: { id: 'x', version: '1', sha256: hash('a'), prohibitedFeatures: [hit] } }));
    expect(m.model.prohibited_features).toEqual([hit]);
    expect(Object.keys(m.model)).toEqual(['id', 'version', 'sha256', 'prohibited_features']);
    expect('prohibited_features' in buildManifest(input({ model: { id: 'x', version: '1', sha256: hash('a'), prohibitedFeatures: [] } })).model).toBe(false);
    expect('prohibited_features' in buildManifest(input()).model).toBe(false);
  });

  it('keeps a 64-bit seed exact by writing it as a decimal string', () => {
    const json = manifestJson(buildManifest(input()));
    expect(JSON.parse(json).selection.seed).toBe('18446744073709551615');
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('is the same JSON for the same input, so two runs can be compared byte for byte', () => {
    expect(manifestJson(buildManifest(input()))).toBe(manifestJson(buildManifest(input())));
  });

  it('does not share objects with its input', () => {
    const i = input();
    const m = buildManifest(i);
    i.input.mapping.reisefradrag = 'changed';
    expect(m.input.mapping.reisefradrag).toBe('Reisefradrag');
  });

  it('refuses a malformed hash or a timestamp without an offset', () => {
    expect(() => buildManifest(input({ createdAt: '2025-03-14 09:26' }))).toThrow(/ISO 8601/);
    expect(() => buildManifest(input({ createdAt: '2025-03-14T09:26:53' }))).toThrow(/ISO 8601/);
    expect(() => buildManifest(input({ model: { id: 'm', version: '1', sha256: 'ABC' } }))).toThrow(/sha256/);
    expect(buildManifest(input({ createdAt: '2025-03-14T10:26:53.120+01:00' })).created_at).toBe('2025-03-14T10:26:53.120+01:00');
  });
});

describe('an export and its manifest', () => {
  it('rebuild the same bytes from the parameters the manifest records', async () => {
    const { rankOrder } = await import('../metrics/rank-order');
    const { selectWithControl } = await import('../select/control-sample');
    const { csvChunks } = await import('./csv-writer');
    const { sha256Hex } = await import('./sha256');
    const prob = Float32Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) / 5000);
    const ids = Array.from({ length: 5000 }, (_, i) => `ID-${i}`);

    async function exportList(capacity: number, controlShare: number, seed: bigint) {
      const s = selectWithControl(rankOrder(prob), prob, { capacity, controlShare, seed, listOrder: 'shuffled' });
      const columns = [
        { header: 'skattyter_id', text: ids },
        { header: 'sannsynlighet', numbers: prob, decimals: 4 },
        { header: 'utvalg', text: (r: number) => (s.kindByRow[r] === 1 ? 'modell' : 'kontroll') },
      ];
      return sha256Hex(csvChunks(columns, s.rows, EXCEL_NORWEGIAN));
    }

    const first = await exportList(200, 0.1, 2018n);
    const recorded = input({
      selection: { capacity: 200, controlShare: 0.1, seed: 2018n, listOrder: 'shuffled', modelCount: 180, controlCount: 20 },
      export: { ...input().export, sha256: first },
    });
    const m = JSON.parse(manifestJson(buildManifest(recorded)));
    const other = await exportList(m.selection.capacity, m.selection.control_share, BigInt(m.selection.seed) + 1n);
    expect(other).not.toBe(first); // another seed gives another file…
    const rebuilt = await exportList(m.selection.capacity, m.selection.control_share, BigInt(m.selection.seed));
    expect(rebuilt).toBe(m.export.sha256); // …the recorded one gives the same bytes.
  });
});
