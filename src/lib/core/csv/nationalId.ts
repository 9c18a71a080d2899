import type { IdKind } from './buildPlan';

/**
 * Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer and the
 * synthetic numbers of Test Norge): 11 digits DDMMYY + individual number (3) + two
 * control digits. https://www.skatteetaten.no/person/folkeregister/identitetsnummer/fodselsnummer/
 *
 * Recognised only so the column can be masked on screen and kept out of the model; the
 * control digits are checked as a warning, never to reject: from 2032 the first control
 * sum may leave a remainder of 0, 1, 2 or 3 (skatteetaten.no, "Nye fødselsnummer og
 * d-nummer fra 2032"), and a typo in an identifier does not change a row's risk.
 */

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

function allDigits(s: string, length: number): boolean {
  if (s.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/**
 * True when `s` is 11 digits whose first six read as a date: day 1–31 (D-number: +40),
 * month 1–12 (H-number: +40, Test Norge: +80).
 */
export function looksLikeNationalId(s: string): boolean {
  if (!allDigits(s, 11)) return false;
  let day = digitAt(s, 0) * 10 + digitAt(s, 1);
  let month = digitAt(s, 2) * 10 + digitAt(s, 3);
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** True when both mod-11 control digits hold (the first with the 2032 rule: remainder 0–3). */
export function nationalIdChecksumOk(s: string): boolean {
  if (!allDigits(s, 11)) return false;
  let sum1 = 0;
  for (let i = 0; i < 10; i++) sum1 += W1[i] * digitAt(s, i);
  let sum2 = 0;
  for (let i = 0; i < 11; i++) sum2 += W2[i] * digitAt(s, i);
  return sum1 % 11 <= 3 && sum2 % 11 === 0;
}

/** Header names that announce a national identity number, already normalised (see normalizeHeader). */
export const NATIONAL_ID_HEADERS = new Set([
  'fnr',
  'fodselsnummer',
  'fodselsnr',
  'dnr',
  'dnummer',
  'personnummer',
  'personnr',
  'identitetsnummer',
  'pid',
  'nationalid',
  'ssn',
]);

/** Six digits, an optional space (people write "010390 12345"), five digits, with no digit on either side. */
const ELEVEN_DIGIT_RUN = /(?<!\d)(\d{6}) ?(\d{5})(?!\d)/g;
const MAYBE_RUN = /\d{6} ?\d{5}/;

/** What stands in for a national id on screen and in exports: the last two digits only, as maskId shows them. */
function hidden(digits: string): string {
  return '•••••••••' + digits.slice(9);
}

/**
 * `text` with every national identity number in it masked: each run of 11 digits (or
 * 6 + space + 5) that reads as a date and passes both control digits. With `strict`
 * false — for a column already known to hold national ids — every such run is masked,
 * checked or not, since a typo in a fødselsnummer does not make it less personal.
 */
export function maskNationalIds(text: string, strict = true): string {
  if (!MAYBE_RUN.test(text)) return text;
  return text.replace(ELEVEN_DIGIT_RUN, (run, head: string, tail: string) => {
    const digits = head + tail;
    return !strict || (looksLikeNationalId(digits) && nationalIdChecksumOk(digits)) ? hidden(digits) : run;
  });
}

/** True when maskNationalIds (strict) would mask something in `text`. */
export function containsNationalId(text: string): boolean {
  if (!MAYBE_RUN.test(text)) return false;
  for (const m of text.matchAll(ELEVEN_DIGIT_RUN)) {
    const digits = m[1] + m[2];
    if (looksLikeNationalId(digits) && nationalIdChecksumOk(digits)) return true;
  }
  return false;
}

/**
 * An id as shown or exported when its column holds national ids: an 11-digit id keeps
 * only its last two digits (the birth date digits are personal data); other ids pass with
 * any national id inside them masked.
 */
export function maskId(id: string): string {
  return maskNationalIds(id, false);
}

/**
 * How a cell of column `j` of the file is shown: masked wholesale when the column is known
 * to hold national ids, else with any national id that turns up in it masked.
 */
export function cellMasker(nationalIdColumn: boolean): (cell: string) => string {
  return nationalIdColumn ? maskId : maskNationalIds;
}

/** What the id and national-id questions need of a read file. */
type IdSource = { idKind: IdKind; plan: { idColumn: number; columns: readonly { nationalId: boolean }[] } };

/** The file's id column holds national ids: found so in the sample (idKind) or anywhere in the file (its column's flag). */
function idColumnHoldsNationalIds(ingest: IdSource): boolean {
  const j = ingest.plan.idColumn;
  return j >= 0 && (ingest.idKind === 'national-id' || ingest.plan.columns[j]?.nationalId === true);
}

/** How the ids of a read file are shown and exported masked: wholesale when the id column holds national ids. */
export function idMasker(ingest: IdSource): (id: string) => string {
  return cellMasker(idColumnHoldsNationalIds(ingest));
}

/** Header indices of the id and passthrough columns known to hold national ids: what an export must ask about. */
export function nationalIdColumns(ingest: IdSource & { plan: { passthrough: readonly number[] } }): number[] {
  const { plan } = ingest;
  const id = ingest.idKind !== 'none' && idColumnHoldsNationalIds(ingest) ? [plan.idColumn] : [];
  return [...id, ...plan.passthrough.filter((j) => plan.columns[j]?.nationalId)];
}
