/**
 * Issue 19's targets ("Speed at the limit"), each read from one run of `npm run bench`: the
 * figure, the target, their ratio and met / not met, per file. Every comparison is between
 * figures measured side by side in that run (the browser and the Python reference on the same
 * file and machine). Reported goals, never assertions: the bench does not fail on them.
 */
import type { Bench } from './report';
import type { BrowserRun } from './browser-run';

type File = Bench['files'][number];

export interface GoalRow {
  /** Which target, as the issue words it. */
  goal: string;
  rows: number;
  /** The measured figure as printed, and as a number in the target's unit (null: not measured). */
  figure: string;
  value: number | null;
  /** The target as printed, and its bound in the same unit. */
  target: string;
  bound: number;
  /** value ÷ bound; ≤ 1 meets an upper bound, ≥ 1 a lower one. */
  ratio: number | null;
  met: boolean | null;
}

/** The sizes the issue names: 10⁵ rows (a looser bar for scores) and 10⁶ rows (all others). */
const MILLION = 1_000_000;
const GB = 2 ** 30;

export const TARGETS = {
  /** time to all scores ÷ pandas read_csv + onnxruntime: ≤ 1.2× at 10⁶ rows, ≤ 2× at 10⁵ (below 10⁶). */
  scoresRatioAtMillion: 1.2,
  scoresRatioBelow: 2,
  /** All rows explained after the press, at 10⁶ rows, seconds (pro rata for other sizes). */
  explainedSecondsPerMillion: 40,
  /** Explained rows/s per core ÷ LightGBM pred_contrib rows/s on one thread. */
  explainPerCoreRatio: 25,
  /** First global chart after the press, seconds, at any size. */
  firstChartSeconds: 1,
  /** Longest main-thread task from the press to all explained, ms. */
  longestTaskMs: 50,
  /** Longest frame scrolling the table (during and after explaining) and hovering the beeswarm, ms. */
  longestFrameMs: 100,
  /** Peak JS heap + array buffers of the page and its workers at 10⁶ rows, bytes. */
  peakMemoryBytes: 1.0 * GB,
} as const;

const fmt = (x: number, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Rows per second of explaining: all rows over the explaining stage, which starts at all
 * scores, or at the first explanations on screen where explaining overlaps scoring (then the
 * stage is short by one block, and the rate a little high).
 */
export function explainStageRate(b: BrowserRun): number | null {
  if (b.allExplainedMs === null || b.allScoresMs === null) return null;
  const from = Math.min(b.allScoresMs, b.firstExplainedMs ?? b.allScoresMs);
  const stage = b.allExplainedMs - Math.min(from, b.allExplainedMs);
  return stage > 0 ? (b.rows / stage) * 1000 : null;
}

/** The earliest whole-file global chart: the early picture of the first rows read, or the explained sample. */
export function firstChartMs(b: BrowserRun): number | null {
  const times = [b.earlyPictureMs, b.firstExplainedMs].filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/** Longest frame over the table scrolls and the beeswarm hover; null when none was recorded. */
export function longestFrameMs(b: BrowserRun): number | null {
  const frames = [b.scrollDuringExplain, b.scroll, b.hover].filter((f) => f !== null && f.frames > 0);
  return frames.length ? Math.max(...frames.map((f) => f!.longestMs)) : null;
}

function row(goal: string, f: File, value: number | null, figure: (v: number) => string, bound: number, target: string, upper: boolean): GoalRow {
  const ratio = value === null || !Number.isFinite(value) ? null : value / bound;
  return {
    goal,
    rows: f.rows,
    figure: value === null || !Number.isFinite(value) ? '–' : figure(value),
    value,
    target,
    bound,
    ratio,
    met: ratio === null ? null : upper ? ratio <= 1 : ratio >= 1,
  };
}

/** Every target of issue 19 for every file of the run, in the issue's order. */
export function goals(bench: Bench): GoalRow[] {
  const out: GoalRow[] = [];
  const cores = bench.machine.cores;
  for (const f of bench.files) {
    const b = f.browser;
    const r = f.reference;
    const million = f.rows >= MILLION;
    const scoresBound = million ? TARGETS.scoresRatioAtMillion : TARGETS.scoresRatioBelow;
    out.push(
      row('all scores ÷ pandas read_csv + onnxruntime (same file)', f, b?.allScoresMs != null && r ? b.allScoresMs / 1000 / r.scores.total_s : null, (v) => `${fmt(v, 2)}× (${fmt(b!.allScoresMs! / 1000, 1)} s vs ${fmt(r!.scores.total_s, 2)} s)`, scoresBound, `≤ ${fmt(scoresBound, 1)}×`, true),
    );
    const explainedBound = (TARGETS.explainedSecondsPerMillion * f.rows) / MILLION;
    out.push(row('all rows explained after the press', f, b?.allExplainedMs != null ? b.allExplainedMs / 1000 : null, (v) => `${fmt(v, 1)} s`, explainedBound, `≤ ${fmt(explainedBound, 1)} s${f.rows === MILLION ? '' : ' (40 s per 10⁶, pro rata)'}`, true));
    const rate = b ? explainStageRate(b) : null;
    const native = r?.contrib?.rows_per_s_one_thread ?? null;
    out.push(
      row('explained rows/s per core ÷ LightGBM pred_contrib per core', f, rate !== null && native ? rate / cores / native : null, (v) => `${fmt(v, 1)}× (${fmt(rate! / cores)} vs ${fmt(native!)} rows/s per core)`, TARGETS.explainPerCoreRatio, `≥ ${TARGETS.explainPerCoreRatio}×`, false),
    );
    const chart = b ? firstChartMs(b) : null;
    out.push(row('first global chart after the press', f, chart === null ? null : chart / 1000, (v) => `${fmt(v, 2)} s`, TARGETS.firstChartSeconds, `≤ ${TARGETS.firstChartSeconds} s`, true));
    out.push(row('longest main-thread task, press → all explained', f, b ? b.longestTaskMs : null, (v) => `${fmt(v)} ms (${b!.longTasks} over 50 ms)`, TARGETS.longestTaskMs, `≤ ${TARGETS.longestTaskMs} ms`, true));
    const frame = b ? longestFrameMs(b) : null;
    out.push(row('longest frame scrolling the table / hovering the beeswarm', f, frame, (v) => `${fmt(v)} ms`, TARGETS.longestFrameMs, `≤ ${TARGETS.longestFrameMs} ms`, true));
    out.push(row('peak JS heap + array buffers, page + workers', f, b ? b.peakHeapWithBuffers : null, (v) => `${fmt(v / GB, 2)} GB`, TARGETS.peakMemoryBytes, `≤ ${fmt(TARGETS.peakMemoryBytes / GB, 1)} GB${f.rows === MILLION ? '' : ' (the bar at 10⁶)'}`, true));
  }
  return out;
}

/** The goals as a Markdown table, with the machine load beside each file's rows. */
export function goalsMarkdown(bench: Bench): string {
  const load = new Map(bench.files.map((f) => [f.rows, `${fmt(f.load[0], 1)} → ${fmt(f.load[1], 1)}`]));
  const lines = [
    `Issue 19 targets (${bench.machine.cores} cores; load = 1-min average before → after the file's runs):`,
    '',
    '| target | rows (load) | figure | target | figure ÷ target | |',
    '|---|---|---|---|---|---|',
  ];
  for (const g of goals(bench)) {
    const verdict = g.met === null ? 'not measured' : g.met ? 'met' : 'not met';
    lines.push(`| ${g.goal} | ${fmt(g.rows)} (${load.get(g.rows)}) | ${g.figure} | ${g.target} | ${g.ratio === null ? '–' : `${fmt(g.ratio, 2)}`} | ${verdict} |`);
  }
  lines.push('');
  return lines.join('\n');
}
