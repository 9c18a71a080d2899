/**
 * Masks a national identity number (fødselsnummer/D-number, 11 digits) on screen: the birth
 * date digits are personal data, so only the last two digits stay visible. Other ids pass.
 */
export function maskId(id: string): string {
  if (!/^\d{11}$/.test(id)) return id;
  return '•••••••••' + id.slice(9);
}
