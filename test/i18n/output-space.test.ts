import { describe, expect, it } from 'vitest';
import { chartText } from '../../src/lib/i18n/chart-text';

describe('axis labels name the model’s output space', () => {
  it('say log-odds for a boosted model and probability for an averaged forest, in each language', () => {
    expect(chartText('en', 'log-odds').t('chart.dependence.y')).toBe('Contribution (log-odds)');
    expect(chartText('en', 'probability').t('chart.dependence.y')).toBe('Contribution (probability)');
    expect(chartText('nb', 'probability').t('chart.importance.x')).toBe('Gjennomsnittlig |SHAP| (sannsynlighet)');
    expect(chartText('nn', 'probability').t('chart.beeswarm.x')).toBe('Bidrag til risikoen (SHAP, sannsyn)');
  });
  it('keep one text object per language and space, so a chart redraws only when either changes', () => {
    expect(chartText('en', 'probability')).toBe(chartText('en', 'probability'));
    expect(chartText('en', 'probability')).not.toBe(chartText('en', 'log-odds'));
  });
});
