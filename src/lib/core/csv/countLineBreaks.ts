/**
 * Line breaks in text[from, to) as an editor counts them: LF, CR LF and a lone CR each
 * end a line. Problems cite physical lines so a user can find them in any editor,
 * whatever the file's own record separator is and however many line breaks hide
 * inside quoted cells. Uses indexOf, which the engine runs natively, since breaks are
 * sparse compared with characters.
 */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  let count = 0;
  let i = text.indexOf('\n', from);
  while (i >= 0 && i < to) {
    count++;
    i = text.indexOf('\n', i + 1);
  }
  i = text.indexOf('\r', from);
  while (i >= 0 && i < to) {
    if (i + 1 >= to || text.charCodeAt(i + 1) !== 10) count++;
    i = text.indexOf('\r', i + 1);
  }
  return count;
}
