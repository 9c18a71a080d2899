/**
 * The assistant's text fold, the same as models/assistant_intents.py `fold` (version
 * FOLD_VERSION): lower case; æ→ae, ø→o, å→a and a few Latin accents, so "må", "maa" and "ma"
 * meet; "aa"→"a"; "%" → " prosent "; a run of digits → "0" (ids and figures are entities, not
 * intent words); anything else outside a–z and 0–9 → one space; trimmed. Held equal to Python
 * by test/fixtures/assistant/heldout-oracle.json.
 */
export const FOLD_VERSION = 1;

const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', ü: 'u' };

export function fold(text: string): string {
  // Python's str.lower() and toLowerCase() agree on everything that survives the a–z/0–9 filter.
  let s = text.toLowerCase();
  s = Array.from(s, (c) => LETTERS[c] ?? c).join('');
  s = s.replaceAll('%', ' prosent ');
  s = s.replace(/[0-9]+/g, '0');
  s = s.replaceAll('aa', 'a');
  s = s.replace(/[^a-z0-9]+/g, ' ');
  return s.trim();
}

/** Lower case and æ/ø/å folded but words, digits and underscores kept: for matching names in a question. */
export function foldName(text: string): string {
  return Array.from(text.toLowerCase(), (c) => LETTERS[c] ?? c).join('').replaceAll('aa', 'a');
}
