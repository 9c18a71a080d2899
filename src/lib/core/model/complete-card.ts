import { NEUTRAL_VOCABULARY } from './neutral-vocabulary';
import { MODEL_CARD_SCHEMA, MODEL_CARD_VERSION, type CardCovers, type FeatureCard, type Localized, type ModelCard, type OutputSpace, type PartialModelCard, type TrainingSummary } from './card';

/**
 * What a partial card leaves the app unable to show, as stable codes (catalogue key
 * `card_gap.<code>` in i18n/messages/model.ts), so the page can say so instead of guessing:
 * - `card.no_training_ranges`: some feature has no training summary → no drift, no range checks;
 * - `card.no_test_metrics`: no test metrics or gains → no quality baseline;
 * - `card.no_labels`: some feature has no label → its raw column name is shown;
 * - `card.no_id_column`: no identifier column → rows are named by line only;
 * - `card.no_label_column`: no outcome column → no evaluation against known outcomes;
 * - `card.no_vocabulary`: no task words → neutral ones ("row", "positive") in every sentence.
 */
export type CardGap = 'card.no_training_ranges' | 'card.no_test_metrics' | 'card.no_labels' | 'card.no_id_column' | 'card.no_label_column' | 'card.no_vocabulary';

/** What the model file itself says, for the fields a card may leave out. */
export interface CardInfo {
  /** The graph's one float input. */
  input: string;
  /** The output holding the class probabilities [N, 2] (after a ZipMap is removed). */
  probabilities: string;
  outputSpace: OutputSpace;
  covers: CardCovers;
  /** The model operator, e.g. 'TreeEnsembleClassifier' or 'LinearClassifier'. */
  algorithm: string;
  nTrees: number;
  maxDepth: number;
}

const same = (text: string): Localized => ({ nb: text, nn: text, en: text });
const EMPTY = same('');

/**
 * A training summary that claims nothing: no rows, unknown range (NaN, so no value is
 * ever out of range), one drift bin holding everything (so no drift can be measured).
 */
function noTraining(): TrainingSummary {
  return { n: 0, missing_share: 0, min: NaN, max: NaN, mean: NaN, quantiles: { probs: [], values: [] }, drift_reference: { cuts: [], shares: [1] } };
}

/**
 * Fills a partial card (validated by partialCardSchema) with neutral defaults and lists the
 * capabilities it lacks. Defaults never invent knowledge: labels are the raw column name in
 * all three languages, a feature is continuous, may be missing and may be negative, its
 * unit is a plain number ('count' formats as one), its source 'derived'; metrics are NaN;
 * the graph's own names, output space and covers come from `info` (the file beats the card
 * where the card could be wrong about the graph). `synthetic` is false unless the card says so.
 */
export function completeCard(partial: PartialModelCard, info: CardInfo): { card: ModelCard; missing: CardGap[] } {
  const missing = new Set<CardGap>();
  const features: FeatureCard[] = partial.features.map((f, i) => {
    if (!f.label) missing.add('card.no_labels');
    if (!f.training) missing.add('card.no_training_ranges');
    return {
      name: f.name,
      index: i,
      label: f.label ?? same(f.name),
      description: f.description ?? EMPTY,
      unit: f.unit ?? 'count',
      kind: f.kind ?? 'continuous',
      ...(f.categories ? { categories: f.categories } : {}),
      nonnegative: f.nonnegative ?? false,
      nullable: f.nullable ?? true,
      aliases: f.aliases ?? [],
      source: f.source ?? 'derived',
      training: f.training ?? noTraining(),
      ...(f.rule ? { rule: f.rule } : {}),
    };
  });
  if (!partial.metrics || !partial.gains) missing.add('card.no_test_metrics');
  if (!partial.id_column) missing.add('card.no_id_column');
  if (!partial.label?.name) missing.add('card.no_label_column');
  if (!partial.vocabulary) missing.add('card.no_vocabulary');
  const m = partial.model ?? {};
  const d = partial.data ?? {};
  const card: ModelCard = {
    card_schema: MODEL_CARD_SCHEMA,
    card_version: partial.card_version ?? MODEL_CARD_VERSION,
    model: {
      id: m.id ?? '',
      version: m.version ?? '',
      algorithm: m.algorithm ?? info.algorithm,
      trained: m.trained ?? '',
      income_year: m.income_year ?? 0,
      n_trees: info.nTrees,
      max_depth: info.maxDepth,
      synthetic: m.synthetic ?? false,
      notice: m.notice ?? EMPTY,
    },
    io: { input: info.input, probabilities: info.probabilities, positive_class: 1, raw_score: info.outputSpace },
    id_column: partial.id_column ?? '',
    label: {
      name: partial.label?.name ?? '',
      text: partial.label?.text ?? same(partial.label?.name ?? ''),
      positive: 1,
      aliases: partial.label?.aliases ?? [],
    },
    ground_truth_columns: partial.ground_truth_columns ?? [],
    features,
    metrics: partial.metrics ?? { split: 'test', n: 0, positives: 0, base_rate: NaN, roc_auc: NaN, pr_auc: NaN, brier: NaN, at_share: [] },
    gains: partial.gains ?? { shares: [], recall: [], precision: [] },
    data: {
      generator: d.generator ?? '',
      seed: d.seed ?? 0,
      n_train: d.n_train ?? 0,
      n_valid: d.n_valid ?? 0,
      n_test: d.n_test ?? 0,
      base_rate_train: d.base_rate_train ?? NaN,
    },
    covers: info.covers,
    vocabulary: partial.vocabulary ?? NEUTRAL_VOCABULARY,
  };
  return { card, missing: [...missing] };
}

/**
 * The card to write into a file (writeCard) from a complete card: what completeCard filled
 * in without knowing is left out again — a training summary of no rows, metrics of no
 * test rows, empty gains, an unknown training base rate — so the file says only what is
 * known and reads back (readModel) to the same card with the same gaps. A feature's fields
 * that equal completeCard's defaults (label = the name, no description, 'count',
 * 'continuous', nullable, not non-negative, no aliases, 'derived') are left out too, so a
 * default is never written as if someone had said it. Their NaN would
 * otherwise be written as JSON null, which no schema accepts. Graph facts (`io`, `covers`,
 * the tree count and depth) are written as they are: readModel takes them from the file.
 */
export function fileCard(card: ModelCard): PartialModelCard {
  const { metrics, gains, data, features, vocabulary, ...rest } = card;
  const out: PartialModelCard = { ...rest, features: features.map(fileFeature) };
  if (vocabulary !== NEUTRAL_VOCABULARY) out.vocabulary = vocabulary;
  if (metrics.n > 0) out.metrics = metrics;
  if (gains.shares.length > 0) out.gains = gains;
  const { base_rate_train, ...known } = data;
  out.data = Number.isFinite(base_rate_train) ? data : known;
  return out;
}

function fileFeature(f: FeatureCard): PartialModelCard['features'][number] {
  const out: PartialModelCard['features'][number] = { name: f.name, index: f.index };
  const isName = f.label.nb === f.name && f.label.nn === f.name && f.label.en === f.name;
  if (!isName) out.label = f.label;
  if (f.description.nb || f.description.nn || f.description.en) out.description = f.description;
  if (f.unit !== 'count') out.unit = f.unit;
  if (f.kind !== 'continuous') out.kind = f.kind;
  if (f.categories) out.categories = f.categories;
  if (f.nonnegative) out.nonnegative = true;
  if (!f.nullable) out.nullable = false;
  if (f.aliases.length > 0) out.aliases = f.aliases;
  if (f.source !== 'derived') out.source = f.source;
  if (f.training.n > 0) out.training = f.training;
  if (f.rule) out.rule = f.rule;
  return out;
}
