/**
 * A header name reduced for matching: lower case, Norwegian letters spelt as the model's
 * ASCII column names spell them (æ → ae, ø → o, å → a: `lonnsinntekt`, `sykefravaer_dager`,
 * `forhandsutfylt`), other diacritics dropped, and everything but letters and digits
 * removed, so "Lønnsinntekt", "LONNS_INNTEKT" and "lønns inntekt" all read `lonnsinntekt`.
 * Runs once per header cell, never per row.
 */
export function normalizeHeader(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}
