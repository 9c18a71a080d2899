/**
 * TEMPORARY merge seam with the engine branch (issue "Any model"). Everything the app side
 * needs from the engine's model contract that is not in the core yet lives here, and only
 * here, so the merge is a change to this one file:
 *
 * - `completeCardGlue(draft, inspection)` stands in for the core's
 *   `completeCard(partial, info) → { card, missing }`: it fills a full card with neutral
 *   defaults (today's reader accepts only full cards) and lists the gaps as CardGap codes.
 *   At merge: build the partial card `{ features: [{ name, label?, unit? }], … }` from the
 *   draft and call `completeCard`.
 * - `writeCardGlue(bytes, card)` stands in for `writeCard(onnxBytes, card)` in
 *   core/model/write-card.ts. At merge: `export { writeCard as writeCardGlue }` or replace
 *   the call in card-draft.svelte.ts.
 * - `cardGaps(card)` reads the gaps back from a card this glue wrote (neutral defaults are
 *   recognisable). At merge: take `missing` from the engine's readModel/completeCard instead.
 *
 * No core code is written here: the card is built from the ModelCard type, and the bytes
 * are appended as one more protobuf field, so the file is otherwise byte-for-byte the
 * converter's.
 */
import { MODEL_CARD_KEY, MODEL_CARD_SCHEMA, MODEL_CARD_VERSION, type FeatureUnit, type Localized, type ModelCard } from '../core/model/card';
import type { ModelInspection } from '../worker/protocol';

/** What a partial card cannot show (the engine's CardGap codes). */
export type CardGap = 'card.no_training_ranges' | 'card.no_test_metrics' | 'card.no_labels' | 'card.no_id_column' | 'card.no_label_column';

/** What the card editor collects. Null = the user left it out. */
export interface CardDraftValues {
  modelName: string;
  /** In the model's input order. */
  features: { name: string; label: Localized | null; unit: FeatureUnit }[];
  idColumn: string | null;
  labelColumn: string | null;
  /** How the positive class (1) is worded, e.g. "incorrect deduction". */
  positive: Localized | null;
}

/** The output that holds the class probabilities: a [N, 2] tensor, else the ZipMap's sequence (the engine rewrites it). */
export function probabilityOutput(inspection: ModelInspection): string | null {
  const tensor = inspection.outputs.find((o) => o.tensor && o.width === 2);
  if (tensor) return tensor.name;
  const zipmap = inspection.outputs.find((o) => !o.tensor);
  return zipmap?.name ?? null;
}

const same = (text: string): Localized => ({ nb: text, nn: text, en: text });
const EMPTY = same('');

export function completeCardGlue(draft: CardDraftValues, inspection: ModelInspection): { card: ModelCard; missing: CardGap[] } {
  const card: ModelCard = {
    card_schema: MODEL_CARD_SCHEMA,
    card_version: MODEL_CARD_VERSION,
    model: { id: draft.modelName, version: '', algorithm: '', trained: '', income_year: 0, n_trees: 0, max_depth: 0, synthetic: true, notice: EMPTY },
    io: { input: inspection.input?.name ?? '', probabilities: probabilityOutput(inspection) ?? '', positive_class: 1, raw_score: 'log-odds' },
    id_column: draft.idColumn ?? '',
    label: { name: draft.labelColumn ?? '', text: draft.positive ?? same(draft.labelColumn ?? ''), positive: 1, aliases: [] },
    ground_truth_columns: [],
    features: draft.features.map((f, index) => ({
      name: f.name,
      index,
      label: f.label ?? same(f.name),
      description: EMPTY,
      unit: f.unit,
      kind: 'continuous',
      nonnegative: false,
      nullable: true,
      aliases: [],
      source: 'derived',
      // No training summary: n = 0 says so; the range is everything, so nothing is out of range.
      training: { n: 0, missing_share: 0, min: -Number.MAX_VALUE, max: Number.MAX_VALUE, mean: 0, quantiles: { probs: [], values: [] }, drift_reference: { cuts: [], shares: [1] } },
    })),
    metrics: { split: 'test', n: 0, positives: 0, base_rate: 0, roc_auc: 0, pr_auc: 0, brier: 0, at_share: [] },
    gains: { shares: [], recall: [], precision: [] },
    data: { generator: '', seed: 0, n_train: 0, n_valid: 0, n_test: 0, base_rate_train: 0 },
    covers: 'nodes_hitrates',
  };
  return { card, missing: cardGaps(card) };
}

/** The capabilities a card lacks (neutral defaults as completeCardGlue writes them). */
export function cardGaps(card: ModelCard): CardGap[] {
  const gaps: CardGap[] = [];
  if (card.features.every((f) => f.training.n === 0)) gaps.push('card.no_training_ranges');
  if (card.metrics.n === 0) gaps.push('card.no_test_metrics');
  if (card.features.every((f) => f.label.en === f.name && f.label.nb === f.name)) gaps.push('card.no_labels');
  if (card.id_column === '') gaps.push('card.no_id_column');
  if (card.label.name === '') gaps.push('card.no_label_column');
  return gaps;
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function lengthDelimited(field: number, body: Uint8Array): Uint8Array {
  const head = [...varint((field << 3) | 2), ...varint(body.length)];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/**
 * The file with the card in metadata_props["model_card"]: one StringStringEntryProto (field
 * 14 of ModelProto) appended, which protobuf reads as one more entry of the repeated field.
 * Only for a file without a card (the editor's case): a second entry with the same key would
 * be ambiguous.
 */
export function writeCardGlue(bytes: Uint8Array, card: ModelCard): Uint8Array {
  const text = new TextEncoder();
  const key = lengthDelimited(1, text.encode(MODEL_CARD_KEY));
  const value = lengthDelimited(2, text.encode(JSON.stringify(card)));
  const entry = new Uint8Array(key.length + value.length);
  entry.set(key);
  entry.set(value, key.length);
  const field = lengthDelimited(14, entry);
  const out = new Uint8Array(bytes.length + field.length);
  out.set(bytes);
  out.set(field, bytes.length);
  return out;
}
