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
