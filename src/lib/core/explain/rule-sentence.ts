import type { FeatureRule, RuleTemplate } from '../model/card';

/**
 * Templates that say the return breaks a rule on its own figures (a cap, the travel formula):
 * no correct return gets them. The childcare cap per child counts the children as the
 * register does; none_qualifying, after_years and absence_over_allowance state the register's
 * figure and name the exception, so they ask for a check; the others state a fact near a rule
 * or compare with the pre-filled value (models/reason_rules.py BREAKS, AS_REGISTERED, NEARS).
 */
export const BREAKING: ReadonlySet<RuleTemplate> = new Set(['above_cap', 'threshold_not_subtracted']);

/** True when the template says `rule` is broken on the return's own figures (a cap per child counts the register's children: as registered). */
export function breaksRule(rule: FeatureRule, template: RuleTemplate): boolean {
  return BREAKING.has(template) && !(template === 'above_cap' && rule.cap_per !== undefined);
}

/**
 * Which of a rule's sentences a value gets, and the raw numbers of its parameters (the caller
 * formats them); null when no check holds or the card has no template for it. The same choice
 * as models/reason_rules.py rule_sentence, which writes the fixtures this is tested against.
 * Checks in order, the first that holds wins:
 *   cap       above cap × (cap_per's value when given); cap_per 0 with a value above 0: none_qualifying
 *   absence   more days than the full year less the absence beyond the allowance
 *   years     claimed at or after `years.limit` years since the first claim
 *   formula   the claim exceeds the travel formula on the claimed km and days by the whole threshold
 *   part_time the full year's days with a position under 100 %
 *   near      at or above near × cap (no cap_per), and above the pre-filled partner if there is one
 *   prefilled above its pre-filled partner (the risk is claiming more than was reported)
 * `valueOf` gives another feature of the same row by name (NaN when missing or absent).
 */
export function ruleChoice(rule: FeatureRule, value: number, valueOf: (name: string) => number): RuleChoice | null {
  const pick = (template: RuleTemplate, numbers: RuleNumbers = {}): RuleChoice | null => (rule.templates[template] ? { template, numbers } : null);
  if (value !== value) return null;
  if (rule.cap !== undefined) {
    const per = rule.cap_per !== undefined ? valueOf(rule.cap_per) : 1;
    if (per === per) {
      const limit = rule.cap * per;
      if (rule.cap_per !== undefined && per === 0 && value > 0) return pick('none_qualifying', { limit: 0, count: 0 });
      if (value > limit) return pick('above_cap', { limit, count: per });
    }
  }
  if (rule.absence && rule.full_year !== undefined) {
    const absent = valueOf(rule.absence.feature);
    const over = absent - rule.absence.allowance;
    if (over > 0 && value > rule.full_year - over) return pick('absence_over_allowance', { limit: rule.full_year - over, other: absent });
  }
  if (rule.years) {
    const years = valueOf(rule.years.feature);
    if (value > 0 && years >= rule.years.limit) return pick('after_years', { other: years });
  }
  if (rule.formula) {
    const { km: kmName, days: daysName, threshold } = rule.formula;
    const km = valueOf(kmName);
    const days = valueOf(daysName);
    if (km === km && days === days) {
      const formula = travelDeduction(rule.formula, km, days);
      if (value - formula >= threshold) return pick('threshold_not_subtracted', { limit: formula, km, days });
    }
  }
  if (rule.part_time && rule.full_year !== undefined) {
    const position = valueOf(rule.part_time);
    if (value >= rule.full_year && position < 100) return pick('full_year_part_time', { other: position });
  }
  const partner = rule.prefilled !== undefined ? valueOf(rule.prefilled) : NaN;
  const abovePartner = value > partner;
  if (rule.cap !== undefined && rule.near !== undefined && rule.cap_per === undefined && value >= rule.near * rule.cap && (rule.prefilled === undefined || abovePartner)) {
    return pick('near_cap');
  }
  if (abovePartner) return pick('differs_from_prefilled', { prefilled: partner });
  return null;
}

export type RuleNumbers = Partial<Record<'limit' | 'count' | 'other' | 'prefilled' | 'km' | 'days', number>>;

export interface RuleChoice {
  template: RuleTemplate;
  numbers: RuleNumbers;
}

/** models/rules_2024.py travel_deduction: max(0, min(rate·2·km·days, cost_cap) − threshold), rounded half to even as numpy's rint. */
export function travelDeduction(f: NonNullable<FeatureRule['formula']>, km: number, days: number): number {
  const capped = Math.min(f.rate * 2 * km * days, f.cost_cap);
  return roundHalfEven(Math.max(0, capped - f.threshold));
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
