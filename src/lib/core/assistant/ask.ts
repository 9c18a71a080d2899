import type { ModelCard } from '../model/card';
import { answer, type Answer } from './answer';
import type { AssistantContext } from './context';
import { extractEntities, type Entities } from './entities';
import { routeIntent, type Classified, type Intent, type IntentFeaturizer } from './intents';

/** The classifier as the host runs it (runtime/ort.ts createDenseClassifier): all intents' probabilities for one input row. */
export type IntentProbabilities = (x: Float32Array) => Promise<Float32Array>;

/** A question → its intent and the top probability. */
export type Classify = (question: string) => Promise<Classified>;

/** Folded TF-IDF → the classifier → routeIntent (out_of_scope under the threshold). */
export function classifierOf(featurizer: IntentFeaturizer, probabilities: IntentProbabilities, threshold: number): Classify {
  return async (question) => routeIntent(await probabilities(featurizer.featurize(question)), threshold);
}

export interface Asked {
  intent: Intent;
  confidence: number;
  entities: Entities;
  answer: Answer;
}

export interface AskDeps {
  classify: Classify;
  card: Pick<ModelCard, 'features'> | null;
  /** Whether a token is a row id of the open file. */
  isId?: (token: string) => boolean;
  /** The app's state for this question's entities (snapshot.ts snapshotContext); the intent lets it skip what the answer does not read (the drift table). */
  context: (entities: Entities, intent: Intent) => AssistantContext | Promise<AssistantContext>;
}

/** One question: its intent from the classifier, entities by rule, the answer from the context (an empty question: out_of_scope). */
export async function ask(question: string, deps: AskDeps): Promise<Asked> {
  const text = question.trim();
  const entities = extractEntities(text, deps.card, deps.isId);
  if (text === '') {
    const ctx = await deps.context(entities, 'out_of_scope');
    return { intent: 'out_of_scope', confidence: 0, entities, answer: answer('out_of_scope', entities, ctx) };
  }
  const { intent, confidence } = await deps.classify(text);
  const ctx = await deps.context(entities, intent);
  return { intent, confidence, entities, answer: answer(intent, entities, ctx) };
}
