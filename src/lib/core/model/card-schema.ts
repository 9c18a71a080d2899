import * as v from 'valibot';
import { MODEL_CARD_SCHEMA, type ModelCard, type PartialModelCard, type RuleTemplate } from './card';

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

const named = v.pipe(v.string(), v.nonEmpty());
const ruleTemplates = v.object(
  Object.fromEntries(
    (['above_cap', 'near_cap', 'none_qualifying', 'absence_over_allowance', 'full_year_part_time', 'after_years', 'threshold_not_subtracted', 'differs_from_prefilled'] as const).map((k) => [k, v.optional(localized)]),
  ) as Record<RuleTemplate, v.OptionalSchema<typeof localized, undefined>>,
);
const rule = v.object({
  cap: v.optional(v.pipe(v.number(), v.minValue(0))),
  cap_per: v.optional(named),
  age: v.optional(count),
  near: v.optional(v.pipe(v.number(), v.gtValue(0), v.maxValue(1))),
  prefilled: v.optional(named),
  full_year: v.optional(count),
  absence: v.optional(v.object({ feature: named, allowance: count })),
  part_time: v.optional(named),
  years: v.optional(v.object({ feature: named, limit: v.pipe(v.number(), v.minValue(0)) })),
  formula: v.optional(v.object({ rate: finite, threshold: finite, cost_cap: finite, km: named, days: named })),
  templates: ruleTemplates,
});

// A fitted char_wb TfidfVectorizer (core/text/char-tfidf.ts, CharTfidfSpec).
const charTfidf = v.object({
  analyzer: v.literal('char_wb'),
  ngram_range: v.tuple([count, count]),
  lowercase: v.boolean(),
  vocabulary: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.minLength(1)),
  idf: v.optional(v.nullable(v.array(finite))),
  sublinear_tf: v.boolean(),
  norm: v.nullable(v.picklist(['l2', 'l1'])),
});

const featureEntries = {
  name: v.pipe(v.string(), v.nonEmpty()),
  index: count,
  label: localized,
  description: localized,
  unit: v.picklist(['NOK', 'km', 'days', 'years', 'percent', 'count', 'flag', 'code']),
  kind: v.picklist(['continuous', 'integer', 'binary', 'ordinal', 'categorical', 'text']),
  categories: v.optional(v.array(v.object({ code: finite, label: localized }))),
  nonnegative: v.boolean(),
  nullable: v.boolean(),
  aliases: v.array(v.string()),
  source: v.picklist(['register', 'taxpayer', 'derived']),
  training,
  rule: v.optional(rule),
  width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  text: v.optional(charTfidf),
};
const feature = v.object(featureEntries);

const shareMetric = v.object({ share, n_selected: count, precision: share, recall: share, lift: finite });

const modelEntries = {
    id: v.string(),
    version: v.string(),
    algorithm: v.string(),
    trained: v.string(),
    income_year: v.pipe(v.number(), v.integer()),
    n_trees: count,
    max_depth: count,
    synthetic: v.boolean(),
    notice: localized,
};
const ioEntries = {
    input: v.string(),
    probabilities: v.string(),
    positive_class: count,
    raw_score: v.picklist(['log-odds', 'probability']),
};
const labelEntries = { name: v.string(), text: localized, positive: v.literal(1), aliases: v.array(v.string()) };
const metrics = v.object({
    split: v.literal('test'),
    n: count,
    positives: count,
    base_rate: share,
    roc_auc: share,
    pr_auc: share,
    brier: share,
    at_share: v.array(shareMetric),
});
const gains = v.object({ shares: v.array(share), recall: v.array(share), precision: v.array(share) });
const dataEntries = {
    generator: v.string(),
    seed: v.pipe(v.number(), v.integer()),
    n_train: count,
    n_valid: count,
    n_test: count,
    base_rate_train: share,
};
const covers = v.picklist(['nodes_hitrates', 'none']);
const forms = v.object({ one: v.pipe(v.string(), v.nonEmpty()), other: v.pipe(v.string(), v.nonEmpty()), definite: v.pipe(v.string(), v.nonEmpty()) });
const term = v.object({ nb: forms, nn: forms, en: forms });
const vocabulary = v.object({ task: localized, row: term, positive: term, subject: term });

export const modelCardSchema: v.GenericSchema<unknown, ModelCard> = v.object({
  card_schema: v.literal(MODEL_CARD_SCHEMA),
  card_version: v.pipe(v.number(), v.integer()),
  model: v.object(modelEntries),
  io: v.object(ioEntries),
  id_column: v.string(),
  label: v.object(labelEntries),
  ground_truth_columns: v.array(v.string()),
  features: v.pipe(v.array(feature), v.minLength(1)),
  metrics,
  gains,
  data: v.object(dataEntries),
  covers,
  vocabulary,
});

/**
 * A card as a file may hold it: only the features' names, in input order, are required;
 * every other field may be left out (completeCard fills neutral defaults and says what is
 * missing). A field that is present must still be valid, so a wrong value is never
 * mistaken for a missing one. Metrics, gains and a feature's training summary are all or
 * nothing: half a summary is no baseline.
 */
export const partialCardSchema: v.GenericSchema<unknown, PartialModelCard> = v.object({
  card_schema: v.optional(v.literal(MODEL_CARD_SCHEMA)),
  card_version: v.optional(v.pipe(v.number(), v.integer())),
  model: v.optional(v.partial(v.object(modelEntries))),
  io: v.optional(v.partial(v.object(ioEntries))),
  id_column: v.optional(v.string()),
  label: v.optional(v.partial(v.object(labelEntries))),
  ground_truth_columns: v.optional(v.array(v.string())),
  features: v.pipe(v.array(v.partial(v.object(featureEntries), ['index', 'label', 'description', 'unit', 'kind', 'categories', 'nonnegative', 'nullable', 'aliases', 'source', 'training', 'rule'])), v.minLength(1)),
  metrics: v.optional(metrics),
  gains: v.optional(gains),
  data: v.optional(v.partial(v.object(dataEntries))),
  covers: v.optional(covers),
  vocabulary: v.optional(vocabulary),
});
