import type { ScoresFrom } from '../export/manifest';
import type { Problem } from '../problems';
import { parquetProblem } from './codes';
import type { ParquetOutcome } from './score-parquet';

/**
 * The audit trail of a Parquet file whose scores were taken from it (ParquetOutcome mode
 * 'file-scores': a batch output of the active model whose sample matched): what the manifest
 * records as input.scores_from. Null for every other file — a CSV, a plain extract, a batch
 * output scored here — whose scores the app computed itself.
 */
export function scoresFrom(outcome: ParquetOutcome | null): ScoresFrom | null {
  if (!outcome || outcome.mode !== 'file-scores' || !outcome.made || !outcome.check) return null;
  const { made, check } = outcome;
  return {
    kind: 'batch',
    modelSha256: made.modelSha256,
    inputName: made.inputName,
    inputSha256: made.inputSha256,
    checked: check.checked,
    matched: check.checked - check.count,
    contributions: outcome.contrib !== null,
  };
}

/** The one sentence the validation report and the selection report say it in (parquet.scores_from_batch). */
export function scoresFromProblem(s: Pick<ScoresFrom, 'inputName' | 'inputSha256' | 'checked' | 'matched' | 'contributions'>): Problem {
  return parquetProblem('parquet.scores_from_batch', {
    params: { name: s.inputName, sha: s.inputSha256.slice(0, 12), checked: s.checked, matched: s.matched, contributions: s.contributions ? 1 : 0 },
  });
}
