import type { FeatureCard } from './card';

/**
 * Which features a card names as pre-filled partners of amounts the subject entered, for the
 * record view's "use the pre-filled values". The card has no field for it; the pairing follows
 * the naming convention of the cards this project writes (models/feature_catalogue.py): a
 * register feature named (or aliased) `<stem>_forhandsutfylt` / `<stem>_prefilled` is the
 * pre-filled value of the taxpayer feature named (or aliased) `<stem>_krevd` / `<stem>_claimed`
 * in the same unit. A card without such names has no pairs, and the button is not offered.
 */
export interface PrefilledPair {
  /** Index of the entered (claimed) feature. */
  entered: number;
  /** Index of its pre-filled partner. */
  prefilled: number;
}

const PREFILLED = ['_forhandsutfylt', '_prefilled'];
const ENTERED = ['_krevd', '_claimed'];

function stems(feature: FeatureCard, suffixes: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of [feature.name, ...feature.aliases]) {
    const n = name.toLowerCase();
    for (const s of suffixes) if (n.endsWith(s) && n.length > s.length) out.push(n.slice(0, -s.length));
  }
  return out;
}

/** The card's pre-filled pairs, in the order of the entered features. */
export function prefilledPairs(features: readonly FeatureCard[]): PrefilledPair[] {
  const pairs: PrefilledPair[] = [];
  for (const entered of features) {
    if (entered.source !== 'taxpayer') continue;
    const wanted = new Set(stems(entered, ENTERED));
    if (wanted.size === 0) continue;
    const partner = features.find((f) => f.source === 'register' && f.unit === entered.unit && stems(f, PREFILLED).some((s) => wanted.has(s)));
    if (partner) pairs.push({ entered: entered.index, prefilled: partner.index });
  }
  return pairs;
}
