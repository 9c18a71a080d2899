/**
 * `npx tsx test/bench/arrival-ab.ts <csv> <url A> <url B> [reps]`: the main thread's long
 * tasks (> 50 ms) from the press on "score" to 3 s after the last score, and when the last score came, for two builds of the
 * app taken in turns (A, B, A, B …) so a busy machine weighs on both alike. Prints each run's
 * tasks [ms after the press, ms] and the longest per build. A diagnostic, not part of the benchmark.
 */
import { chromium } from 'playwright-core';
import { chromiumFlags } from '../../playwright.config';

const [csv, a, b, reps = '3'] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumFlags] });

async function once(url: string): Promise<{ tasks: [number, number][]; scoresMs: number }> {
  const page = await (await browser.newContext({ locale: 'nb-NO', viewport: { width: 1400, height: 1000 } })).newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: [number, number][] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.waitForSelector('#file-input:not([disabled])', { state: 'attached', timeout: 60_000 });
  await page.locator('#file-input').setInputFiles(csv);
  await page.getByRole('button', { name: /^(Score filen|Skår fila|Score the file)$/ }).click();
  const mark = (n: string) => page.evaluate((m) => performance.getEntriesByName(m, 'mark')[0]?.startTime ?? null, n);
  while ((await mark('explorer:all-scores')) === null) await sleep(100);
  await sleep(3000);
  const start = (await mark('explorer:file-start'))!;
  const end = (await mark('explorer:all-scores'))! + 3000;
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: [number, number][] }).__tasks);
  await page.context().close();
  return { tasks: tasks.filter(([t]) => t >= start && t <= end).map(([t, d]) => [Math.round(t - start), Math.round(d)]), scoresMs: Math.round(end - 3000 - start) };
}

const longest: Record<string, number[]> = { A: [], B: [] };
for (let i = 0; i < Number(reps); i++) {
  for (const [name, url] of [['A', a], ['B', b]] as const) {
    const { tasks, scoresMs } = await once(url);
    longest[name].push(Math.max(0, ...tasks.map(([, d]) => d)));
    console.log(`${name} run ${i + 1}: all scores after ${scoresMs} ms; ${tasks.length} long tasks ${JSON.stringify(tasks)}`);
  }
}
console.log(`longest, A: ${longest.A.join(', ')} ms; B: ${longest.B.join(', ')} ms`);
await browser.close();
