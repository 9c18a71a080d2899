import { describe, expect, it } from 'vitest';
import { normalizeHeader } from './normalizeHeader';

describe('normalizeHeader', () => {
  it('spells æ, ø and å as the model columns do', () => {
    expect(normalizeHeader('Lønnsinntekt')).toBe('lonnsinntekt');
    expect(normalizeHeader('Sykefravær dager')).toBe('sykefravaerdager');
    expect(normalizeHeader('Endring fra forhåndsutfylt')).toBe('endringfraforhandsutfylt');
    expect(normalizeHeader('ÆØÅ')).toBe('aeoa');
  });

  it('ignores case, spaces, underscores, punctuation and other diacritics', () => {
    expect(normalizeHeader(' Avstand_reg. KM ')).toBe(normalizeHeader('avstand_reg_km'));
    expect(normalizeHeader('Café-Ørn')).toBe('cafeorn');
  });

  it('leaves nothing of a name without letters or digits', () => {
    expect(normalizeHeader('')).toBe('');
    expect(normalizeHeader(' _-. ')).toBe('');
  });

  it('treats prototype-like names as plain text', () => {
    expect(normalizeHeader('__proto__')).toBe('proto');
  });
});
