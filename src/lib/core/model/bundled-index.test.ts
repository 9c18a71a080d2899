import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readBundledIndex } from './bundled-index';
import { readModel } from './read-card';

describe('readBundledIndex', () => {
  it('reads the shipped index, whose every model and demo file exists and whose hashes and tasks are the files’ own', () => {
    const { models, problems } = readBundledIndex(JSON.parse(readFileSync('public/model/index.json', 'utf8')));
    expect(problems).toEqual([]);
    expect(models[0].id).toBe('deduction-risk');
    for (const m of models) {
      const bytes = readFileSync(`public/${m.file}`);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(m.sha256);
      const card = readModel(new Uint8Array(bytes)).card!;
      expect(card.model.id).toBe(m.id);
      expect(m.task).toEqual(card.vocabulary.task);
      if (m.demo) expect(readFileSync(`public/${m.demo}`, 'utf8').split('\n')[0]).toContain(card.id_column);
      if (m.challengerOf) expect(models.some((p) => p.id === m.challengerOf && p.challengerOf === null)).toBe(true);
    }
  });

  it('refuses an index that does not fit with one problem naming the place', () => {
    const { models, problems } = readBundledIndex({ models: [{ id: 'x', file: '../../etc/passwd' }] });
    expect(models).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe('model.index_invalid');
    expect(String(problems[0].params?.detail)).toMatch(/file/);
  });
});
