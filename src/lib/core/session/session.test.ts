import { describe, expect, it } from 'vitest';
import { buildSession, checkDataFile, readSession, resolveModel, SESSION_SCHEMA, type SessionInput } from './session';
import { openSessionText, sessionFileName, sessionFileText } from './open-session';
import { appendDecision } from '../decisions/append-decision';
import type { DecisionEntry } from '../decisions/decision-entry';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

export const INPUT: SessionInput = {
  app: { name: 'deduction-risk-explorer', version: '1.2.3' },
  model: { id: 'deduction-risk', version: '3', sha256: A, source: { kind: 'bundled', bundled_id: 'deduction-risk', name: 'deduction-risk.onnx' } },
  input: { fileName: 'utdrag.csv', sizeBytes: 1234, sha256: B, reading: { encoding: 'auto', delimiter: ';', mapping: { id: 'skattyter_id', label: null } } },
  capacity: 500,
  controlShare: 0.1,
  seed: 18446744073709551615n,
  dialect: 'excel-nb',
  selected: { row: 7, line: 9, whatIf: { income: 1000, age: null } },
  comparison: { kind: 'bundled', bundled_id: 'pre-filing', sha256: C },
  tab: 'planner',
  locale: 'en',
  createdAt: '2026-12-05T22:40:00.123Z',
  decisions: { by: '', log: [] },
};

/** Two decisions chained from INPUT's model (A) and input (B): row 7 removed, row 12 added. */
function twoDecisions(): DecisionEntry[] {
  let log: DecisionEntry[] = [];
  for (const [row, decision, listed] of [[7, 'remove', true], [12, 'add', false]] as const) {
    const next = appendDecision(log, { row, line: row + 2, decision, reason: `reason ${row}`, by: 'KN', time: '2026-12-05T23:40:00+01:00' }, { listed, current: null }, { modelSha256: A, inputSha256: B });
    if ('problem' in next) throw new Error(next.problem.code);
    log = next.log;
  }
  return log;
}

describe('a session document', () => {
  it('is snake_case JSON with its schema id, version and a 64-bit seed as a decimal string', () => {
    const s = buildSession(INPUT);
    expect(s.session_schema).toBe(SESSION_SCHEMA);
    expect(s.session_version).toBe(2);
    expect(s.input).toEqual({ file_name: 'utdrag.csv', size_bytes: 1234, sha256: B, reading: { encoding: 'auto', delimiter: ';', decimal: 'auto', mapping: { id: 'skattyter_id', label: null } } });
    expect(s.planner).toEqual({ control_share: 0.1, seed: '18446744073709551615', dialect: 'excel-nb' });
    expect(s.selected).toEqual({ row: 7, line: 9, what_if: { income: 1000, age: null } });
  });

  it('leaves what_if out when there are no edits, and selected null when no record is chosen', () => {
    expect(buildSession({ ...INPUT, selected: { row: 1, line: 2 } }).selected).toEqual({ row: 1, line: 2 });
    expect(buildSession({ ...INPUT, selected: null, comparison: null }).selected).toBeNull();
  });

  it('reads back what it wrote, through JSON', () => {
    const s = buildSession(INPUT);
    expect(readSession(JSON.parse(JSON.stringify(s)))).toEqual({ session: s, problems: [] });
  });

  it('refuses a document that does not fit, saying where', () => {
    const s = JSON.parse(JSON.stringify(buildSession(INPUT)));
    s.planner.seed = '18446744073709551616';
    const { session, problems } = readSession(s);
    expect(session).toBeNull();
    expect(problems).toMatchObject([{ code: 'session.invalid', severity: 'error', field: 'planner.seed', params: { where: 'planner.seed' } }]);
    expect(readSession({ ...buildSession(INPUT), model: { ...s.model, sha256: 'xyz' } }).problems[0].field).toBe('model.sha256');
    expect(readSession('text').problems[0]).toMatchObject({ code: 'session.invalid', field: '(root)' });
    expect(readSession({ ...buildSession(INPUT), view: { tab: 'elsewhere', locale: 'en' } }).problems[0].field).toBe('view.tab');
  });

  it('says so when the version is newer than this app reads', () => {
    expect(readSession({ ...buildSession(INPUT), session_version: 3 }).problems).toMatchObject([{ code: 'session.version_unsupported', params: { version: '3', supported: 2 } }]);
  });

  it('still reads a version 1 session, with no decisions', () => {
    const { decisions: _, ...v1 } = { ...JSON.parse(JSON.stringify(buildSession(INPUT))), session_version: 1 };
    const { session, problems } = readSession(v1);
    expect(problems).toEqual([]);
    expect(session?.decisions).toEqual({ by: '', log: [] });
    expect(session?.session_version).toBe(2);
    expect(readSession({ ...v1, session_version: 2 }).problems).toMatchObject([{ code: 'session.invalid', field: 'decisions' }]);
  });

  it('carries the reviewer\'s name and the decision log, and reads them back', () => {
    const log = twoDecisions();
    const s = buildSession({ ...INPUT, decisions: { by: 'KN', log } });
    expect(s.decisions).toEqual({ by: 'KN', log });
    expect(readSession(JSON.parse(JSON.stringify(s)))).toEqual({ session: s, problems: [] });
  });

  it('refuses a session whose decision log was edited, naming the entry', () => {
    const s = JSON.parse(JSON.stringify(buildSession({ ...INPUT, decisions: { by: 'KN', log: twoDecisions() } })));
    s.decisions.log[1].reason = 'edited afterwards';
    expect(readSession(s)).toEqual({ session: null, problems: [{ code: 'decisions.log_edited', severity: 'error', params: { entry: 2 } }] });
    // The same log under another input's hash: moved to another file.
    const moved = JSON.parse(JSON.stringify(buildSession({ ...INPUT, decisions: { by: 'KN', log: twoDecisions() } })));
    moved.input.sha256 = C;
    expect(readSession(moved).problems[0]).toMatchObject({ code: 'decisions.log_wrong_file', params: { entry: 1 } });
    const junk = JSON.parse(JSON.stringify(buildSession(INPUT)));
    junk.decisions.log = [{ seq: 1 }];
    expect(readSession(junk).problems[0]).toMatchObject({ code: 'decisions.log_invalid', params: { entry: 1, field: 'time' } });
  });

  it('refuses a data file whose hash differs, naming the expected file', () => {
    const s = buildSession(INPUT);
    expect(checkDataFile(s, { name: 'utdrag.csv', sha256: B })).toBeNull();
    expect(checkDataFile(s, { name: 'annet.csv', sha256: C })).toMatchObject({ code: 'session.file_differs', params: { expected: 'utdrag.csv', name: 'annet.csv' } });
  });

  it('finds the model: the active one, a bundled one with the same hash, or names the one needed', () => {
    const s = buildSession(INPUT);
    expect(resolveModel(s, A, [])).toEqual({ kind: 'active' });
    expect(resolveModel(s, C, [{ id: 'x', sha256: C }, { id: 'y', sha256: A }])).toEqual({ kind: 'bundled', id: 'y' });
    const missing = resolveModel(s, C, [{ id: 'x', sha256: C }]);
    expect(missing).toMatchObject({ kind: 'missing', problem: { code: 'session.model_differs', params: { model: 'deduction-risk', name: 'deduction-risk.onnx' } } });
  });
});

describe('a session file', () => {
  it('is named after the data file', () => {
    expect(sessionFileName('utdrag.csv')).toBe('utdrag-økt.json');
    expect(sessionFileName('.csv')).toBe('økt-økt.json');
  });

  it('opens as plain JSON, and refuses text that is not JSON', async () => {
    const s = buildSession(INPUT);
    expect(await openSessionText(await sessionFileText(s))).toEqual({ kind: 'session', session: s });
    expect(await openSessionText('{not json')).toEqual({ kind: 'refused', problems: [{ code: 'session.not_json', severity: 'error' }] });
  });

  it('encrypted, stays locked without a passphrase and opens with the right one', async () => {
    const s = buildSession(INPUT);
    const text = await sessionFileText(s, 'korrekt hest batteri stift');
    expect(text).not.toContain('utdrag');
    expect(await openSessionText(text)).toEqual({ kind: 'locked' });
    expect(await openSessionText(text, 'korrekt hest batteri stift')).toEqual({ kind: 'session', session: s });
    expect(await openSessionText(text, 'feil')).toEqual({ kind: 'refused', problems: [{ code: 'session.wrong_passphrase', severity: 'error' }] });
  });
});
