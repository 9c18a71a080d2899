import * as v from 'valibot';
import { MODEL_CARD_SCHEMA, type ModelCard } from './card';

/**
 * The model card is untrusted input (a user may load any .onnx file), so it is validated
 * once, here at the boundary, with valibot. The annotation ties this schema to the
 * ModelCard type: if the two drift apart, the build fails.
 */
const localized = v.object({ nb: v.string(), nn: v.string(), en: v.string() });
const finite = v.pipe(v.number(), v.finite());
const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const training = v.object({
  n: count,
  missing_share: share,
  min: finite,
  max: finite,
  mean: finite,
  quantiles: v.object({ probs: v.array(share), values: v.array(finite) }),
  drift_reference: v.object({ cuts: v.array(finite), shares: v.array(share) }),
});

const feature = v.object({
  name: v.pipe(v.string(), v.nonEmpty()),
  index: count,
  label: localized,
  description: localized,
  unit: v.picklist(['NOK', 'km', 'days', 'years', 'percent', 'count', 'flag', 'code']),
  kind: v.picklist(['continuous', 'integer', 'binary', 'ordinal', 'categorical']),
  categories: v.optional(v.array(v.object({ code: finite, label: localized }))),
  nonnegative: v.boolean(),
  nullable: v.boolean(),
  aliases: v.array(v.string()),
  source: v.picklist(['register', 'taxpayer', 'derived']),
  training,
});

const shareMetric = v.object({ share, n_selected: count, precision: share, recall: share, lift: finite });

export const modelCardSchema: v.GenericSchema<unknown, ModelCard> = v.object({
  card_schema: v.literal(MODEL_CARD_SCHEMA),
  card_version: v.pipe(v.number(), v.integer()),
  model: v.object({
    id: v.string(),
    version: v.string(),
    algorithm: v.string(),
    trained: v.string(),
    income_year: v.pipe(v.number(), v.integer()),
    n_trees: count,
    max_depth: count,
    synthetic: v.literal(true),
    notice: localized,
  }),
  io: v.object({
    input: v.string(),
    probabilities: v.string(),
    positive_class: count,
    raw_score: v.literal('log-odds'),
  }),
  id_column: v.string(),
  label: v.object({ name: v.string(), text: localized, positive: v.literal(1), aliases: v.array(v.string()) }),
  ground_truth_columns: v.array(v.string()),
  features: v.pipe(v.array(feature), v.minLength(1)),
  metrics: v.object({
    split: v.literal('test'),
    n: count,
    positives: count,
    base_rate: share,
    roc_auc: share,
    pr_auc: share,
    brier: share,
    at_share: v.array(shareMetric),
  }),
  gains: v.object({ shares: v.array(share), recall: v.array(share), precision: v.array(share) }),
  data: v.object({
    generator: v.string(),
    seed: v.pipe(v.number(), v.integer()),
    n_train: count,
    n_valid: count,
    n_test: count,
    base_rate_train: share,
  }),
  covers: v.literal('nodes_hitrates'),
});
