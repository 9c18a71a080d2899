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
import { appendDecision } from '../decisions/append-decision';
import { verifyManifestDecisions } from '../decisions/manifest-decisions';
import type { DecisionEntry } from '../decisions/decision-entry';

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
    expect(text.split('\r\n')[0]).toBe('id,rank,risk_percent,selection,reason_1,reason_2,reason_3,chosen_by,decision,decision_reason');
    expect(built.list.positions).toHaveLength(2);
    expect(built.manifest.export).toMatchObject({ file_name: 'utdrag-kontrolliste.csv', rows: 2, sha256: await sha256Hex(built.bytes) });
    expect(built.manifest.input).toMatchObject({ file_name: 'utdrag.csv', size_bytes: input.length, sha256: await sha256Hex(input) });
    expect(built.manifest.selection).toMatchObject({ capacity: 2, control_share: 0.5, seed: '7', model_count: 1, control_count: 1 });
    expect(built.manifestText).toBe(manifestJson(built.manifest));
    expect(built.manifestFileName).toBe('utdrag-kontrolliste.manifest.json');
  });

  it('keeps a sensitive passthrough column off the list when asked, and the manifest says which', async () => {
    const withCivil = ranked({ ...file, ingest: { ...file.ingest, passthrough: { header: ['kommunenr', 'sivilstand'], columns: [['0301', '5001', '0301', '1103'], ['gift', 'ugift', 'gift', 'skilt']] } } as unknown as ScoredFile['ingest'] });
    const all = await buildControlList(job({ file: withCivil }));
    expect(new TextDecoder().decode(Buffer.concat(all.bytes)).split('\r\n')[0]).toMatch(/,kommunenr,sivilstand$/);
    expect('left_out' in all.manifest.export).toBe(false);
    const kept = await buildControlList(job({ file: withCivil, leaveOut: [1] }));
    const lines = new TextDecoder().decode(Buffer.concat(kept.bytes)).split('\r\n');
    expect(lines[0]).toMatch(/,kommunenr$/);
    expect(lines.join('\n')).not.toMatch(/gift|skilt/);
    expect(kept.manifest.export.left_out).toEqual(['sivilstand']);
    expect(kept.manifest.export.columns).not.toContain('sivilstand');
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

  it('writes the decisions into the list and the whole log into the manifest, which verifies on its own', async () => {
    const pins = { modelSha256: 'a'.repeat(64), inputSha256: await sha256Hex(input) };
    const sel = job().selection;
    const modelRow = sel.rows[0];
    const unlisted = [0, 1, 3].find((r) => sel.kindByRow[r] === 0)!;
    let log: DecisionEntry[] = [];
    for (const [row, decision, reason, listed, by] of [
      [modelRow, 'remove', 'Documented by a logbook', true, 'KN'],
      [unlisted, 'add', 'Tip from a colleague', false, ''],
    ] as const) {
      const next = appendDecision(log, { row, line: file.ingest.line[row], decision, reason, by, time: '2026-12-06T10:00:00+01:00' }, { listed, current: null }, pins);
      if ('problem' in next) throw new Error(next.problem.code);
      log = next.log;
    }
    const built = await buildControlList(job({ decisions: log }));
    const lines = new TextDecoder().decode(Buffer.concat(built.bytes)).split('\r\n');
    expect(lines[1].endsWith(',removed,Documented by a logbook')).toBe(true);
    expect(lines[3]).toMatch(/,added by hand,.*,added by hand,added,Tip from a colleague$/);
    expect(built.manifest.export.rows).toBe(3);
    expect(built.manifest.decisions).toMatchObject({ count: 2, head: log[1].hash, kept: 0, removed: 1, added: 1, unsigned: 1 });
    expect(built.list.problems.map((p) => p.code)).toContain('decisions.unsigned');
    const parsed = JSON.parse(built.manifestText);
    expect(verifyManifestDecisions(built.manifestText)).toEqual({ ok: true, present: true, log });
    expect(verifyManifestDecisions(parsed, { inputSha256: pins.inputSha256 }).ok).toBe(true);
    expect(verifyManifestDecisions(parsed, { inputSha256: 'e'.repeat(64) })).toMatchObject({ ok: false, problem: { code: 'decisions.manifest_other_file' } });
    // An auditor's edits: a reason changed; the last entry dropped (count and head no longer agree).
    const edited = structuredClone(parsed);
    edited.decisions.log[0].reason = 'ok';
    expect(verifyManifestDecisions(edited)).toMatchObject({ ok: false, problem: { code: 'decisions.log_edited', params: { entry: 1 } } });
    const dropped = structuredClone(parsed);
    dropped.decisions.log.pop();
    expect(verifyManifestDecisions(dropped)).toMatchObject({ ok: false, problem: { code: 'decisions.log_count' } });
    dropped.decisions.count = 1;
    expect(verifyManifestDecisions(dropped)).toMatchObject({ ok: false, problem: { code: 'decisions.log_head' } });
    // A version 2 manifest has no log; a version 3 one must have it.
    const { decisions: _, ...old } = parsed;
    expect(verifyManifestDecisions({ ...old, manifest_version: 2 })).toEqual({ ok: true, present: false, log: [] });
    expect(verifyManifestDecisions(old)).toMatchObject({ ok: false, problem: { code: 'decisions.manifest_invalid', params: { field: 'decisions' } } });
    expect(verifyManifestDecisions('{nope')).toMatchObject({ ok: false, problem: { code: 'decisions.manifest_invalid' } });
  });

  it('refuses to write a log chained from another input (a bug in the caller, not the user\'s input)', async () => {
    const next = appendDecision([], { row: 0, line: 2, decision: 'keep', reason: '', by: '', time: '2026-12-06T10:00:00Z' }, { listed: true, current: null }, { modelSha256: 'a'.repeat(64), inputSha256: 'f'.repeat(64) });
    if ('problem' in next) throw new Error(next.problem.code);
    await expect(buildControlList(job({ decisions: next.log }))).rejects.toThrow(/log_wrong_file/);
  });
});
