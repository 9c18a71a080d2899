/**
 * The benchmark's figures as a Markdown table, with the ratios against the reference stack
 * and issue 8's targets beside them; the comparison's rows when the run timed it (issue "Many
 * models"); then issue 19's targets, each as figure, target, ratio and met / not met (goals.ts).
 */
import type { BrowserRun, CompareRun, FrameStats } from './browser-run';
import { explainStageRate as explainRate, goalsMarkdown } from './goals';

/** What test/bench/reference.py prints. */
export interface Reference {
  bytes: number;
  scores: { read_csv_s: number; matrix_s: number; onnxruntime_s: number; total_s: number; rows: number; rows_per_s: number; threads: number };
  contrib: { rows_timed: number; rows_per_s: number; rows_per_s_one_thread: number; threads: number; trees: number };
  versions: Record<string, string>;
}

export interface Bench {
  date: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGB: number; chromium: string; node: string };
  /** load: the 1-minute load average before and after the file's runs (other work on the machine skews the figures). */
  files: { rows: number; bytes: number; csv: string; browser: BrowserRun | null; reference: Reference | null; load: [number, number] }[];
}

const MB = 1e6;
const GB = 2 ** 30;

const n = (x: number, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const s = (ms: number | null) => (ms === null ? '–' : `${n(ms / 1000, 1)} s`);
const rate = (rows: number, ms: number | null) => (ms === null || ms <= 0 ? '–' : `${n((rows / ms) * 1000)}`);
const gb = (bytes: number | null) => (bytes === null ? '–' : `${n(bytes / GB, 2)} GB`);
const ratio = (x: number | null, target: string) => (x === null || !Number.isFinite(x) ? '–' : `${n(x, 2)}× (issue 8: ${target})`);
const frames = (f: FrameStats | null) => (f ? `${n(f.longestMs)} ms longest, p95 ${n(f.p95Ms)} ms, ${f.over100} of ${f.frames} over 100 ms; longest task ${n(f.longestTaskMs)} ms` : '–');

/** The issue's bar while the comparison is open (issue "Many models"): a reported goal, not an assertion. */
export const COMPARE_LONGEST_TASK_MS = 50;

/** "met" when no main-thread task from the press to the end of browsing passed 50 ms. */
export function compareGoal(c: CompareRun): string {
  return c.longestTaskMs <= COMPARE_LONGEST_TASK_MS ? 'met' : 'not met';
}

export function markdown(bench: Bench): string {
  const m = bench.machine;
  const head = `| | ${bench.files.map((f) => `${n(f.rows)} rows (${n(f.bytes / MB)} MB)`).join(' | ')} |`;
  const rule = `|---|${bench.files.map(() => '---').join('|')}|`;
  const row = (label: string, cell: (f: Bench['files'][number]) => string) => `| ${label} | ${bench.files.map(cell).join(' | ')} |`;
  const b = (cell: (b: BrowserRun, f: Bench['files'][number]) => string) => (f: Bench['files'][number]) => (f.browser ? cell(f.browser, f) : '–');
  const c = (cell: (c: CompareRun) => string) => (f: Bench['files'][number]) => (f.browser?.compare ? cell(f.browser.compare) : '–');
  const r = (cell: (r: Reference, f: Bench['files'][number]) => string) => (f: Bench['files'][number]) => (f.reference ? cell(f.reference, f) : '–');
  const lines = [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; ${m.chromium} headless; Node ${m.node}; commit ${bench.commit}; ${bench.date.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    head,
    rule,
    `| **Browser (the built app)** | ${bench.files.map(() => '').join(' | ')} |`,
    row('first scores on screen', b((x) => s(x.firstScoresMs))),
    row('all scores on screen (issue 8: ≤ 10 s at 10⁶)', b((x) => s(x.allScoresMs))),
    row('input MB/s (to all scores)', b((x) => (x.allScoresMs ? n(x.bytes / MB / (x.allScoresMs / 1000), 1) : '–'))),
    row('rows/s, read + parse + score', b((x) => rate(x.rows, x.allScoresMs))),
    row('first global chart: early picture of the first rows read (issue 8: ≤ 3 s)', b((x) => s(x.earlyPictureMs ?? null))),
    row('first explanations of the whole file (Explanations tab)', b((x) => s(x.firstExplainedMs))),
    row('all explanations (issue 8: ≤ 60 s at 10⁶)', b((x) => s(x.allExplainedMs))),
    row('rows/s, explaining (all scores, or first explanations if sooner → all explained)', b((x) => (explainRate(x) === null ? '–' : n(explainRate(x)!)))),
    row('workers (CDP; app-reported)', b((x) => `${x.workers}; ${x.appWorkers ?? 'not exposed'}`)),
    row('peak JS heap, page + workers', b((x) => gb(x.peakHeapUsed))),
    row('peak JS heap + array buffers (issue 8: < 1.5 GB)', b((x) => gb(x.peakHeapWithBuffers))),
    row('peak renderer RSS (VmHWM)', b((x) => gb(x.rendererPeakRss))),
    row('V8 heap limit of the page (jsHeapSizeLimit)', b((x) => gb(x.jsHeapLimit ?? null))),
    row('main-thread long tasks during the run (> 50 ms)', b((x) => `${x.longTasks}, longest ${n(x.longestTaskMs)} ms`)),
    row('scroll table while explaining', b((x) => frames(x.scrollDuringExplain))),
    row('scroll table after', b((x) => frames(x.scroll))),
    row('hover beeswarm', b((x) => frames(x.hover))),
    ...(bench.files.some((f) => f.browser?.compare)
      ? [
          `| **Comparison (Compare models, challenger ${bench.files.find((f) => f.browser?.compare)!.browser!.compare!.challenger})** | ${bench.files.map(() => '').join(' | ')} |`,
          row('time to the comparison view (press → sentence on screen)', c((x) => s(x.viewMs))),
          row('… challenger loaded and scored; figures and view', c((x) => `${s(x.scoringMs)}; ${s(x.figuresMs)}`)),
          row('main-thread long tasks, press → sentence + ~2 s browsing (> 50 ms)', c((x) => `${x.longTasks}, longest ${n(x.longestTaskMs)} ms${x.slowestTasks.length ? ` (at ${x.slowestTasks.map(([t, d]) => `${s(t)}: ${n(d)} ms`).join(', ')})` : ''}`)),
          row(`longest task ≤ ${COMPARE_LONGEST_TASK_MS} ms while the comparison is open (goal)`, c((x) => `${compareGoal(x)} (${n(x.longestTaskMs)} ms)`)),
          row('browse the comparison view (scroll, hover scatter and tables)', c((x) => frames(x.browse))),
          row('peak JS heap, page + workers, during the comparison', c((x) => gb(x.peakHeapUsed))),
          row('peak JS heap + array buffers, during the comparison', c((x) => gb(x.peakHeapWithBuffers))),
          row('challenger\'s explanations done (after the press)', c((x) => (x.challengerExplainedMs === null ? 'not before browsing ended' : s(x.challengerExplainedMs)))),
        ]
      : []),
    `| **Reference (Python)** | ${bench.files.map(() => '').join(' | ')} |`,
    row('pandas read_csv + onnxruntime, end to end', r((x) => `${n(x.scores.total_s, 2)} s (read ${n(x.scores.read_csv_s, 2)} s, score ${n(x.scores.onnxruntime_s, 2)} s, ${x.scores.threads} threads)`)),
    row('LightGBM pred_contrib rows/s (all cores; 1 thread)', r((x) => `${n(x.contrib.rows_per_s)}; ${n(x.contrib.rows_per_s_one_thread)}`)),
    `| **Ratios** | ${bench.files.map(() => '').join(' | ')} |`,
    row('machine load (1-min average, before → after)', (f) => `${n(f.load[0], 1)} → ${n(f.load[1], 1)} on ${m.cores} cores`),
    row('time to all scores ÷ pandas + onnxruntime', (f) => ratio(f.browser?.allScoresMs != null && f.reference ? f.browser.allScoresMs / 1000 / f.reference.scores.total_s : null, '≤ 1.5×')),
    row('explaining rows/s ÷ pred_contrib (all cores)', (f) => ratio(f.browser && f.reference && explainRate(f.browser) !== null ? explainRate(f.browser)! / f.reference.contrib.rows_per_s : null, '≥ 5×')),
    row('explaining rows/s ÷ pred_contrib (1 thread)', (f) => ratio(f.browser && f.reference && explainRate(f.browser) !== null ? explainRate(f.browser)! / f.reference.contrib.rows_per_s_one_thread : null, '–')),
    '',
    goalsMarkdown(bench),
  ];
  for (const f of bench.files) {
    for (const p of f.browser?.profile ?? []) {
      lines.push(`Profile, ${n(f.rows)} rows, ${p.target}: busy ${s(p.busyMs)} of ${s(p.wallMs)}; self time by function:`, '');
      for (const [name, ms] of p.top) lines.push(`- ${n(ms)} ms  ${name.replace(/\|/g, '\\|')}`);
      lines.push('');
      if (p.target === 'main thread' && p.stretches?.length) {
        lines.push(`Busy stretches over 50 ms on the main thread (longest first; where, callees included):`, '');
        for (const st of p.stretches) lines.push(`- ${n(st.ms)} ms at ${s(st.atMs)}: ${st.top.map(([name, ms]) => `${name.replace(/\|/g, '\\|')} ${n(ms)}`).join('; ')}`);
        lines.push('');
      }
    }
  }
  return lines.join('\n');
}
