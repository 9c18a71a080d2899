/**
 * The --covers-from file (CSV or Parquet): read with the same intake as the scored file (encoding,
 * delimiter, decimal mark, the card's columns), so a reference extract in the same format
 * gives the same float32 rows. Rejected rows (every feature NaN) are left out: they are not
 * data, and would all follow the missing-value branches.
 */
import { existsSync } from 'node:fs';
import type { ModelCard } from '../lib/core/model/card';
import type { TextFeature } from '../lib/core/model/text-feature';
import type { IngestOptions } from '../lib/core/csv/ingest';
import { STATUS_REJECTED } from '../lib/core/csv/row-status';
import { scoreInput } from './score-input';
import { problem, type Problem } from '../lib/core/problems';

export async function readReference(
  path: string,
  card: ModelCard,
  options: IngestOptions,
  /** The model's text features (ModelFile.text): their cells become the text's score, as in the scored file. */
  text: readonly TextFeature[] = [],
): Promise<{ features: Float32Array; rows: number } | { problems: Problem[] }> {
  if (!existsSync(path)) return { problems: [problem('cli.input_missing', 'error', { params: { path } })] };
  const read = await scoreInput({ path, card, options, score: (_, n) => Promise.resolve(new Float32Array(n).fill(NaN)), text });
  if (!read) return { problems: [problem('cli.reference_unreadable', 'error', { params: { path } })] };
  const { ingest } = read.file;
  if (ingest.plan.blocked) return { problems: [problem('cli.reference_unreadable', 'error', { params: { path } })] };
  const f = card.features.length;
  const keep: number[] = [];
  for (let r = 0; r < ingest.rows; r++) if (ingest.status[r] !== STATUS_REJECTED) keep.push(r);
  const features = new Float32Array(keep.length * f);
  keep.forEach((r, i) => features.set(ingest.features.subarray(r * f, (r + 1) * f), i * f));
  return { features, rows: keep.length };
}
