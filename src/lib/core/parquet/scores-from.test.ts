import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../i18n/describe-problem';
import type { ParquetOutcome } from './score-parquet';
import { scoresFrom, scoresFromProblem } from './scores-from';

const made = { modelName: 'deduction-risk.onnx', modelSha256: 'ab'.repeat(32), inputName: 'utdrag-2024.csv', inputSha256: 'cd'.repeat(32), rows: 300 };
const outcome = (over: Partial<ParquetOutcome>): ParquetOutcome => ({
  mode: 'file-scores',
  made,
  contrib: new Float32Array(4),
  check: { checked: 300, count: 0, rows: [], explained: true },
  status: null,
  ...over,
});

describe('scoresFrom', () => {
  it('records a batch output whose scores were taken: its model, the file it was made from, the sample', () => {
    expect(scoresFrom(outcome({}))).toEqual({
      kind: 'batch',
      modelSha256: 'ab'.repeat(32),
      inputName: 'utdrag-2024.csv',
      inputSha256: 'cd'.repeat(32),
      checked: 300,
      matched: 300,
      contributions: true,
    });
    expect(scoresFrom(outcome({ contrib: null }))?.contributions).toBe(false);
  });

  it('records nothing when the app scored the file itself', () => {
    expect(scoresFrom(null)).toBeNull();
    expect(scoresFrom(outcome({ mode: 'rescored', contrib: null, check: { checked: 300, count: 2, rows: [1, 5], explained: true } }))).toBeNull();
    expect(scoresFrom(outcome({ mode: 'other-model', check: null }))).toBeNull();
    expect(scoresFrom(outcome({ mode: 'plain', made: null, check: null }))).toBeNull();
  });

  it('says it in one sentence in every language', () => {
    const p = scoresFromProblem(scoresFrom(outcome({}))!);
    expect(describeProblem('nb', p)).toBe(
      'Poengene og forklaringene er tatt fra resultatet av kjøringen på Spark, laget fra utdrag-2024.csv (SHA-256 cdcdcdcdcdcd…) med denne modellen; 300 er beregnet på nytt her, og 300 stemte.',
    );
    expect(describeProblem('nn', { ...p, params: { ...p.params, contributions: 0 } })).toBe(
      'Poenga er tekne frå resultatet av køyringa på Spark, laga frå utdrag-2024.csv (SHA-256 cdcdcdcdcdcd…) med denne modellen; 300 er rekna ut på nytt her, og 300 stemde.',
    );
    expect(describeProblem('en', p)).toBe(
      "The scores and explanations were taken from the Spark run's result, made from utdrag-2024.csv (SHA-256 cdcdcdcdcdcd…) with this model; 300 were computed again here and 300 matched.",
    );
  });
});
