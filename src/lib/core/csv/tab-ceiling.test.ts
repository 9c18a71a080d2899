import { describe, expect, it } from 'vitest';
import { BATCH_COMMAND, checkTabCeiling, estimateRows, TAB_CEILING_ROWS } from './tab-ceiling';

const bytes = (text: string) => new TextEncoder().encode(text);
/** A header of 10 bytes and rows of 20 bytes each, line breaks included. */
const header = 'a,b,c,d,e\n';
const row = '1234567,890123,4567\n';

describe('estimateRows', () => {
  it('counts the rows of a file that fits in its sample, with or without a final line break', () => {
    expect(estimateRows(50, bytes(header + row + row))).toBe(2);
    expect(estimateRows(49, bytes(header + row + row.slice(0, -1)))).toBe(2);
    expect(estimateRows(10, bytes(header))).toBe(0);
    expect(estimateRows(0, new Uint8Array(0))).toBe(0);
  });

  it('scales the sample’s bytes per line to the file: 64 lines of 1,000 bytes in a file of 10⁹ bytes are 10⁶ lines, 999,999 rows', () => {
    const line = 'x'.repeat(999) + '\n';
    const sample = bytes(line.repeat(64) + 'x'.repeat(500));
    expect(estimateRows(1e9, sample)).toBe(999_999);
  });

  it('counts CR LF, LF and a lone CR each as one line break', () => {
    // 4 lines of 25 bytes: 23 characters and CR LF; then the cut.
    const crlf = bytes(('y'.repeat(23) + '\r\n').repeat(4) + 'yyy');
    expect(estimateRows(2_500, crlf)).toBe(99);
    // Lone CR (old Mac): 4 lines of 25 bytes.
    const cr = bytes(('y'.repeat(24) + '\r').repeat(4) + 'yyy');
    expect(estimateRows(2_500, cr)).toBe(99);
  });

  it('gives 0 for a sample without a line break (a header longer than the sample: the sniffer refuses it)', () => {
    expect(estimateRows(1e9, bytes('z'.repeat(65_536)))).toBe(0);
  });
});

describe('checkTabCeiling', () => {
  // 100 bytes per line: a file of (ceiling + 1) lines is the header and exactly `ceiling` rows.
  const line = 'w'.repeat(99) + '\n';
  const sample = bytes(line.repeat(600) + 'w'.repeat(36));

  it('lets a file of exactly the ceiling in and refuses one row more', () => {
    expect(checkTabCeiling(100 * (TAB_CEILING_ROWS + 1), sample)).toBeNull();
    const refused = checkTabCeiling(100 * (TAB_CEILING_ROWS + 2), sample);
    expect(refused?.code).toBe('intake.over_ceiling');
    expect(refused?.severity).toBe('error');
    expect(refused?.params?.ceiling).toBe(TAB_CEILING_ROWS);
    expect(refused?.params?.command).toBe('npm run score');
    expect(BATCH_COMMAND).toBe('npm run score');
  });

  it('names the estimate to two significant figures: 4,600,001 lines of 100 bytes are “4,600,000 rows”', () => {
    expect(checkTabCeiling(460_000_100, sample, 1_000_000)?.params).toEqual({ rows: 4_600_000, ceiling: 1_000_000, command: 'npm run score' });
    // 123,456,789 bytes / 100 = 1,234,568 lines, 1,234,567 rows: said as 1,200,000.
    expect(checkTabCeiling(123_456_789, sample, 1_000_000)?.params?.rows).toBe(1_200_000);
  });

  it('counts a file that fits in its sample row by row: 200 rows are refused over a ceiling of 10, 10 rows are not', () => {
    expect(checkTabCeiling(20_036, bytes(line.repeat(200) + 'w'.repeat(36)), 10)).not.toBeNull();
    expect(checkTabCeiling(1_036, bytes(line.repeat(10) + 'w'.repeat(36)), 10)).toBeNull();
  });
});
