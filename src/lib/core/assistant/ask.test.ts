import { describe, expect, it } from 'vitest';
import { ask, classifierOf } from './ask';
import { emptyContext } from './context';
import { INTENTS, type Intent } from './intents';

const probabilitiesFor = (intent: Intent, p: number) => {
  const out = new Float32Array(INTENTS.length).fill((1 - p) / (INTENTS.length - 1));
  out[INTENTS.indexOf(intent)] = p;
  return out;
};
const featurizer = { width: 1, featurize: () => new Float32Array(1) };

describe('ask', () => {
  it('answers the classified intent from the context built for it', async () => {
    const seen: Intent[] = [];
    const asked = await ask('is my data uploaded?', {
      classify: classifierOf(featurizer, async () => probabilitiesFor('privacy', 0.9), 0.22),
      card: null,
      context: (_e, intent) => (seen.push(intent), emptyContext('en')),
    });
    expect(asked.intent).toBe('privacy');
    expect(asked.confidence).toBeCloseTo(0.9, 6);
    expect(asked.answer.code).toBe('privacy.answer');
    expect(seen).toEqual(['privacy']);
  });

  it('routes a top probability under the threshold to out_of_scope', async () => {
    const classify = classifierOf(featurizer, async () => probabilitiesFor('drift', 0.2), 0.22);
    expect(await classify('hmm')).toEqual({ intent: 'out_of_scope', confidence: Math.fround(0.2) });
  });

  it('never runs the classifier on an empty question', async () => {
    const asked = await ask('   ', {
      classify: async () => {
        throw new Error('classified an empty question');
      },
      card: null,
      context: () => emptyContext('nb'),
    });
    expect(asked.answer).toEqual({ intent: 'out_of_scope', code: 'out_of_scope', params: {} });
  });
});
