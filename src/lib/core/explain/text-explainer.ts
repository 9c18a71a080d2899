import type { ModelCard } from '../model/card';
import type { Plan } from '../csv/buildPlan';
import { STATUS_REJECTED } from '../csv/row-status';
import { compileCharTfidf, type CharTfidf } from '../text/char-tfidf';
import { explainText, slotMeans, strongestWord, type TextExplanation } from './text-contributions';

/** What splitting a text feature's contribution over its words takes, for one scored file. */
export interface TextExplainer {
  /** Position in card.features. */
  feature: number;
  tfidf: CharTfidf;
  /** Slot weights (ModelFile.text / ModelInfo.text). */
  weights: ArrayLike<number>;
  /** The file's texts of this feature, one per row ('' for none). */
  texts: readonly string[];
  /** Slot means over the rows that are explained (not rejected): the background of the slots. */
  means: Float64Array;
}

/**
 * A text feature's cells, one per row: intake carries a text feature's column as text beside
 * its score (buildPlan puts it among the passthrough columns). Null when the file lacks it.
 */
export function textColumn(ingest: { plan: Pick<Plan, 'featureColumns' | 'passthrough'>; passthrough: { columns: string[][] } }, feature: number): readonly string[] | null {
  const column = ingest.plan.featureColumns[feature];
  const k = column >= 0 ? ingest.plan.passthrough.indexOf(column) : -1;
  return k >= 0 ? (ingest.passthrough.columns[k] ?? null) : null;
}

/** One explainer per text feature the weights and the file have. */
export function textExplainers(
  card: Pick<ModelCard, 'features'>,
  weights: readonly { feature: number; weights: ArrayLike<number> }[],
  ingest: { rows: number; status: Uint8Array; plan: Pick<Plan, 'featureColumns' | 'passthrough'>; passthrough: { columns: string[][] } },
): TextExplainer[] {
  const out: TextExplainer[] = [];
  for (const w of weights) {
    const spec = card.features[w.feature]?.text;
    const texts = textColumn(ingest, w.feature);
    if (!spec || !texts) continue;
    const tfidf = compileCharTfidf(spec);
    out.push({ feature: w.feature, tfidf, weights: w.weights, texts, means: slotMeans(tfidf, texts, (r) => ingest.status[r] !== STATUS_REJECTED) });
  }
  return out;
}

/** Row `row`'s text split over its words, or over the words of `text` when given (a what-if edit). */
export function explainTextRow(e: TextExplainer, row: number, text = e.texts[row] ?? ''): TextExplanation {
  return explainText(e.tfidf, e.weights, e.means, text);
}

/** The word of row `row`'s text that raises the score most, as written in the file; null when none does. */
export function strongestWordOf(e: TextExplainer, row: number): string | null {
  const text = e.texts[row] ?? '';
  const best = strongestWord(explainText(e.tfidf, e.weights, e.means, text));
  return best ? text.slice(best.start, best.end) : null;
}
