import { containsNationalId } from '../csv/nationalId';
import { problem, type Problem } from '../problems';

/** Longest reason kept in the log, in UTF-16 code units: a few sentences, not a case file. */
export const MAX_REASON = 500;
/** Longest reviewer name or initials. */
export const MAX_BY = 80;

// C0 and C1 control characters and DEL; line breaks become spaces so a reason stays one CSV cell line.
const BREAKS = /[\r\n\t\u2028\u2029]+/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Free text typed into a decision (its reason, or the reviewer's name): line breaks and tabs as
 * one space, other control characters removed, trimmed, then refused when it is longer than
 * `max` or holds a national identity number (containsNationalId: 11 digits that read as a date
 * and pass both control digits).
 *
 * Refused rather than masked: the log is append-only and goes into every manifest and session,
 * so what enters it stays for good; a masked number would still leave the reviewer believing
 * the reason says what they wrote. Refusing tells them at once, while they can rephrase
 * (the list already names the row).
 */
export function cleanText(text: string, max: number, field: 'reason' | 'by'): { text: string; problem: Problem | null } {
  const cleaned = text.replace(BREAKS, ' ').replace(CONTROLS, '').trim();
  if (cleaned.length > max) return { text: cleaned, problem: problem(`decisions.${field}_too_long`, 'error', { params: { max, length: cleaned.length } }) };
  if (containsNationalId(cleaned)) return { text: cleaned, problem: problem(`decisions.${field}_national_id`, 'error') };
  return { text: cleaned, problem: null };
}
