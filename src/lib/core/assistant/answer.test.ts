import { describe, expect, it } from 'vitest';
import { answer } from './answer';
import { emptyContext, type AssistantContext } from './context';
import { extractEntities } from './entities';
import type { ModelCard } from '../model/card';

const card = {
  features: [{ name: 'avstand_reg_km', label: { nb: 'Avstand', nn: 'Avstand', en: 'Distance' }, description: { nb: 'Registrert.', nn: 'Registrert.', en: 'Registered.' }, unit: 'km' }],
  metrics: { split: 'test', n: 1000, positives: 40, base_rate: 0.04, roc_auc: 0.88912, pr_auc: 0.6, brier: 0.02, at_share: [{ share: 0.05, n_selected: 50, precision: 0.5, recall: 0.625, lift: 12.5 }] },
} as unknown as ModelCard;

// Five scored rows with probabilities 0.4, 0.3, 0.2, 0.05, 0.05 by rank: running sums below (total 1.0).
const expected = [0, 0.4, 0.7, 0.9, 0.95, 1.0];
const loaded: AssistantContext = {
  ...emptyContext('nb'),
  card,
  explainer: { kind: 'trees', space: 'log-odds' },
  file: { name: 'f.csv', rows: 6, scored: 5, rejected: 1, idColumn: 'id', topId: 'S100001', labelled: false },
  plan: { scored: 5, expected },
  capacity: 2,
};
const q = (text: string) => extractEntities(text, card);

describe('answer', () => {
  it('how many to check: the first count whose expected finds reach the goal, by hand', () => {
    const a = answer('how_many_to_check', q('hvor mange for å finne 80 %'), loaded);
    // 0.7 < 0.8 ≤ 0.9: three rows.
    expect(a).toEqual({ intent: 'how_many_to_check', code: 'how_many.answer', params: { goalShare: 0.8, count: 3, fileShare: 0.6, scored: 5, expected: 0.9, total: 1 }, link: { tab: 'planner', capacity: 3 } });
    expect(answer('how_many_to_check', q('hvor mange må vi sjekke'), loaded).params.count).toBe(3);
    expect(answer('how_many_to_check', q('hvor mange må vi sjekke'), loaded).code).toBe('how_many.default_goal');
    expect(answer('how_many_to_check', q('for å finne halvparten'), loaded).params.count).toBe(2);
  });

  it('expected finds at a count, a share of the file and the current capacity', () => {
    expect(answer('expected_finds', q('hvis vi sjekker 1'), loaded).params).toMatchObject({ count: 1, expected: 0.4, recallShare: 0.4, precisionShare: 0.4 });
    expect(answer('expected_finds', q('med 40 % kapasitet'), loaded).params).toMatchObject({ count: 2, expected: 0.7 });
    expect(answer('expected_finds', q('hva finner vi'), loaded)).toMatchObject({ code: 'expected.current', params: { count: 2 } });
    expect(answer('expected_finds', q('hvis vi sjekker 50'), loaded)).toMatchObject({ code: 'expected.capped', params: { count: 5, expected: 1 } });
  });

  it('why flagged: the record’s reasons and a link that opens it; what is missing when they are not', () => {
    const withRecord = { ...loaded, record: { id: 'S100001', row: 4, rank: 1, probability: 0.4, rejected: false, reasons: ['a', 'b', 'c'] } };
    expect(answer('why_flagged', q('hvorfor S100001'), withRecord)).toEqual({
      intent: 'why_flagged',
      code: 'why.reasons',
      params: { id: 'S100001', rank: 1, scored: 5, riskShare: 0.4, count: 3 },
      items: ['a', 'b', 'c'],
      link: { tab: 'results', record: 4 },
    });
    expect(answer('why_flagged', q('hvorfor'), { ...withRecord, record: { ...withRecord.record, reasons: null } }).code).toBe('why.pending');
    expect(answer('why_flagged', q('hvorfor'), { ...loaded, unknownId: 'S9' }).code).toBe('why.unknown_id');
    expect(answer('why_flagged', q('hvorfor'), loaded)).toMatchObject({ code: 'why.no_id', params: { column: 'id', example: 'S100001' } });
    expect(answer('why_flagged', q('hvorfor'), { ...emptyContext('nb'), card }).code).toBe('needs_file');
    expect(answer('why_flagged', q('hvorfor'), emptyContext('nb')).code).toBe('needs_model');
  });

  it('never gives a figure it does not have', () => {
    for (const intent of ['how_many_to_check', 'expected_finds', 'drift', 'rejected_rows'] as const) {
      expect(answer(intent, q('80 % 200'), { ...emptyContext('en'), card }).code).toBe('needs_file');
    }
    expect(answer('model_quality', q(''), { ...loaded, card: { ...card, metrics: undefined } as unknown as ModelCard }).code).toBe('quality.no_metrics');
  });

  it('quotes the card and the rules table', () => {
    expect(answer('explain_feature', q('hva betyr avstand_reg_km'), loaded).params).toEqual({ label: 'Avstand', name: 'avstand_reg_km', description: 'Registrert.', unit: 'km' });
    expect(answer('deduction_rule', q('tak for fagforening'), loaded).params).toMatchObject({ cap: 8000, year: '2024' });
    expect(answer('deduction_rule', q('reisefradrag'), loaded).params).toMatchObject({ perKm: 1.76, threshold: 14950, costCap: 97000 });
    expect(answer('model_quality', q(''), loaded).params).toMatchObject({ auc: 0.889, precisionShare: 0.5, recallShare: 0.625, lift: 12.5 });
  });

  it('falls back honestly', () => {
    expect(answer('out_of_scope', q('været'), loaded)).toEqual({ intent: 'out_of_scope', code: 'out_of_scope', params: {} });
  });
});
