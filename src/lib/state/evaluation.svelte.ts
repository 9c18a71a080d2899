/**
 * What the analyst chose in the evaluation view: the outcome column when the card's is absent,
 * the column to segment by and the segment the view is filtered to. Kept per scored file (a new
 * file starts afresh) and outside the component, so leaving the tab and coming back keeps it.
 */
import type { ScoredFile } from '../core/pipeline/scored-file';

export class EvaluationChoices {
  /** Index into ingest.passthrough of a 0/1 column the user picked as the outcome; null: none. */
  labelColumn = $state<number | null>(null);
  /** Key of the column segmented by ('p<j>' passthrough column j, 'f<k>' card feature k); '' for none. */
  segmentKey = $state('');
  /** The segment every chart and table is filtered to (a metricsBySegment name); null: all rows. */
  segment = $state<string | null>(null);
}

const choices = new WeakMap<ScoredFile, EvaluationChoices>();

export function evaluationChoices(result: ScoredFile): EvaluationChoices {
  let c = choices.get(result);
  if (!c) choices.set(result, (c = new EvaluationChoices()));
  return c;
}
