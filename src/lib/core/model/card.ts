/**
 * The model card: a JSON document stored in the ONNX file's `metadata_props`
 * under the key `model_card` (see MODEL_CARD_KEY). It is the single description of
 * what the model expects and how it was trained; the app reads nothing about the
 * model from anywhere else. Schema id `deduction-risk-model-card`, version 1.
 * The Python side writes it (models/card.py) and checks it against
 * models/model_card.schema.json; this file is the TypeScript view of the same schema.
 *
 * Units at this boundary: amounts in NOK, distances in km (one way), days in
 * calendar working days, shares 0–1, scores either log-odds or probability as named.
 */

import type { CharTfidfSpec } from '../text/char-tfidf';

export const MODEL_CARD_KEY = 'model_card';
export const MODEL_CARD_SCHEMA = 'deduction-risk-model-card';
export const MODEL_CARD_VERSION = 1;

/** A text in the three languages the product ships. */
export interface Localized {
  nb: string;
  nn: string;
  en: string;
}

export type FeatureUnit = 'NOK' | 'km' | 'days' | 'years' | 'percent' | 'count' | 'flag' | 'code';
/**
 * continuous: real-valued; integer: whole numbers; binary: 0/1; ordinal/categorical: integer codes listed in `categories`;
 * text: free text, fed to the model as `width` TF-IDF slots from `index` on (`text`, models/MODEL_CARD.md "Text features").
 */
export type FeatureKind = 'continuous' | 'integer' | 'binary' | 'ordinal' | 'categorical' | 'text';

export interface Category {
  code: number;
  label: Localized;
}

/** Summary of one feature on the training split, for range checks, percentiles and drift. */
export interface TrainingSummary {
  /** Number of training rows summarised. */
  n: number;
  /** Share (0–1) of training rows where the feature is missing (NaN). */
  missing_share: number;
  min: number;
  max: number;
  mean: number;
  /** Quantiles of the non-missing values at `probs` (0–1, ascending, include 0 and 1). */
  quantiles: { probs: number[]; values: number[] };
  /**
   * Reference distribution for the population stability index: interior cut points
   * (ascending, unique), and the share of non-missing training values in each of the
   * cuts.length + 1 bins, bin i being (cuts[i-1], cuts[i]] with open ends. Shares sum to 1.
   */
  drift_reference: { cuts: number[]; shares: number[] };
}

export interface FeatureCard {
  /** Column name in the CSV extract and position `index` in the model input. */
  name: string;
  /** 0-based position in the model's input tensor; features are listed in this order. */
  index: number;
  label: Localized;
  description: Localized;
  unit: FeatureUnit;
  kind: FeatureKind;
  /** Present for ordinal and categorical features. */
  categories?: Category[];
  /** True when a negative value is impossible (amounts claimed, distances, counts). */
  nonnegative: boolean;
  /** True when the feature may legitimately be empty (NaN goes to the model as missing). */
  nullable: boolean;
  /** Other header names this column goes by (Norwegian and English), matched after exact and case/diacritics-insensitive names. */
  aliases: string[];
  /** Where the value comes from: a register / third party, or entered by the taxpayer. */
  source: 'register' | 'taxpayer' | 'derived';
  training: TrainingSummary;
  /** Rule facts a reason may cite (models/MODEL_CARD.md, "Rules"); absent for most features and other models. */
  rule?: FeatureRule;
  /** Slots the feature takes in the model input from `index` on; present (the vocabulary size) for a text feature only, else 1. */
  width?: number;
  /**
   * A text feature's fitted vectorizer (scikit-learn TfidfVectorizer, char_wb): slot index + j is
   * the TF-IDF of vocabulary[j]. The app keeps one number per row for it, the remark's own part
   * of the log-odds Σ w_j·tfidf_j (core/model/text-feature.ts); `training` summarises that number.
   */
  text?: CharTfidfSpec;
}

/** The sentences a rule may pick; see FeatureRule. */
export type RuleTemplate =
  | 'above_cap'
  | 'near_cap'
  | 'none_qualifying'
  | 'absence_over_allowance'
  | 'full_year_part_time'
  | 'after_years'
  | 'threshold_not_subtracted'
  | 'differs_from_prefilled';

/**
 * What the rules of the income year say about one feature, written by models/reason_rules.py
 * from the rule module (models/rules_2024.py). The checks present are tried in the order cap,
 * absence, years, formula, part_time, near, prefilled; the first that holds picks its
 * template (src/lib/core/explain/rule-sentence.ts). Feature names name other features of the
 * same card; figures are in the feature's unit.
 */
export interface FeatureRule {
  /** Largest value the rules allow; times the value of `cap_per` when given. */
  cap?: number;
  /** Feature whose value multiplies the cap (children under `age`). */
  cap_per?: string;
  /** The age limit `cap_per` counts under, for the sentence. */
  age?: number;
  /** Share of the cap from which the value nears it (0–1]. */
  near?: number;
  /** The pre-filled or register feature the value is compared with. */
  prefilled?: string;
  /** Working days in a full year. */
  full_year?: number;
  /** Absence beyond `allowance` days (in `feature`) comes off the full year. */
  absence?: { feature: string; allowance: number };
  /** Feature holding the position in percent of full time. */
  part_time?: string;
  /** The deduction lasts `limit` years from the first claim (years since it in `feature`). */
  years?: { feature: string; limit: number };
  /** The travel formula: max(0, min(rate·2·km·days, cost_cap) − threshold), km and days from the named features. */
  formula?: { rate: number; threshold: number; cost_cap: number; km: string; days: string };
  /** The sentences, with {value}, {cap}, {limit}, {prefilled}, {other}, {count}, {age}, {km}, {days}, {threshold}, {allowance}. */
  templates: Partial<Record<RuleTemplate, Localized>>;
}

/** A noun's forms in one language: singular, plural, definite plural ("skattemeldingene", "the tax returns"). */
export interface TermForms {
  one: string;
  other: string;
  definite: string;
}

/** A noun in the three languages. */
export type Term = Record<keyof Localized, TermForms>;

/**
 * The task's words, so every sentence of the app follows the model instead of saying
 * "incorrect deduction" to a model of something else. `task` is what the model predicts
 * ("risiko for feil fradrag"), `row` what one row is, `positive` what the label's 1 is,
 * `subject` whom a row belongs to.
 */
export interface Vocabulary {
  task: Localized;
  row: Term;
  positive: Term;
  subject: Term;
}

export interface ShareMetric {
  /** Share of the ranked file selected, 0–1. */
  share: number;
  n_selected: number;
  precision: number;
  recall: number;
  /** precision / base_rate. */
  lift: number;
}

export interface SplitMetrics {
  split: 'test';
  n: number;
  positives: number;
  base_rate: number;
  roc_auc: number;
  /** Average precision (area under the precision–recall curve, step interpolation as scikit-learn). */
  pr_auc: number;
  brier: number;
  at_share: ShareMetric[];
}

export interface ModelCard {
  card_schema: typeof MODEL_CARD_SCHEMA;
  card_version: number;
  model: {
    id: string;
    version: string;
    algorithm: string;
    /** ISO date (YYYY-MM-DD) the model was trained. */
    trained: string;
    /** Income year whose rules the training data follows. */
    income_year: number;
    n_trees: number;
    max_depth: number;
    /** True when the model was trained on synthetic data (this project's own models); false when the card does not say. */
    synthetic: boolean;
    /** Shown wherever the model is shown; the English text contains "trained on synthetic data". */
    notice: Localized;
  };
  /** ONNX graph names. The input is float32 [N, features.length], NaN = missing. */
  io: {
    input: string;
    /** Output holding class probabilities [N, 2]; column `positive_class` is P(incorrect deduction). */
    probabilities: string;
    positive_class: number;
    /**
     * The space the trees' summed leaf weights (and the explanations) live in: 'log-odds'
     * when the probability is their logistic (boosted trees, logistic regression),
     * 'probability' when the sum is the probability itself (averaged forests, one tree).
     */
    raw_score: OutputSpace;
  };
  /** Name of the identifier column in extracts; never a model input. */
  id_column: string;
  label: {
    /** Column holding the known outcome of an earlier control (0/1), when an extract has it. */
    name: string;
    text: Localized;
    positive: 1;
    aliases: string[];
  };
  /** Columns of the synthetic data that are ground truth only and never model inputs. */
  ground_truth_columns: string[];
  features: FeatureCard[];
  metrics: SplitMetrics;
  /** Cumulative gains on the test split at shares 0.01, 0.02, …, 1.00. */
  gains: { shares: number[]; recall: number[]; precision: number[] };
  data: {
    generator: string;
    seed: number;
    n_train: number;
    n_valid: number;
    n_test: number;
    base_rate_train: number;
  };
  /**
   * Where the trees' node covers are: 'nodes_hitrates' when the file holds training counts
   * there (models this project and its kit export), 'none' when it holds none or only
   * placeholders (the explanations then count covers on a reference file or the scored file).
   */
  covers: CardCovers;
  /** The task's words; neutral ones ("row", "positive") when the card has none (completeCard). */
  vocabulary: Vocabulary;
}

/** The output space of a model's raw score; see ModelCard.io.raw_score. */
export type OutputSpace = 'log-odds' | 'probability';
/** What a card says about node covers; see ModelCard.covers. */
export type CardCovers = 'nodes_hitrates' | 'none';

/**
 * A card as a file may hold it (card-schema.ts, partialCardSchema): the features' names in
 * input order are required, everything else optional; completeCard turns it into a ModelCard.
 */
export type PartialModelCard = {
  card_schema?: typeof MODEL_CARD_SCHEMA;
  card_version?: number;
  model?: Partial<ModelCard['model']>;
  io?: Partial<ModelCard['io']>;
  id_column?: string;
  label?: Partial<ModelCard['label']>;
  ground_truth_columns?: string[];
  features: (Partial<Omit<FeatureCard, 'name'>> & { name: string })[];
  metrics?: SplitMetrics;
  gains?: ModelCard['gains'];
  data?: Partial<ModelCard['data']>;
  covers?: CardCovers;
  vocabulary?: Vocabulary;
};
