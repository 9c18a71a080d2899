/**
 * One file through the real built app in headless Chromium: drop it on `#file-input`, read
 * the app's performance marks, sample the heap of the page and all its workers, collect the
 * main thread's long tasks, then script scrolling and hovering at the file's size and record
 * frame times. Then, unless left out, the Compare models tab: the bundled challenger scores the
 * same file and the comparison is timed, its long tasks and heap recorded while it is browsed.
 * Nothing in the app is changed: only marks, the DOM and CDP are read.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { chromiumFlags } from '../../playwright.config';
import { installInPage, watchCompare } from './in-page';
import { Targets } from './targets';
import { Profiler, type ProfileSummary } from './profile';
import { COMPARE_LONGEST_TASK_MS } from './report';

export interface FrameStats {
  frames: number;
  /** Longest gap between two frames, ms. */
  longestMs: number;
  p95Ms: number;
  /** Frames slower than 100 ms (the issue's bar for "smooth"). */
  over100: number;
  /** Longest main-thread task during the interaction, ms (0 when none passed 50 ms). */
  longestTaskMs: number;
}

export interface BrowserRun {
  rows: number;
  bytes: number;
  /** Milliseconds after 'explorer:file-start'; null when the milestone was not reached. */
  firstScoresMs: number | null;
  allScoresMs: number | null;
  /** The early picture: importance from the first rows read, shown while scoring goes on. */
  earlyPictureMs: number | null;
  firstExplainedMs: number | null;
  allExplainedMs: number | null;
  /** Drop to the intake preview's "score" button, ms, when the app previews a file first. */
  previewMs: number | null;
  summary: string;
  explainStatus: string;
  /** Most dedicated workers alive at once (CDP), and what the app says explained, if it says. */
  workers: number;
  appWorkers: number | null;
  /** Peak over samples of the page and all workers, bytes. */
  peakHeapUsed: number;
  peakHeapWithBuffers: number;
  heapSamples: number;
  /** Peak resident memory of the largest renderer process (VmHWM), bytes; null off Linux. */
  rendererPeakRss: number | null;
  /** The page's V8 heap limit (performance.memory.jsHeapSizeLimit), bytes: JS objects such as the id strings live under it, array buffers do not. Absent in older bench.json. */
  jsHeapLimit?: number | null;
  /** Long tasks on the main thread between file start and the last milestone. */
  longTasks: number;
  longestTaskMs: number;
  /** The five longest, as [ms after file start, duration ms]. */
  slowestTasks: [number, number][];
  scrollDuringExplain: FrameStats | null;
  scroll: FrameStats | null;
  hover: FrameStats | null;
  /** CPU profile from the drop to all explanations, when asked for (it slows the run a little). */
  profile: ProfileSummary[] | null;
  /** The Compare models tab after the run above; null when left out (--skip-compare). Absent in older bench.json. */
  compare?: CompareRun | null;
}

/** The challenger the benchmark compares with (a bundled model, public/model/index.json). */
export const CHALLENGER = 'deduction-risk-prefiling';

export interface CompareRun {
  challenger: string;
  /** Press on "Compare" to the sentence on screen (first animation frame after it is in the DOM), ms; null if it never showed. */
  viewMs: number | null;
  /** Press to the challenger's 'challenger:all-scores' mark: loading the challenger and scoring the file, ms. */
  scoringMs: number | null;
  /** The challenger's scores to the sentence on screen: the figures (compare worker) and drawing the view, ms. */
  figuresMs: number | null;
  /** Press to the challenger's 'challenger:all-explained' mark, if it came before the end of browsing, ms. */
  challengerExplainedMs: number | null;
  sentence: string;
  /** Main-thread long tasks from the press to the end of browsing the view (~2 s after the sentence). */
  longTasks: number;
  longestTaskMs: number;
  /** The five longest, as [ms after the press, duration ms]. */
  slowestTasks: [number, number][];
  /** Scrolling through the view and hovering its scatter/density and tables, after the sentence. */
  browse: FrameStats | null;
  /** Peak over samples of the page and all workers from the press to the end of browsing, bytes. */
  peakHeapUsed: number;
  peakHeapWithBuffers: number;
  heapSamples: number;
}

export interface BrowserOptions {
  url: string;
  csv: string;
  rows: number;
  chromium: string;
  timeoutMs: number;
  profile: boolean;
  /** Also time the Compare models tab with CHALLENGER (false: --skip-compare). */
  compare: boolean;
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runInBrowser(o: BrowserOptions): Promise<BrowserRun> {
  const browser = await chromium.launch({ executablePath: o.chromium, args: [...chromiumFlags, '--enable-precise-memory-info'] });
  try {
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name();
    // functions handed to the page carry those calls, so the page needs the helper too.
    await page.addInitScript('globalThis.__name ??= (f) => f;');
    await page.addInitScript(installInPage);
    const cdp = await context.newCDPSession(page);
    const targets = new Targets(cdp);
    await targets.start();
    await page.goto(o.url);
    await page.waitForSelector('#file-input:not([disabled])', { state: 'attached', timeout: 60_000 });

    // Peaks of the run; replaced by a fresh one for the comparison.
    let peak = { used: 0, withBuffers: 0, samples: 0 };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const h = await targets.heap().catch(() => null);
        if (h) {
          peak.used = Math.max(peak.used, h.used);
          peak.withBuffers = Math.max(peak.withBuffers, h.withBuffers);
          peak.samples++;
        }
        await sleep(200);
      }
    })();

    o.log(`  dropping ${o.csv} (${o.rows.toLocaleString('en')} rows)`);
    const profiler = o.profile ? new Profiler(cdp, targets) : null;
    await profiler?.start();
    const dropped = Date.now();
    await page.locator('#file-input').setInputFiles(o.csv);
    const deadline = Date.now() + o.timeoutMs;
    const previewMs = await startScoring(page, deadline);
    if (previewMs !== null) o.log(`  preview shown ${seconds(Date.now() - dropped)} after the drop; scoring started`);
    await waitForMark(page, 'explorer:all-scores', deadline, o.log);
    const allScoresAt = await markTime(page, 'explorer:all-scores');
    o.log(`  all scores after ${seconds(allScoresAt! - (await markTime(page, 'explorer:file-start'))!)}`);

    // The table while explanations still stream: is it usable?
    const explaining = (await markTime(page, 'explorer:all-explained')) === null;
    const scrollDuringExplain = explaining ? await scrollTable(page) : null;

    await waitForMark(page, 'explorer:all-explained', deadline, o.log);
    const profile = (await profiler?.stop()) ?? null;
    await sleep(500);
    const scroll = await scrollTable(page);
    const hover = await hoverBeeswarm(page);
    const runPeak = peak;
    peak = { used: 0, withBuffers: 0, samples: 0 };

    const start = (await markTime(page, 'explorer:file-start'))!;
    const after = async (name: string) => {
      const t = await markTime(page, name);
      return t === null ? null : t - start;
    };
    const inPage = await page.evaluate(() => ({ longtasks: window.__bench.longtasks, firstRow: window.__bench.firstRow }));
    const end = start + ((await after('explorer:all-explained')) ?? (await after('explorer:all-scores')) ?? Infinity);
    const during = inPage.longtasks.filter(([t]) => t >= start && t <= end);
    const slowest = [...during].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t, d]) => [Math.round(t - start), Math.round(d)] as [number, number]);
    // The explanation status carries the summary's worker count as data-workers; an explorer
    // on globalThis is read too, should the app ever expose one.
    const appWorkers = await page.evaluate(() => {
      const w =
        (globalThis as { explorer?: { explanations?: { summary?: { workers?: unknown } } } }).explorer?.explanations?.summary?.workers ??
        document.querySelector('[data-testid="explain-status"][data-workers]')?.getAttribute('data-workers');
      return w === undefined || w === null || w === '' ? null : Number(w);
    });
    const run: BrowserRun = {
      rows: o.rows,
      bytes: 0,
      previewMs,
      firstScoresMs: inPage.firstRow === null ? null : inPage.firstRow - start,
      allScoresMs: await after('explorer:all-scores'),
      earlyPictureMs: await after('explorer:early-picture'),
      firstExplainedMs: await after('explorer:first-explained'),
      allExplainedMs: await after('explorer:all-explained'),
      summary: (await page.getByTestId('run-summary').textContent()) ?? '',
      explainStatus: (await page.getByTestId('explain-status').first().textContent().catch(() => ''))?.trim().replace(/\s+/g, ' ') ?? '',
      workers: targets.maxWorkers,
      appWorkers,
      peakHeapUsed: runPeak.used,
      peakHeapWithBuffers: runPeak.withBuffers,
      heapSamples: runPeak.samples,
      rendererPeakRss: await rendererPeakRss(browser),
      jsHeapLimit: await page.evaluate(() => (performance as Performance & { memory?: { jsHeapSizeLimit: number } }).memory?.jsHeapSizeLimit ?? null),
      longTasks: during.length,
      longestTaskMs: Math.max(0, ...during.map(([, d]) => d)),
      slowestTasks: slowest,
      scrollDuringExplain,
      scroll,
      hover,
      profile,
    };
    // The challenger's Explorer clears the performance marks when it starts scoring: every
    // figure of the run above is read before this.
    if (o.compare) {
      peak = { used: 0, withBuffers: 0, samples: 0 };
      const compare = await compareModels(page, Date.now() + o.timeoutMs, o.log);
      run.compare = { ...compare, peakHeapUsed: peak.used, peakHeapWithBuffers: peak.withBuffers, heapSamples: peak.samples };
    } else run.compare = null;
    sampling = false;
    await sampler;
    return run;
  } finally {
    await browser.close();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function markTime(page: Page, name: string): Promise<number | null> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name);
}

async function waitForMark(page: Page, name: string, deadline: number, log: (l: string) => void): Promise<void> {
  let lastLog = Date.now();
  while ((await markTime(page, name)) === null) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${name}`);
    if (Date.now() - lastLog > 30_000) {
      lastLog = Date.now();
      const status = await page
        .locator('.progress p, [data-testid="explain-status"], [data-testid="run-summary"]')
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null);
      log(`  … waiting for ${name}${status ? `: ${status.trim().replace(/\s+/g, ' ')}` : ''}`);
    }
    await sleep(100);
  }
}

/**
 * Scoring starts on the drop, or, where the app first previews the file, when its "score"
 * button is pressed (the marks then count from the press). Returns the preview's delay or null.
 */
async function startScoring(page: Page, deadline: number): Promise<number | null> {
  const started = Date.now();
  const score = page.getByRole('button', { name: /^(Score filen|Skår fila|Score the file)$/ });
  while (Date.now() < deadline) {
    if ((await markTime(page, 'explorer:file-start')) !== null) return null;
    if (await score.isVisible()) {
      const ms = Date.now() - started;
      await score.click();
      return ms;
    }
    await sleep(50);
  }
  throw new Error('scoring never started');
}

/** Records frames and long tasks while `act` runs. */
async function recordFrames(page: Page, act: () => Promise<void>): Promise<FrameStats> {
  const t0 = await page.evaluate(() => {
    window.__bench.frames = [];
    window.__bench.recording = true;
    return performance.now();
  });
  await act();
  const { frames, tasks } = await page.evaluate((from) => {
    window.__bench.recording = false;
    return { frames: window.__bench.frames, tasks: window.__bench.longtasks.filter(([t]) => t >= from).map(([, d]) => d) };
  }, t0);
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    longestMs: sorted.at(-1) ?? 0,
    p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    over100: frames.filter((f) => f > 100).length,
    longestTaskMs: Math.max(0, ...tasks),
  };
}

/** Wheel-scrolls the results grid, then jumps across the whole file, one jump per frame. */
async function scrollTable(page: Page): Promise<FrameStats | null> {
  await page.locator('#tab-results').click();
  const scroller = page.locator('.scroller').first();
  if (!(await scroller.count())) return null;
  const box = await scroller.boundingBox();
  if (!box) return null;
  return recordFrames(page, async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 400);
      await sleep(16);
    }
    await scroller.evaluate(
      (el) =>
        new Promise<void>((resolve) => {
          let i = 0;
          const jump = () => {
            el.scrollTop = ((i * 7919) % 60) / 60 * (el.scrollHeight - el.clientHeight);
            if (++i < 60) requestAnimationFrame(jump);
            else resolve();
          };
          requestAnimationFrame(jump);
        }),
    );
  });
}

/** Moves the pointer across the beeswarm in small steps (a tooltip per step when it draws points). */
async function hoverBeeswarm(page: Page): Promise<FrameStats | null> {
  await page.locator('#tab-explain').click();
  const canvas = page.locator('figure.beeswarm canvas').first();
  try {
    await canvas.waitFor({ timeout: 30_000 });
  } catch {
    return null;
  }
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) return null;
  return recordFrames(page, async () => {
    for (let i = 0; i <= 120; i++) {
      const x = box.x + (box.width * (i % 60)) / 60;
      const y = box.y + box.height * (0.1 + 0.8 * ((i * 37) % 120) / 120);
      await page.mouse.move(x, y, { steps: 2 });
      await sleep(8);
    }
  });
}

/**
 * The Compare models tab: picks CHALLENGER, presses "Compare", waits for the sentence, then
 * browses the view for about 2 s. Long tasks count from the press to the end of browsing.
 */
async function compareModels(page: Page, deadline: number, log: (l: string) => void): Promise<Omit<CompareRun, 'peakHeapUsed' | 'peakHeapWithBuffers' | 'heapSamples'>> {
  await page.locator('#tab-compare').click();
  await page.locator('#challenger-pick').selectOption(CHALLENGER);
  await page.evaluate(watchCompare);
  log(`  comparing with ${CHALLENGER}`);
  await page.getByRole('button', { name: /^(Sammenlign|Samanlikn|Compare)$/ }).click();
  const state = () => page.evaluate(() => window.__bench.compare!);
  let lastLog = Date.now();
  let c = await state();
  while (c.shown === null) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the comparison sentence');
    if (Date.now() - lastLog > 30_000) {
      lastLog = Date.now();
      const status = await page.getByTestId('compare-view').locator('[role="status"]').first().textContent({ timeout: 1000 }).catch(() => null);
      log(`  … waiting for the comparison${status ? `: ${status.trim().replace(/\s+/g, ' ')}` : ''}`);
    }
    await sleep(50);
    c = await state();
  }
  const click = c.click!;
  const scoredAt = await page.evaluate((from) => performance.getEntriesByName('challenger:all-scores', 'mark').find((m) => m.startTime >= from)?.startTime ?? null, click);
  log(`  comparison shown ${seconds(c.shown - click)} after the press${scoredAt === null ? '' : ` (challenger scored after ${seconds(scoredAt - click)})`}`);
  const browse = await browseComparison(page);
  const { tasks, explainedAt } = await page.evaluate(
    (from) => ({
      tasks: window.__bench.longtasks.filter(([t]) => t >= from),
      explainedAt: performance.getEntriesByName('challenger:all-explained', 'mark').find((m) => m.startTime >= from)?.startTime ?? null,
    }),
    click,
  );
  const longest = Math.max(0, ...tasks.map(([, d]) => d));
  log(`  comparison open: ${tasks.length} long tasks from the press to the end of browsing, longest ${Math.round(longest)} ms (goal ≤ ${COMPARE_LONGEST_TASK_MS} ms: ${longest <= COMPARE_LONGEST_TASK_MS ? 'met' : 'not met'})`);
  return {
    challenger: CHALLENGER,
    viewMs: c.shown - click,
    scoringMs: scoredAt === null ? null : scoredAt - click,
    figuresMs: scoredAt === null ? null : c.shown - scoredAt,
    challengerExplainedMs: explainedAt === null ? null : explainedAt - click,
    sentence: c.text,
    longTasks: tasks.length,
    longestTaskMs: longest,
    slowestTasks: [...tasks].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t, d]) => [Math.round(t - click), Math.round(d)] as [number, number]),
    browse,
  };
}

/** About 2 s in the comparison view: wheel down through it, hover the scatter/density, hover the entering and leaving tables, wheel back up. */
async function browseComparison(page: Page): Promise<FrameStats | null> {
  const view = page.getByTestId('compare-view');
  const box = await view.boundingBox();
  if (!box) return null;
  return recordFrames(page, async () => {
    await page.mouse.move(box.x + box.width / 2, 200);
    for (let i = 0; i < 25; i++) {
      await page.mouse.wheel(0, 120);
      await sleep(16);
    }
    const hoverOver = async (selector: string, steps: number) => {
      const target = page.locator(selector).first();
      if (!(await target.count())) return;
      await target.scrollIntoViewIfNeeded();
      const b = await target.boundingBox();
      if (!b) return;
      for (let i = 0; i <= steps; i++) {
        await page.mouse.move(b.x + (b.width * ((i * 7) % steps)) / steps, b.y + (b.height * i) / steps, { steps: 2 });
        await sleep(8);
      }
    };
    await hoverOver('[data-testid="compare-view"] .charts svg', 40);
    await hoverOver('[data-testid="compare-entering"] tbody', 25);
    await hoverOver('[data-testid="compare-leaving"] tbody', 25);
    for (let i = 0; i < 25; i++) {
      await page.mouse.wheel(0, -120);
      await sleep(16);
    }
  });
}

/** VmHWM of the renderer process that holds the most memory (the page's, with its workers). */
async function rendererPeakRss(browser: import('playwright-core').Browser): Promise<number | null> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    let peak = 0;
    for (const p of processInfo.filter((p) => p.type === 'renderer')) {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    }
    return peak || null;
  } catch {
    return null;
  }
}
