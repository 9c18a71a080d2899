/**
 * Characteristics that must not drive a selection, and the words that name them in a model's
 * feature names and labels (English, bokmål, nynorsk). The list is documented in
 * models/MODEL_CARD.md ("Characteristics that must not drive a selection"); a test holds the
 * two equal. Grounds of the equality act (likestillings- og diskrimineringsloven § 6:
 * ethnicity — including national origin, descent, skin colour and language — religion and
 * belief, sex) and the protected characteristics of the EU Charter art. 21 that a tax extract
 * could carry (nationality). Age and disability are left out on purpose: the deduction rules
 * themselves depend on them (BSU, childcare), see MODEL_CARD.md.
 */
export const PROHIBITED_CHARACTERISTICS = [
  { characteristic: 'nationality', words: ['nationality', 'national origin', 'nasjonalitet'] },
  { characteristic: 'citizenship', words: ['citizenship', 'citizen', 'statsborgerskap', 'statsborger', 'statsborgarskap', 'statsborgar'] },
  { characteristic: 'language', words: ['language', 'mother tongue', 'native language', 'språk', 'morsmål'] },
  { characteristic: 'ethnicity', words: ['ethnicity', 'ethnic', 'race', 'etnisitet', 'etnisk', 'rase'] },
  { characteristic: 'religion', words: ['religion', 'religious', 'faith', 'religiøs', 'trossamfunn', 'trussamfunn', 'livssyn'] },
  { characteristic: 'sex', words: ['sex', 'gender', 'kjønn'] },
  {
    characteristic: 'origin',
    words: [
      'country of birth',
      'birth country',
      'birthplace',
      'place of birth',
      'country of origin',
      'immigrant background',
      'immigrant',
      'fødeland',
      'fødested',
      'fødestad',
      'landbakgrunn',
      'opprinnelsesland',
      'opphavsland',
      'innvandrerbakgrunn',
      'innvandrarbakgrunn',
      'innvandrer',
      'innvandrar',
    ],
  },
] as const satisfies readonly { characteristic: string; words: readonly string[] }[];

export type ProhibitedCharacteristic = (typeof PROHIBITED_CHARACTERISTICS)[number]['characteristic'];

/** A feature whose name or label names a prohibited characteristic. */
export interface ProhibitedFeature {
  /** The feature's column name. */
  feature: string;
  /** The list's word that matched, as written in the list (e.g. 'kjønn'). */
  matched: string;
  characteristic: ProhibitedCharacteristic;
}

/** Words shorter than this match only whole tokens ('sex' must not match 'sexton'); longer ones also match a token's start ('kjønn' in 'kjønnskode'). */
const MIN_PREFIX = 5;

/**
 * Text as tokens: camelCase split, lower case, æ → ae, ø → o, å → a and other accents dropped,
 * and anything but a–z and 0–9 (so `_`, `-`, spaces, brackets) a word break.
 */
export function normalisedTokens(text: string): string[] {
  return text
    .replace(/([a-zæøå])([A-ZÆØÅ])/g, '$1 $2')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

const PHRASES = PROHIBITED_CHARACTERISTICS.flatMap(({ characteristic, words }) =>
  words.map((word) => ({ characteristic, word: word as string, tokens: normalisedTokens(word) })),
);

function tokenMatches(token: string, word: string): boolean {
  return token === word || (word.length >= MIN_PREFIX && token.startsWith(word));
}

/** The first listed word that `text` contains as a run of tokens; null when none. */
export function prohibitedWordIn(text: string): { word: string; characteristic: ProhibitedCharacteristic } | null {
  const tokens = normalisedTokens(text);
  for (const phrase of PHRASES) {
    const k = phrase.tokens.length;
    for (let i = 0; i + k <= tokens.length; i++) {
      if (phrase.tokens.every((p, j) => tokenMatches(tokens[i + j], p))) return { word: phrase.word, characteristic: phrase.characteristic };
    }
  }
  return null;
}

/**
 * The model's features whose name or label (nb, nn, en) names a characteristic that must not
 * drive a selection, one entry per feature (the name checked first, then the labels).
 */
export function prohibitedFeatures(features: readonly { name: string; label: { nb: string; nn: string; en: string } }[]): ProhibitedFeature[] {
  const out: ProhibitedFeature[] = [];
  for (const f of features) {
    for (const text of [f.name, f.label.nb, f.label.nn, f.label.en]) {
      const hit = prohibitedWordIn(text);
      if (hit) {
        out.push({ feature: f.name, matched: hit.word, characteristic: hit.characteristic });
        break;
      }
    }
  }
  return out;
}
