import { describe, expect, it } from 'vitest';
import { ANSWER_CODES } from '../core/assistant/answer';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import { answerText } from './assistant-text';
import { hasMessage } from './translate';

describe('answerText', () => {
  it('has a sentence for every answer code', () => {
    expect(ANSWER_CODES.filter((code) => !hasMessage(`assistant.a.${code}`))).toEqual([]);
  });
  it('shows shares as percentages and names the linked view', () => {
    const a = { intent: 'how_many_to_check' as const, code: 'how_many.answer', params: { goalShare: 0.8, count: 262, fileShare: 0.131, scored: 2000, expected: 72, total: 90 }, link: { tab: 'planner' as const } };
    const nb = answerText(a, 'nb', NEUTRAL_VOCABULARY);
    expect(nb.text).toMatch(/finne 80\s%/);
    expect(nb.text).toContain('262');
    expect(nb.text).toMatch(/\(13,1\s% av/);
    expect(nb.link).toBe('Kontrolliste');
    expect(answerText({ ...a, link: { tab: 'results', record: 3 } }, 'en', null).link).toBe('the record');
  });
});
