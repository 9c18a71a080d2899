import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * `npm run -s ask`: pure JSON on stdout, one object per question, answering from the bundled
 * model and the demo sample. The expected figures come from Python's probabilities for the
 * demo sample (test/fixtures/demo-metrics.json, models/fixtures.py), not from the TypeScript core.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cli-ask-'));
const demo = JSON.parse(readFileSync('test/fixtures/demo-metrics.json', 'utf8')).demo as { probability: number[]; ids: string[] };

const byRisk = demo.probability.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
const topId = demo.ids[byRisk[0][1]];
/** The least k whose top-k probabilities sum to 80 % of all: the planner's "expected" finds. */
function countFor(goal: number): number {
  const total = byRisk.reduce((s, [p]) => s + p, 0);
  let sum = 0;
  for (let k = 0; k < byRisk.length; k++) {
    sum += byRisk[k][0];
    if (sum >= goal * total) return k + 1;
  }
  return byRisk.length;
}

async function ask(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/ask.ts', ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('npm run ask', () => {
  it('answers a batch with the top return’s reasons, the planner’s count for 80 % and the honest fallback', async () => {
    const batch = join(dir, 'q.jsonl');
    writeFileSync(
      batch,
      [
        { lang: 'nb', text: `hvorfor ble ${topId} plukket ut?` },
        { lang: 'en', text: 'how many returns do we have to check to find 80 % of the errors?' },
        { lang: 'nn', text: 'korleis blir vêret i Bergen i morgon?' },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n') + '\n',
    );
    const { stdout, code } = await ask(['--batch', batch]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { intent: string; answer: string });
    expect(lines.map((l) => Object.keys(l))).toEqual([['intent', 'answer'], ['intent', 'answer'], ['intent', 'answer']]);
    expect(lines.map((l) => l.intent)).toEqual(['why_flagged', 'how_many_to_check', 'out_of_scope']);
    expect(lines[0].answer).toContain(`${topId} er nr. 1 av 2`);
    expect(lines[0].answer.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(lines[1].answer).toContain(`check the top ${countFor(0.8).toLocaleString('en-GB')} (`);
    expect(lines[2].answer).toMatch(/^Det kan eg ikkje svare på her/);
  }, 60_000);

  it('one question with --json; a bad batch line is named and nothing is printed', async () => {
    const one = await ask(['--lang', 'en', '--json', 'does any data leave my machine?']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ intent: 'privacy' });
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"lang":"nb","text":"hei"}\n{"lang":"de","text":"hallo"}\n');
    const refused = await ask(['--batch', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('line 2');
  }, 60_000);
});
