/**
 * What the benchmark installs in the page before the app loads (page.addInitScript), so
 * nothing is added to the app itself: a PerformanceObserver for long tasks (Long Tasks API,
 * https://w3c.github.io/longtasks/ — any main-thread task over 50 ms), the moment the first
 * scored row appears in the results grid, and a requestAnimationFrame recorder for frame
 * times during scripted scrolling and hovering. Times are performance.now() milliseconds,
 * the same clock as the app's performance marks. `watchCompare` is handed to the page just
 * before the benchmark presses "Compare": it times the press and the comparison's sentence.
 */
export interface InPage {
  /** [startTime, duration] of every long task on the main thread. */
  longtasks: [number, number][];
  /** When the first data row of the results grid was in the DOM, or null. */
  firstRow: number | null;
  /** Frame-to-frame gaps while recording, ms. */
  frames: number[];
  recording: boolean;
  /** Set by watchCompare: the press on "Compare", the sentence in the DOM and its first frame. */
  compare?: { click: number | null; inDom: number | null; shown: number | null; text: string };
}

declare global {
  interface Window {
    __bench: InPage;
  }
}

/** Runs in the page (serialised by Playwright): must not reference anything outside itself. */
export function installInPage(): void {
  const bench: InPage = { longtasks: [], firstRow: null, frames: [], recording: false };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const watch = new MutationObserver(() => {
    if (bench.firstRow === null && document.querySelector('[role="grid"] tbody tr[aria-rowindex]:not(.spacer)')) {
      bench.firstRow = performance.now();
      watch.disconnect();
    }
  });
  const start = () => watch.observe(document.body, { childList: true, subtree: true });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
  let last = 0;
  const tick = (now: number) => {
    if (bench.recording && last > 0) bench.frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Runs in the page just before the press on the comparison's start button: records the next
 * click's event time (that press), when `[data-testid="compare-sentence"]` holds text, and the
 * first animation frame after that (the sentence on screen).
 */
export function watchCompare(): void {
  const c: NonNullable<InPage['compare']> = { click: null, inDom: null, shown: null, text: '' };
  window.__bench.compare = c;
  document.addEventListener('click', () => (c.click ??= performance.now()), { capture: true, once: true });
  const watch = new MutationObserver(() => {
    const sentence = document.querySelector('[data-testid="compare-sentence"]');
    if (c.inDom !== null || !sentence?.textContent?.trim()) return;
    c.inDom = performance.now();
    c.text = sentence.textContent.trim();
    watch.disconnect();
    requestAnimationFrame(() => (c.shown = performance.now()));
  });
  watch.observe(document.body, { childList: true, subtree: true, characterData: true });
}
