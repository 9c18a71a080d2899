/**
 * The most rows one browser tab scores and explains (issue 19, "a national extract"), and the
 * rule that refuses a bigger file up front — from its size and the line lengths in its first
 * bytes, before any of it is parsed — naming the ceiling and the batch path (the CLI,
 * `npm run score`, which reads the file in chunks outside the browser).
 *
 * Why rows, and why this number: the tab's memory grows with rows — per row the feature
 * matrix (float32 × F), the contributions (float32 × (F + 1)), scores, ranks and order, line
 * numbers and id strings on the page, and the engines' copies. `npm run bench` measured the
 * peak JS heap + array buffers of page and workers at 0.22, 0.74 and 2.83 GiB for 10⁵, 10⁶
 * and 4.6 × 10⁶ rows of the bundled model's extract (6 December 2026, Chromium 156): 0.16 GiB
 * + 623 bytes per row, linear. A budget of 4 GiB for the tab then allows 6.6 million rows;
 * the ceiling is that rounded down to a whole million, and a run at 6 × 10⁶ rows opened,
 * scored and explained (peak 2.84 GiB heap + buffers, 2.71 GiB renderer RSS). README "Speed
 * at national scale".
 */
import { problem, type Problem } from '../problems';

/** Rows a tab takes: 4 GiB at 0.16 GiB + 623 bytes per row, rounded down (see above). */
export const TAB_CEILING_ROWS = 6_000_000;

/** The batch path the refusal names: the command line streams any size (README "Command line"). */
export const BATCH_COMMAND = 'npm run score';

/**
 * Data rows a file of `fileBytes` holds, estimated from `sample`, its first bytes: the
 * sample's bytes per line break (LF, CR LF or a lone CR, as an editor counts them) scaled to
 * the whole file, less the header line. A sample that is the whole file is counted, not
 * scaled. Quoted line breaks count as rows, so the estimate errs high; a sample with no line
 * break at all (one header longer than the sample) gives 0, and the sniffer refuses that file.
 */
export function estimateRows(fileBytes: number, sample: Uint8Array): number {
  let breaks = 0;
  let last = -1;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 10 || (b === 13 && sample[i + 1] !== 10)) {
      breaks++;
      last = i;
    }
  }
  if (sample.length >= fileBytes) {
    // The whole file: a last line without a line break is a row too.
    const lines = breaks + (last < sample.length - 1 && sample.length > 0 ? 1 : 0);
    return Math.max(0, lines - 1);
  }
  if (breaks === 0) return 0;
  // Bytes up to and including the last complete line, per line.
  const perLine = (last + 1) / breaks;
  return Math.max(0, Math.round(fileBytes / perLine) - 1);
}

/**
 * Null when a file of `fileBytes` starting with `sample` fits in a tab; otherwise the problem
 * 'intake.over_ceiling' (error) with the estimate, the ceiling and the batch command.
 */
export function checkTabCeiling(fileBytes: number, sample: Uint8Array, ceiling = TAB_CEILING_ROWS): Problem | null {
  const rows = estimateRows(fileBytes, sample);
  if (rows <= ceiling) return null;
  return problem('intake.over_ceiling', 'error', { params: { rows: roundForSentence(rows), ceiling, command: BATCH_COMMAND } });
}

/** An estimate said to two significant figures ("about 4.6 million"), not to the row. */
function roundForSentence(rows: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(rows)) - 1);
  return Math.round(rows / unit) * unit;
}
