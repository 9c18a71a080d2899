import { describe, expect, it } from 'vitest';
import { appendDecision, allowedDecisions, isoWithOffset } from './append-decision';
import { canonicalEntry, chainStart, entryHash, type DecisionEntry } from './decision-entry';
import { verifyDecisionLog } from './verify-decision-log';
import { cleanText, MAX_REASON } from './clean-text';
import { finalDecisions, rowHistory, ADD, KEEP, NO_DECISION, REMOVE } from './final-decisions';

/**
 * Expected hashes were computed outside this code, with Python's hashlib and json:
 *   h = lambda s: hashlib.sha256(s.encode('utf-8')).hexdigest()
 *   h('a'*64 + '|' + 'b'*64)                                  → START
 *   h(json.dumps(entry, separators=(',', ':'), ensure_ascii=False)) for each entry below,
 *   with the keys seq, time, row, line, decision, reason, by, prev in that order.
 */
const MODEL = 'a'.repeat(64);
const INPUT = 'b'.repeat(64);
const pins = { modelSha256: MODEL, inputSha256: INPUT };
const START = 'dfb484fa87938837327c83b4a7e3483a33a3dcd868655a1495e63b0886ae0b76';
const START_OTHER_INPUT = 'caad4b0d4c5c88531373aa7eebe264fbd08fc7b54298711b8168edce0ead2d42';
const H1 = '0ac01c2083318b32c29dc76c8720a7a5f0373d4d6e64b427a39241f811b08fce';
const H2 = 'cb69ffe218cb8ebcbe9dc3a5e79ff14014218d5fff236373ecf07819a85130cf';
const H3 = 'f3a52d9945e22488ec10b08e754d94d4f2967ee2ac80df555c06fb45ead0a94f';

const LOG: DecisionEntry[] = [
  { seq: 1, time: '2026-12-06T01:00:00+01:00', row: 4, line: 6, decision: 'remove', reason: 'Reisefradraget er dokumentert med kjørebok', by: 'KN', prev: START, hash: H1 },
  { seq: 2, time: '2026-12-06T01:05:00+01:00', row: 9, line: 11, decision: 'add', reason: 'Tips fra kollega: «pendler» uten hybel', by: '', prev: H1, hash: H2 },
  { seq: 3, time: '2026-12-06T01:07:30+01:00', row: 4, line: 6, decision: 'keep', reason: '', by: 'KN', prev: H2, hash: H3 },
];
const copy = (log: DecisionEntry[]) => log.map((e) => ({ ...e }));

describe('the chain', () => {
  it('starts from SHA-256 of "<model sha256>|<input sha256>"', () => {
    expect(chainStart(MODEL, INPUT)).toBe(START);
    expect(chainStart(MODEL, 'c'.repeat(64))).toBe(START_OTHER_INPUT);
  });

  it('hashes the canonical JSON of every field but the hash, keys in a fixed order, no spaces', () => {
    expect(canonicalEntry(LOG[0])).toBe(
      `{"seq":1,"time":"2026-12-06T01:00:00+01:00","row":4,"line":6,"decision":"remove","reason":"Reisefradraget er dokumentert med kjørebok","by":"KN","prev":"${START}"}`,
    );
    expect(LOG.map(entryHash)).toEqual([H1, H2, H3]);
  });

  it('builds the same log entry by entry from the requests', () => {
    let log: DecisionEntry[] = [];
    const asks = [
      { standing: { listed: true, current: null }, e: LOG[0] },
      { standing: { listed: false, current: null }, e: LOG[1] },
      { standing: { listed: true, current: 'remove' as const }, e: LOG[2] },
    ];
    for (const { standing, e } of asks) {
      const next = appendDecision(log, { row: e.row, line: e.line, decision: e.decision, reason: e.reason, by: e.by, time: e.time }, standing, pins);
      if ('problem' in next) throw new Error(next.problem.code);
      log = next.log;
    }
    expect(log).toEqual(LOG);
  });
});

describe('verifyDecisionLog', () => {
  it('accepts the log as written, and an empty log', () => {
    expect(verifyDecisionLog(LOG, pins)).toEqual({ ok: true, log: LOG });
    expect(verifyDecisionLog([], pins).ok).toBe(true);
  });

  it('names the entry whose reason was edited', () => {
    const log = copy(LOG);
    log[1].reason = 'Tips fra kollega';
    expect(verifyDecisionLog(log, pins)).toEqual({ ok: false, problem: { code: 'decisions.log_edited', severity: 'error', params: { entry: 2 } } });
  });

  it('names the next entry when an edited entry got a fresh hash: its link is broken', () => {
    const log = copy(LOG);
    log[0].by = 'XY';
    log[0].hash = entryHash(log[0]);
    const check = verifyDecisionLog(log, pins);
    expect(check.ok || check.problem).toEqual({ code: 'decisions.log_chain_broken', severity: 'error', params: { entry: 2 } });
  });

  it('finds a deleted entry by the gap in seq, and a deleted entry with the rest renumbered by the broken link', () => {
    const gap = [LOG[0], LOG[2]];
    const check = verifyDecisionLog(gap, pins);
    expect(check.ok || check.problem.code).toBe('decisions.log_entry_missing');
    expect(check.ok || check.problem.params?.entry).toBe(2);
    const renumbered = copy(gap);
    renumbered[1].seq = 2;
    renumbered[1].hash = entryHash(renumbered[1]);
    const again = verifyDecisionLog(renumbered, pins);
    expect(again.ok || again.problem.code).toBe('decisions.log_chain_broken');
  });

  it('calls a swapped pair reordered, at the first misplaced entry', () => {
    const check = verifyDecisionLog([LOG[0], LOG[2], LOG[1]], pins);
    expect(check.ok || check.problem).toEqual({ code: 'decisions.log_reordered', severity: 'error', params: { entry: 2 } });
  });

  it('refuses a log made for another input file or model at its first entry', () => {
    const other = verifyDecisionLog(LOG, { modelSha256: MODEL, inputSha256: 'c'.repeat(64) });
    expect(other.ok || other.problem).toEqual({ code: 'decisions.log_wrong_file', severity: 'error', params: { entry: 1 } });
    const model = verifyDecisionLog(LOG, { modelSha256: 'd'.repeat(64), inputSha256: INPUT });
    expect(model.ok || model.problem.code).toBe('decisions.log_wrong_file');
  });

  it('checks each row against its line when the file is at hand', () => {
    const lines = new Uint32Array(12).map((_, i) => i + 2);
    expect(verifyDecisionLog(LOG, { ...pins, lines }).ok).toBe(true);
    const shifted = lines.map((l) => l + 1);
    const check = verifyDecisionLog(LOG, { ...pins, lines: shifted });
    expect(check.ok || check.problem).toEqual({ code: 'decisions.log_wrong_row', severity: 'error', params: { entry: 1, line: 6 } });
    expect(verifyDecisionLog(LOG, { ...pins, lines: lines.subarray(0, 5) }).ok).toBe(false);
  });

  it('says which field of which entry is not an entry', () => {
    const bad = (log: unknown) => {
      const c = verifyDecisionLog(log, pins);
      return c.ok ? null : [c.problem.code, c.problem.params?.entry, c.problem.params?.field];
    };
    expect(bad('x')).toEqual(['decisions.log_invalid', 0, 'log']);
    expect(bad([LOG[0], null])).toEqual(['decisions.log_invalid', 2, 'entry']);
    expect(bad([{ ...LOG[0], decision: 'maybe' }])).toEqual(['decisions.log_invalid', 1, 'decision']);
    expect(bad([{ ...LOG[0], time: '2026-12-06 01:00' }])).toEqual(['decisions.log_invalid', 1, 'time']);
    expect(bad([{ ...LOG[0], row: -1 }])).toEqual(['decisions.log_invalid', 1, 'row']);
    expect(bad([{ ...LOG[0], id: '01039011081' }])).toEqual(['decisions.log_invalid', 1, 'id']);
    expect(bad([{ ...LOG[0], hash: H1.toUpperCase() }])).toEqual(['decisions.log_invalid', 1, 'hash']);
  });
});

describe('appendDecision', () => {
  const ask = (decision: 'keep' | 'remove' | 'add', reason: string, by = 'KN') => ({ row: 2, line: 4, decision, reason, by, time: '2026-12-06T09:00:00Z' });

  it('offers keep and remove on a listed row, add on an unlisted one, and the undo of each', () => {
    expect(allowedDecisions({ listed: true, current: null })).toEqual(['keep', 'remove']);
    expect(allowedDecisions({ listed: true, current: 'remove' })).toEqual(['keep']);
    expect(allowedDecisions({ listed: true, current: 'keep' })).toEqual(['remove']);
    expect(allowedDecisions({ listed: false, current: null })).toEqual(['add']);
    expect(allowedDecisions({ listed: false, current: 'add' })).toEqual(['remove']);
    expect(allowedDecisions({ listed: false, current: 'remove' })).toEqual(['add']);
  });

  it('refuses a remove or an add without a reason, and a decision the row cannot take', () => {
    const code = (r: ReturnType<typeof appendDecision>) => ('problem' in r ? r.problem.code : null);
    expect(code(appendDecision([], ask('remove', '  \n '), { listed: true, current: null }, pins))).toBe('decisions.reason_required');
    expect(code(appendDecision([], ask('add', ''), { listed: false, current: null }, pins))).toBe('decisions.reason_required');
    expect(code(appendDecision([], ask('keep', ''), { listed: true, current: null }, pins))).toBeNull();
    expect(code(appendDecision([], ask('add', 'x'), { listed: true, current: null }, pins))).toBe('decisions.not_allowed');
    expect(code(appendDecision([], ask('keep', ''), { listed: false, current: null }, pins))).toBe('decisions.not_allowed');
  });

  it('refuses a reason or a name holding a national identity number, and keeps the log as it was', () => {
    const r = appendDecision(LOG, ask('remove', 'gjelder 010390 11081, se sak'), { listed: true, current: null }, pins);
    expect('problem' in r && r.problem.code).toBe('decisions.reason_national_id');
    const by = appendDecision(LOG, ask('remove', 'ok', '01039011081'), { listed: true, current: null }, pins);
    expect('problem' in by && by.problem.code).toBe('decisions.by_national_id');
    expect(LOG).toHaveLength(3);
  });

  it('appends after the last entry, chained to its hash', () => {
    const r = appendDecision(LOG, ask('remove', 'Feil\u0007 linje\r\nto'), { listed: true, current: null }, pins);
    if ('problem' in r) throw new Error(r.problem.code);
    expect(r.entry.seq).toBe(4);
    expect(r.entry.prev).toBe(H3);
    expect(r.entry.reason).toBe('Feil linje to');
    expect(verifyDecisionLog(r.log, pins).ok).toBe(true);
  });
});

describe('cleanText', () => {
  it('turns breaks into one space, drops control characters and trims', () => {
    expect(cleanText(' a\tb\u0000c\u009f\n\nd ', 100, 'reason')).toEqual({ text: 'a bc d', problem: null });
  });

  it('refuses text over the limit, saying how long it was', () => {
    const r = cleanText('x'.repeat(MAX_REASON + 1), MAX_REASON, 'reason');
    expect(r.problem).toEqual({ code: 'decisions.reason_too_long', severity: 'error', params: { max: MAX_REASON, length: MAX_REASON + 1 } });
    expect(cleanText('x'.repeat(MAX_REASON), MAX_REASON, 'reason').problem).toBeNull();
  });

  it('lets an 11-digit number through when it is not a valid national id (control digits fail)', () => {
    expect(cleanText('kontonr 01039011082', 100, 'reason').problem).toBeNull();
  });
});

describe('finalDecisions', () => {
  it('takes the last entry on each row, and remembers rows ever added', () => {
    const f = finalDecisions(LOG, 12);
    expect(f.code[4]).toBe(KEEP);
    expect(f.code[9]).toBe(ADD);
    expect(f.code[0]).toBe(NO_DECISION);
    expect(f.latest.get(4)?.seq).toBe(3);
    expect([...f.everAdded]).toEqual([9]);
    expect(rowHistory(LOG, 4).map((e) => e.decision)).toEqual(['remove', 'keep']);
    expect(finalDecisions(LOG.slice(0, 1), 12).code[4]).toBe(REMOVE);
  });

  it('leaves out rows beyond the file', () => {
    expect(finalDecisions(LOG, 5).latest.has(9)).toBe(false);
  });
});

describe('isoWithOffset', () => {
  it('writes local time with its offset, east and west of UTC', () => {
    const d = new Date(Date.UTC(2026, 11, 6, 0, 30, 5));
    expect(isoWithOffset(d, 60)).toBe('2026-12-06T01:30:05+01:00');
    expect(isoWithOffset(d, -150)).toBe('2026-12-05T22:00:05-02:30');
    expect(isoWithOffset(d, 0)).toBe('2026-12-06T00:30:05+00:00');
  });
});
