import { compileCharTfidf, type CharTfidf, type CharTfidfSpec } from '../text/char-tfidf';
import { fold, FOLD_VERSION } from './fold';

/** Issue 21's intents, in the classifier's output order (models/assistant_intents.py INTENTS). */
export const INTENTS = [
  'why_flagged',
  'explain_feature',
  'deduction_rule',
  'how_many_to_check',
  'expected_finds',
  'random_control',
  'export_list',
  'model_quality',
  'drift',
  'privacy',
  'rejected_rows',
  'load_file',
  'case_sheet',
  'explanation_method',
  'fairness',
  'compare_models',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

/** public/assistant/intents.json, written by models/assistant_intents.py beside intents.onnx. */
export interface IntentSpec {
  intents: Intent[];
  out_of_scope: 'out_of_scope';
  /** Top probabilities below it route to out_of_scope (tuned on a validation split of the training paraphrases). */
  threshold: number;
  fold_version: number;
  /** ONNX graph names: the float TF-IDF input and the probabilities output. */
  input: string;
  probabilities: string;
  vectorizer: CharTfidfSpec;
}

/** The spec as read, checked: null when it is not one this code can feed (another fold, other intents). */
export function readIntentSpec(value: unknown): IntentSpec | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Partial<IntentSpec>;
  const v = s.vectorizer;
  if (s.fold_version !== FOLD_VERSION || !Array.isArray(s.intents) || s.intents.length !== INTENTS.length) return null;
  if (s.intents.some((id, i) => id !== INTENTS[i])) return null;
  if (typeof s.threshold !== 'number' || typeof s.input !== 'string' || typeof s.probabilities !== 'string') return null;
  if (!v || v.analyzer !== 'char_wb' || !Array.isArray(v.vocabulary) || !Array.isArray(v.idf) || v.idf.length !== v.vocabulary.length) return null;
  return s as IntentSpec;
}

/** The question folded and turned into the classifier's input row. */
export interface IntentFeaturizer {
  readonly width: number;
  featurize(question: string): Float32Array;
}

export function intentFeaturizer(spec: IntentSpec): IntentFeaturizer {
  const tfidf: CharTfidf = compileCharTfidf(spec.vectorizer);
  return {
    width: tfidf.width,
    featurize(question) {
      const out = new Float32Array(tfidf.width);
      tfidf.transform(fold(question), out);
      return out;
    },
  };
}

export interface Classified {
  intent: Intent;
  /** The top probability, whichever intent it went to. */
  confidence: number;
}

/** The argmax intent, or out_of_scope when the top probability is under the spec's threshold (as Python's `route`). */
export function routeIntent(probabilities: ArrayLike<number>, threshold: number): Classified {
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[best]) best = k;
  const confidence = probabilities[best];
  return { intent: confidence < threshold ? 'out_of_scope' : INTENTS[best], confidence };
}
