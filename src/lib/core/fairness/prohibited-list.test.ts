/**
 * models/MODEL_CARD.md documents the characteristics the model check looks for; this test reads
 * its table and fails when it and PROHIBITED_CHARACTERISTICS differ, so the two cannot drift.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROHIBITED_CHARACTERISTICS } from './prohibited';

const HEADING = '## Characteristics that must not drive a selection';

function documentedList(): { characteristic: string; words: string[] }[] {
  const text = readFileSync('models/MODEL_CARD.md', 'utf8');
  const start = text.indexOf(HEADING);
  if (start < 0) throw new Error(`models/MODEL_CARD.md has no section "${HEADING}"`);
  const end = text.indexOf('\n## ', start + HEADING.length);
  const section = text.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| characteristic') && !line.startsWith('| ---'))
    .map((line) => {
      const [characteristic, words] = line.split('|').slice(1, 3).map((cell) => cell.trim());
      return { characteristic, words: words.split(',').map((w) => w.trim()) };
    });
}

describe('the documented list of prohibited characteristics', () => {
  it('is the list the check uses, word for word and in the same order', () => {
    expect(documentedList()).toEqual(PROHIBITED_CHARACTERISTICS.map(({ characteristic, words }) => ({ characteristic, words: [...words] })));
  });

  it('has a row for every characteristic the brief names', () => {
    expect(documentedList().map((r) => r.characteristic)).toEqual(['nationality', 'citizenship', 'language', 'ethnicity', 'religion', 'sex', 'origin']);
  });
});
