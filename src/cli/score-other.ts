import { readFileSync } from 'node:fs';
import type { IngestOptions } from '../lib/core/csv/ingest';
import { scoreInput } from './score-input';
import { ranked } from '../lib/core/pipeline/scored-file';
import { problem, type Problem } from '../lib/core/problems';
import { loadModelFile } from '../lib/runtime/node-engine';

/** The second model's scores of the file, row for row with the first's. */
export interface OtherScores {
  /** P(positive) per data row, NaN where this model rejected the row. */
  probability: Float32Array;
  /** rankOrder of probability. */
  order: Uint32Array;
  /** 1-based rank, 0 for a rejected row. */
  rank: Uint32Array;
}

/**
 * Scores the input a second time with the --compare model, read with its own card (the file's,
 * or --compare-card for a model without one, as --card for the first), so a challenger may read
 * other columns. A model that cannot be loaded, a header it cannot score, or a different row
 * count: problems, one of which the CLI prints as its one sentence before exit 1.
 */
export async function scoreOther(job: {
  modelPath: string;
  cardPath?: string;
  inputPath: string;
  options: IngestOptions;
  rows?: number;
}): Promise<OtherScores | { problems: Problem[] }> {
  let card: string | undefined;
  if (job.cardPath !== undefined) {
    try {
      card = readFileSync(job.cardPath, 'utf8');
    } catch {
      return { problems: [problem('cli.card_missing', 'error', { params: { path: job.cardPath } })] };
    }
  }
  const model = await loadModelFile(job.modelPath, { card });
  if (!('card' in model)) {
    const noCard = model.problems.some((p) => p.code === 'model.no_card');
    return { problems: noCard ? [problem('cli.compare_no_card', 'error', { params: { model: job.modelPath } })] : model.problems };
  }
  // Every row scored here (no model hash): a batch output's scores are the first model's, not this one's.
  const scored = await scoreInput({ path: job.inputPath, card: model.card, options: job.options, score: (x, n) => model.scorer.score(x, n), text: model.model.text });
  await model.scorer.release();
  if (!scored || scored.file.ingest.plan.blocked || scored.file.ingest.plan.columns.length === 0) {
    return { problems: [problem('cli.compare_cannot_score', 'error', { params: { model: job.modelPath } })] };
  }
  const file = ranked(scored.file);
  return { probability: file.probability, order: file.order, rank: file.rank };
}
