import { describe, expect, it } from 'vitest';
import type { BrowserRun, FrameStats } from './browser-run';
import { goals, goalsMarkdown } from './goals';
import type { Bench, Reference } from './report';

const frames = (longestMs: number): FrameStats => ({ frames: 100, longestMs, p95Ms: 16, over100: longestMs > 100 ? 1 : 0, longestTaskMs: 0 });

function browser(rows: number, o: Partial<BrowserRun>): BrowserRun {
  return {
    rows, bytes: 0, firstScoresMs: 500, allScoresMs: 12_000, earlyPictureMs: 900, firstExplainedMs: 14_000, allExplainedMs: 52_000, previewMs: null,
    summary: '', explainStatus: '', workers: 2, appWorkers: 2, peakHeapUsed: 0, peakHeapWithBuffers: 2 ** 29, heapSamples: 10, rendererPeakRss: null,
    longTasks: 1, longestTaskMs: 75, slowestTasks: [], scrollDuringExplain: frames(40), scroll: frames(120), hover: frames(30), profile: null, ...o,
  };
}

function reference(totalS: number, oneThread: number): Reference {
  return {
    bytes: 0,
    scores: { read_csv_s: 0, matrix_s: 0, onnxruntime_s: 0, total_s: totalS, rows: 0, rows_per_s: 0, threads: 2 },
    contrib: { rows_timed: 5000, rows_per_s: 2 * oneThread, rows_per_s_one_thread: oneThread, threads: 2, trees: 299 },
    versions: {},
  };
}

const bench: Bench = {
  date: '2026-12-06T00:00:00Z',
  commit: 'abc',
  machine: { cpu: 'x', cores: 2, memoryGB: 24, chromium: 'c', node: 'n' },
  files: [
    { rows: 1_000_000, bytes: 0, csv: 'a', browser: browser(1_000_000, {}), reference: reference(10, 1000), load: [2, 3] },
    { rows: 100_000, bytes: 0, csv: 'b', browser: browser(100_000, { allScoresMs: 1_500, allExplainedMs: 3_000, firstExplainedMs: 1_000, earlyPictureMs: null, longestTaskMs: 40, peakHeapWithBuffers: 2 ** 31 }), reference: reference(1, 1000), load: [1, 1] },
  ],
};

describe('issue 19 goals', () => {
  const rows = goals(bench);
  const at = (n: number, goal: string) => rows.find((r) => r.rows === n && r.goal.startsWith(goal))!;

  it('holds scores to 1.2× the reference at 10⁶ rows and 2× at 10⁵', () => {
    // 12 s against 10 s: 1.2×, met exactly (ratio to the target 1); 1.5 s against 1 s: 1.5×, 0.75 of the 2× bar.
    expect(at(1_000_000, 'all scores')).toMatchObject({ value: 1.2, ratio: 1, met: true, target: '≤ 1.2×' });
    expect(at(100_000, 'all scores')).toMatchObject({ value: 1.5, ratio: 0.75, met: true, target: '≤ 2.0×' });
  });

  it('times all explanations from the press against 40 s per million, pro rata', () => {
    expect(at(1_000_000, 'all rows explained')).toMatchObject({ value: 52, bound: 40, ratio: 1.3, met: false });
    expect(at(100_000, 'all rows explained')).toMatchObject({ value: 3, bound: 4, ratio: 0.75, met: true });
  });

  it('divides the explaining rate by the cores and by LightGBM on one thread', () => {
    // 10⁶ rows from all scores (12 s) to all explained (52 s): 25,000 rows/s, 12,500 per core, 12.5× of 1,000.
    expect(at(1_000_000, 'explained rows/s').value).toBeCloseTo(12.5, 10);
    expect(at(1_000_000, 'explained rows/s').ratio).toBeCloseTo(0.5, 10);
    expect(at(1_000_000, 'explained rows/s').met).toBe(false);
    // Explaining overlapped scoring: the stage starts at the first explanations (1 s), so 10⁵ rows in 2 s, 25,000 per core: 25×.
    expect(at(100_000, 'explained rows/s')).toMatchObject({ value: 25, ratio: 1, met: true });
  });

  it('takes the earliest whole-file chart, the longest task and the longest frame of all interactions', () => {
    expect(at(1_000_000, 'first global chart')).toMatchObject({ value: 0.9, met: true });
    expect(at(100_000, 'first global chart')).toMatchObject({ value: 1, met: true });
    expect(at(1_000_000, 'longest main-thread task')).toMatchObject({ value: 75, ratio: 1.5, met: false });
    expect(at(100_000, 'longest main-thread task')).toMatchObject({ value: 40, met: true });
    expect(at(1_000_000, 'longest frame')).toMatchObject({ value: 120, met: false });
  });

  it('compares peak heap and buffers with 1.0 GB', () => {
    expect(at(1_000_000, 'peak JS heap')).toMatchObject({ ratio: 0.5, met: true });
    expect(at(100_000, 'peak JS heap')).toMatchObject({ ratio: 2, met: false });
  });

  it('says "not measured" where the run has no figure, and prints one line per target and file', () => {
    const bare: Bench = { ...bench, files: [{ ...bench.files[0], browser: null, reference: null }] };
    expect(goals(bare).every((g) => g.met === null)).toBe(true);
    const table = goalsMarkdown(bench).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| target'));
    expect(table).toHaveLength(14);
    expect(table[0]).toBe('| all scores ÷ pandas read_csv + onnxruntime (same file) | 1,000,000 (2.0 → 3.0) | 1.20× (12.0 s vs 10.00 s) | ≤ 1.2× | 1.00 | met |');
  });
});
