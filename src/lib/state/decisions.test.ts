import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainStart } from '../core/decisions/decision-entry';
import { verifyDecisionLog } from '../core/decisions/verify-decision-log';
import { BY_MODEL, RANDOM_CONTROL } from '../core/select/control-sample';
import type { Explorer } from './explorer.svelte';
import { Decisions } from './decisions.svelte';

const MODEL = '7'.repeat(64);
const BYTES = 'id,x\nA,1\nB,2\nC,3\nD,4\n';
/** The data file's hash by node's crypto, not the app's hasher. */
const INPUT = createHash('sha256').update(BYTES).digest('hex');

/** What Decisions reads of the Explorer: the scored file's rows and lines, the model's hash, the file. */
function decisions() {
  const explorer = { result: { ingest: { rows: 4, line: Uint32Array.of(2, 3, 4, 5) } }, model: { sha256: MODEL }, file: new Blob([BYTES]) };
  return new Decisions(explorer as unknown as Explorer);
}
// Row 0 chosen by the model, row 1 drawn for the control group, rows 2 and 3 not listed.
const kindByRow = Uint8Array.of(BY_MODEL, RANDOM_CONTROL, 0, 0);

describe('Decisions', () => {
  it('chains the first decision from the model and the data file it hashed, with the row\'s line and the name typed', async () => {
    const d = decisions();
    d.by = 'KN';
    expect(await d.decide(0, 'remove', 'Logbook', kindByRow)).toBe(true);
    expect(d.log).toHaveLength(1);
    expect(d.log[0]).toMatchObject({ seq: 1, row: 0, line: 2, decision: 'remove', reason: 'Logbook', by: 'KN', prev: chainStart(MODEL, INPUT) });
    expect(d.log[0].time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(verifyDecisionLog(d.log, { modelSha256: MODEL, inputSha256: INPUT, lines: Uint32Array.of(2, 3, 4, 5) }).ok).toBe(true);
  });

  it('refuses what the row cannot take, or a removal without a reason, and says why', async () => {
    const d = decisions();
    expect(await d.decide(0, 'remove', '  ', kindByRow)).toBe(false);
    expect(d.problem?.code).toBe('decisions.reason_required');
    expect(await d.decide(2, 'keep', '', kindByRow)).toBe(false);
    expect(d.problem?.code).toBe('decisions.not_allowed');
    expect(d.log).toEqual([]);
    expect(await d.decide(2, 'add', 'Tip', kindByRow)).toBe(true);
    expect(d.problem).toBeNull();
  });

  it('knows where each row stands, counts the current decisions and keeps each row\'s history', async () => {
    const d = decisions();
    await d.decide(0, 'remove', 'a', kindByRow);
    await d.decide(0, 'keep', '', kindByRow);
    await d.decide(1, 'remove', 'b', kindByRow);
    await d.decide(3, 'add', 'c', kindByRow);
    expect(d.standing(0, kindByRow)).toEqual({ listed: true, current: 'keep' });
    expect(d.standing(3, kindByRow)).toEqual({ listed: false, current: 'add' });
    expect(d.counts).toEqual({ kept: 1, removed: 1, added: 1, entries: 4 });
    expect(d.history(0).map((e) => e.decision)).toEqual(['remove', 'keep']);
    // The list made again without row 1: its removal no longer shows on the list.
    expect(d.offList(Uint8Array.of(BY_MODEL, 0, 0, 0))).toBe(1);
    expect(d.offList(kindByRow)).toBe(0);
  });

  it('takes one decision at a time', async () => {
    const d = decisions();
    const first = d.decide(0, 'remove', 'a', kindByRow);
    expect(await d.decide(1, 'remove', 'b', kindByRow)).toBe(false);
    expect(await first).toBe(true);
    expect(d.log).toHaveLength(1);
  });

  it('forgets the log for a new file or model but keeps the name; a restored log comes back whole', async () => {
    const d = decisions();
    d.by = 'KN';
    await d.decide(0, 'keep', '', kindByRow);
    const log = d.log;
    d.clear();
    expect([d.log, d.by]).toEqual([[], 'KN']);
    d.restore('AB', log);
    expect([d.log, d.by]).toEqual([log, 'AB']);
  });
});
