/**
 * The card editor's bridge to the core's model card functions (issue "Any model"): the
 * editor's values become a partial card (only what the user said), which `writeCard`
 * (core/model/write-card.ts) puts into the file; `readModel` completes it on load with
 * `completeCard` and lists what it lacks (`ModelFile.missing`, shown by the model panel).
 * Neutral defaults are never written into the file as if someone had said them.
 */
import { MODEL_CARD_SCHEMA, MODEL_CARD_VERSION, type FeatureUnit, type Localized, type PartialModelCard, type Vocabulary } from '../core/model/card';
import type { ModelInspection } from '../worker/protocol';

export type { CardGap } from '../core/model/complete-card';
export { writeCard } from '../core/model/write-card';

/** What the card editor collects. Null = the user left it out. */
export interface CardDraftValues {
  modelName: string;
  /** In the model's input order. */
  features: { name: string; label: Localized | null; unit: FeatureUnit }[];
  idColumn: string | null;
  labelColumn: string | null;
  /** The task's words (what a row and class 1 are called …); null = the user kept the neutral ones. */
  vocabulary: Vocabulary | null;
}

/** The output that holds the class probabilities: a [N, 2] tensor, else the ZipMap's sequence (the reader drops the ZipMap). */
export function probabilityOutput(inspection: ModelInspection): string | null {
  const tensor = inspection.outputs.find((o) => o.tensor && o.width === 2);
  if (tensor) return tensor.name;
  const zipmap = inspection.outputs.find((o) => !o.tensor);
  return zipmap?.name ?? null;
}

/** The card as the user gave it: the features' names in input order, and only what was filled in. */
export function partialCardOf(draft: CardDraftValues): PartialModelCard {
  const card: PartialModelCard = {
    card_schema: MODEL_CARD_SCHEMA,
    card_version: MODEL_CARD_VERSION,
    model: { id: draft.modelName },
    features: draft.features.map((f) => ({ name: f.name, unit: f.unit, ...(f.label ? { label: f.label } : {}) })),
  };
  if (draft.idColumn) card.id_column = draft.idColumn;
  const v = draft.vocabulary;
  // The label's text is what class 1 is called, as the vocabulary says it.
  const positive: Localized | null = v ? { nb: v.positive.nb.one, nn: v.positive.nn.one, en: v.positive.en.one } : null;
  if (draft.labelColumn) card.label = { name: draft.labelColumn, ...(positive ? { text: positive } : {}) };
  if (v) card.vocabulary = v;
  return card;
}
