import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask', () => {
  it('resolves after the microtasks queued in the same task', async () => {
    const seen: string[] = [];
    const later = nextTask().then(() => seen.push('next task'));
    queueMicrotask(() => seen.push('microtask'));
    void Promise.resolve().then(() => Promise.resolve()).then(() => seen.push('chained microtask'));
    await later;
    expect(seen).toEqual(['microtask', 'chained microtask', 'next task']);
  });
});
