import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import type { FeatureCard } from '../model/card';
import type { ScoredFile } from '../pipeline/scored-file';
import { ranked } from '../pipeline/scored-file';
import { selectWithControl } from '../select/control-sample';
import { buildControlList, type ControlListJob } from './build-control-list';
import { RFC_4180 } from './csv-writer';
import { manifestJson } from './manifest';
import { sha256Hex } from './sha256';

/** A four-row file with one feature; row 2 was rejected. */
const feature = { name: 'reisefradrag', label: { nb: 'Reisefradrag', nn: 'Reisefrådrag', en: 'Travel deduction' }, unit: 'NOK', kind: 'continuous' } as FeatureCard;
const card = { model: { id: 'm', version: '1' }, features: [feature] } as ControlListJob['card'];
const file: ScoredFile = ranked({
  fileName: 'utdrag.csv',
  probability: Float32Array.of(0.1, 0.8, NaN, 0.4),
  ingest: {
    rows: 4,
    ids: ['A', 'B', 'C', 'D'],
    idKind: 'id',
    line: Uint32Array.of(2, 3, 4, 5),
    features: Float32Array.of(1000, 9000, NaN, 4000),
    passthrough: { header: [], columns: [] },
    counts: { scored: 3, warned: 0, rejected: 1, emptyLines: 0 },
    plan: { header: ['id', 'reisefradrag'], idColumn: 0, labelColumn: -1, featureColumns: [1], passthrough: [], columns: [{ nationalId: false }, { nationalId: false }], encoding: 'utf-8', delimiter: ',', decimal: '.' },
  } as unknown as ScoredFile['ingest'],
});
const input = new TextEncoder().encode('id,reisefradrag\nA,1000\nB,9000\nC,x\nD,4000\n');

function job(over: Partial<ControlListJob> = {}): ControlListJob {
  return {
    card,
    modelSha256: 'a'.repeat(64),
    file,
    input: { sizeBytes: input.length, chunks: [input.subarray(0, 7), input.subarray(7)] },
    selection: selectWithControl(file.order, file.probability, { capacity: 2, controlShare: 0.5, seed: 7n }),
    choices: { capacity: 2, controlShare: 0.5, seed: 7n },
    dialect: RFC_4180,
    listFileName: 'utdrag-kontrolliste.csv',
    explanation: (row) => Float32Array.of(row === 1 ? 0.7 : -0.2, -1),
    locale: 'en',
    t: (key, params) => translate('en', key, params),
    app: { name: 'deduction-risk-explorer', version: '0.1.0' },
    nationalIds: 'masked',
    createdAt: '2025-03-14T09:26:53Z',
    ...over,
  };
}

describe('buildControlList', () => {
  it('writes the list and a manifest that hashes the list and the input as given', async () => {
    const built = await buildControlList(job());
    const text = new TextDecoder().decode(Buffer.concat(built.bytes));
    expect(text.split('\r\n')[0]).toBe('id,rank,risk_percent,selection,reason_1,reason_2,reason_3,chosen_by');
    expect(built.list.positions).toHaveLength(2);
    expect(built.manifest.export).toMatchObject({ file_name: 'utdrag-kontrolliste.csv', rows: 2, sha256: await sha256Hex(built.bytes) });
    expect(built.manifest.input).toMatchObject({ file_name: 'utdrag.csv', size_bytes: input.length, sha256: await sha256Hex(input) });
    expect(built.manifest.selection).toMatchObject({ capacity: 2, control_share: 0.5, seed: '7', model_count: 1, control_count: 1 });
    expect(built.manifestText).toBe(manifestJson(built.manifest));
    expect(built.manifestFileName).toBe('utdrag-kontrolliste.manifest.json');
  });

  it('gives the same bytes and manifest for the same job, however the input is read', async () => {
    const a = await buildControlList(job());
    const b = await buildControlList(job({ input: { sizeBytes: input.length, chunks: (async function* () { yield input; })() } }));
    expect(Buffer.concat(b.bytes).equals(Buffer.concat(a.bytes))).toBe(true);
    expect(b.manifestText).toBe(a.manifestText);
  });

  it('leaves the reasons empty and says so when the model cannot be explained', async () => {
    const built = await buildControlList(job({ explanation: null }));
    // One listed row is the random control's, which needs no explanation.
    expect(built.list.unexplained).toBe(1);
    expect(built.list.problems.map((p) => p.code)).toEqual(['control_list.unexplained']);
  });
});
