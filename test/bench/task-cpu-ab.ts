/**
 * `npx tsx test/bench/task-cpu-ab.ts <csv> <url A> <url B> [reps] [--compare]`: the main
 * thread's longest tasks by CPU time, for two builds of the app taken in turns (A, B, A, B …).
 * A Chrome trace's thread time (`tdur`) counts only the time the thread ran, so a shared
 * machine's load, which stretches every task's wall time (arrival-ab.ts, the bench's
 * `longtask` observer), hardly moves it. From the press on "score" to 3 s after all scores
 * (with --compare: after all explanations, Compare models with the bundled challenger, to 3 s
 * after its sentence, counting only the tasks from the challenger's 'challenger:file-start' mark on). Prints each run's five longest tasks as [CPU ms, wall ms] and the count
 * over 50 ms of CPU. A diagnostic, not part of the benchmark.
 */
import { chromium } from 'playwright-core';
import { chromiumFlags } from '../../playwright.config';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [csv, a, b, reps = '3'] = args;
const compare = process.argv.includes('--compare');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumFlags] });

async function once(url: string): Promise<{ over50: number; top: [number, number][] }> {
  const page = await (await browser.newContext({ locale: 'nb-NO', viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(url);
  await page.waitForSelector('#file-input:not([disabled])', { state: 'attached', timeout: 60_000 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'] });
  await page.locator('#file-input').setInputFiles(csv);
  await page.getByRole('button', { name: /^(Score filen|Skår fila|Score the file)$/ }).click();
  const mark = (n: string) => page.evaluate((m) => performance.getEntriesByName(m, 'mark')[0]?.startTime ?? null, n);
  while ((await mark('explorer:all-scores')) === null) await sleep(100);
  if (compare) {
    while ((await mark('explorer:all-explained')) === null) await sleep(100);
    await page.locator('#tab-compare').click();
    await page.locator('#challenger-pick').selectOption('deduction-risk-prefiling');
    await page.getByRole('button', { name: /^(Sammenlign|Samanlikn|Compare)$/ }).click();
    for (let i = 0; i < 1200 && !(await page.getByTestId('compare-view').locator('.sentence, [data-testid="compare-sentence"]').count()); i++) await sleep(100);
  }
  await sleep(3000);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await page.context().close();
  // The page's main thread: the renderer's CrRendererMain that ran the most script.
  const mains = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const script = new Map<string, number>();
  for (const e of traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'FunctionCall' && mains.has(key)) script.set(key, (script.get(key) ?? 0) + (e.dur ?? 0));
  }
  const main = [...script].sort((x, y) => y[1] - x[1])[0]?.[0];
  // With --compare, only the tasks from the challenger's start (its 'challenger:file-start' mark) on.
  const from = compare ? Math.min(...traceEvents.filter((e) => e.name === 'challenger:file-start').map((e) => e.ts)) : -Infinity;
  const tasks = traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === main && e.tdur !== undefined && e.ts >= from);
  const top = tasks.sort((x, y) => y.tdur! - x.tdur!).slice(0, 5).map((e) => [Math.round(e.tdur! / 1000), Math.round(e.dur! / 1000)] as [number, number]);
  return { over50: tasks.filter((e) => e.tdur! > 50_000).length, top };
}

const longest: Record<string, number[]> = { A: [], B: [] };
for (let i = 0; i < Number(reps); i++) {
  for (const [name, url] of [['A', a], ['B', b]] as const) {
    const { over50, top } = await once(url);
    longest[name].push(top[0]?.[0] ?? 0);
    console.log(`${name} run ${i + 1}: ${over50} tasks over 50 ms of CPU; longest [CPU ms, wall ms]: ${JSON.stringify(top)}`);
  }
}
console.log(`longest task by CPU, A: ${longest.A.join(', ')} ms; B: ${longest.B.join(', ')} ms`);
await browser.close();
