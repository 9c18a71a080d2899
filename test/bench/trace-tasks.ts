/**
 * `npx tsx test/bench/trace-tasks.ts <url> <csv> [--compare]`: what each long main-thread task
 * of a run is made of. Drops the CSV into the served app, presses "score", scrolls the table
 * while explanations stream, and records a Chrome trace (devtools.timeline) until every row is
 * explained (with --compare: then opens Compare models and waits for its sentence). Prints
 * each top-level task over 50 ms with its time split by event (layout, style, script by
 * function, garbage collection …), the question the CPU profile of `--profile` cannot answer
 * since it does not see the renderer's own work. A diagnostic, not part of the benchmark.
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumFlags } from '../../playwright.config';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number; frame?: string } };
}

const [url, csv] = process.argv.slice(2);
const compare = process.argv.includes('--compare');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mark(page: Page, name: string): Promise<boolean> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark').length > 0, name);
}

async function until(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 6000 && !(await mark(page, name)); i++) await sleep(100);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumFlags] });
const page = await (await browser.newContext({ locale: 'nb-NO', viewport: { width: 1400, height: 1000 } })).newPage();
await page.goto(url);
await page.waitForSelector('#file-input:not([disabled])', { state: 'attached', timeout: 60_000 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
await page.locator('#file-input').setInputFiles(csv);
const score = page.getByRole('button', { name: /^(Score filen|Skår fila|Score the file)$/ });
for (let i = 0; i < 600 && !(await mark(page, 'explorer:file-start')); i++) {
  if (await score.isVisible()) await score.click();
  await sleep(50);
}
await until(page, 'explorer:all-scores');
const scroller = page.locator('.scroller').first();
for (let i = 0; i < 40 && !(await mark(page, 'explorer:all-explained')); i++) {
  await scroller.evaluate((el, k) => (el.scrollTop = ((k * 7919) % 60) / 60 * (el.scrollHeight - el.clientHeight)), i).catch(() => {});
  await sleep(120);
}
await until(page, 'explorer:all-explained');
if (compare) {
  await page.locator('#tab-compare').click();
  await page.locator('#challenger-pick').selectOption('deduction-risk-prefiling');
  await page.getByRole('button', { name: /^(Sammenlign|Samanlikn|Compare)$/ }).click();
  for (let i = 0; i < 600 && !(await page.getByTestId('compare-view').locator('.sentence, [data-testid="compare-sentence"]').count()); i++) await sleep(100);
  await sleep(4000);
}
const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
await browser.close();

const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined);
// The page's main thread: the renderer's CrRendererMain that ran the most script.
const mains = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const byThread = new Map<string, number>();
for (const e of events) if (mains.has(`${e.pid}:${e.tid}`) && e.name === 'FunctionCall') byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur!);
const main = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts);
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
const t0 = onMain[0]?.ts ?? 0;
console.log(`${tasks.length} tasks over 50 ms on the main thread`);
for (const task of tasks) {
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
  const parts = new Map<string, number>();
  for (const e of inside) {
    if (e.name === 'RunTask') continue;
    const d = e.args?.data;
    const key = e.name === 'FunctionCall' ? `FunctionCall ${d?.functionName || '?'} ${(d?.url ?? '').split('/').pop()}:${d?.lineNumber ?? ''}` : e.name;
    parts.set(key, (parts.get(key) ?? 0) + e.dur!);
  }
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`);
  console.log(`- ${(task.dur! / 1000).toFixed(0)} ms at ${((task.ts - t0) / 1e6).toFixed(1)} s: ${top.join('; ')}`);
}
