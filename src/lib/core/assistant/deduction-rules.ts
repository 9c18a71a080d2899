/**
 * The rules of income year 2024 for the deduction items the model looks at, as the
 * assistant quotes them. Source: /work/shared/DOMAIN.md, "The deduction items that matter",
 * which cites skatteetaten.no (travel, board and lodging, union dues, gifts, interest, BSU,
 * minstefradrag) and regjeringen.no (childcare). Amounts in NOK, rates as fractions.
 */
export const RULES_INCOME_YEAR = 2024;

export type DeductionId =
  | 'reisefradrag'
  | 'pendlerfradrag'
  | 'fagforening'
  | 'gaver'
  | 'foreldrefradrag'
  | 'renter'
  | 'bsu'
  | 'ips'
  | 'minstefradrag'
  | 'naering';

export interface DeductionRule {
  id: DeductionId;
  /** The figures the sentence quotes (assistant.rule.<id> in i18n/messages/assistant.ts). */
  figures: Record<string, number>;
  /** Words that name the item in a question, folded (fold.ts foldName): nb, nn, en and common misspellings. */
  names: readonly string[];
  /** Source address, from DOMAIN.md. */
  source: string;
}

export const DEDUCTION_RULES: readonly DeductionRule[] = [
  {
    id: 'reisefradrag',
    figures: { perKm: 1.76, threshold: 14950, costCap: 97000, fullYearDays: 230, sickAllowance: 15, breakEvenKm: 18.5 },
    names: ['reisefradrag', 'reisefradraget', 'reise', 'travel', 'commut', 'kilometer', ' km', 'bunnbelop', 'botnbelop', 'bunnfradrag', 'botnfradrag', 'egenandel', 'eigendel', '14950', '14 950', '1,76'],
    source: 'skatteetaten.no/en/rates/deduction-for-travel-between-home-and-work/',
  },
  {
    id: 'pendlerfradrag',
    figures: { months: 24 },
    names: ['pendler', 'pendlar', 'kost og losji', 'board and lodging', 'lodging', 'losji'],
    source: 'skatteetaten.no/satser/kost-og-losji/',
  },
  {
    id: 'fagforening',
    figures: { cap: 8000, capPrevious: 7700 },
    names: ['fagforening', 'fagforeining', 'union', 'kontingent'],
    source: 'skatteetaten.no/person/skatt/hjelp-til-riktig-skatt/arbeid-trygd-og-pensjon/fagforeningsfradrag/',
  },
  {
    id: 'gaver',
    figures: { minimum: 500, cap: 25000 },
    names: ['gave', 'gaver', 'gift', 'charit', 'frivillig', 'friviljug'],
    source: 'skatteetaten.no/en/rates/gifts-to-voluntary-organisations/',
  },
  {
    id: 'foreldrefradrag',
    figures: { capPerChild: 25000, childAgeLimit: 12 },
    names: ['foreldrefradrag', 'barnepass', 'childcare', 'child care', 'parental deduction', 'barnehage', 'sfo'],
    source: 'regjeringen.no (foreldrefradraget utvides, 2021)',
  },
  {
    id: 'renter',
    figures: { rateShare: 0.22 },
    names: ['renter', 'rente', 'interest'],
    source: 'skatteetaten.no/rentefradrag',
  },
  {
    id: 'bsu',
    figures: { rateShare: 0.1, depositCap: 27500, ageLimit: 33 },
    names: ['bsu', 'boligsparing', 'home saving'],
    source: 'skatteetaten.no/satser/fradrag-for-boligsparing-for-ungdom-bsu/',
  },
  {
    id: 'ips',
    figures: { cap: 15000 },
    names: ['ips', 'pensjonssparing', 'pension saving'],
    source: 'DOMAIN.md (IPS)',
  },
  {
    id: 'minstefradrag',
    figures: { rateShare: 0.46, cap: 104450 },
    names: ['minstefradrag', 'standard deduction', 'minstefradraget'],
    source: 'skatteetaten.no/satser/minstefradrag/',
  },
  {
    id: 'naering',
    figures: {},
    names: ['naering', 'underskudd', 'underskot', 'business loss', 'hobby'],
    source: 'DOMAIN.md (Underskudd i næring)',
  },
];
