import * as v from 'valibot';
import type { Localized } from './card';
import { problem, type Problem } from '../problems';

/**
 * The models that come with the app, as `public/model/index.json` lists them (written by
 * models/bundle_index.py from the cards in the .onnx files, so the picker can show a line per
 * model without fetching every model). Paths are relative to the page.
 */
export interface BundledModel {
  id: string;
  /** The .onnx file, e.g. 'model/deduction-risk.onnx'. */
  file: string;
  /** Its demo sample, e.g. 'demo/demo-sample.csv'; null when it has none. */
  demo: string | null;
  /** What it predicts (the card's vocabulary.task). */
  task: Localized;
  /** The card's notice (what it is for, and that it was trained on synthetic data). */
  notice: Localized;
  /** Id of the model this one is a challenger of (not offered as a primary model); null for a primary model. */
  challengerOf: string | null;
  /** SHA-256 of the .onnx file, hex. */
  sha256: string;
  /** Test-split ROC AUC and the share of positives found when checking the top 25 % (0–1). */
  rocAuc: number;
  recallAt25: number;
}

const localized = v.object({ nb: v.string(), nn: v.string(), en: v.string() });
const entry = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  file: v.pipe(v.string(), v.regex(/^[\w./-]+\.onnx$/)),
  demo: v.nullable(v.pipe(v.string(), v.regex(/^[\w./-]+\.csv$/))),
  task: localized,
  notice: localized,
  challenger_of: v.nullable(v.string()),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  roc_auc: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  recall_at_25: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});
const index = v.object({ models: v.pipe(v.array(entry), v.minLength(1)) });

/** Reads index.json; a file that does not fit gives no models and one problem (the app then offers the default model alone). */
export function readBundledIndex(json: unknown): { models: BundledModel[]; problems: Problem[] } {
  const parsed = v.safeParse(index, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { models: [], problems: [problem('model.index_invalid', 'error', { params: { detail: `${where} ${issue.message}`.trim() } })] };
  }
  const models = parsed.output.models.map((m) => ({
    id: m.id,
    file: m.file,
    demo: m.demo,
    task: m.task,
    notice: m.notice,
    challengerOf: m.challenger_of,
    sha256: m.sha256,
    rocAuc: m.roc_auc,
    recallAt25: m.recall_at_25,
  }));
  return { models, problems: [] };
}
