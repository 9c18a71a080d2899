import { describe, expect, it } from 'vitest';
import { containsNationalId, looksLikeNationalId, maskId, maskNationalIds, nationalIdChecksumOk } from './nationalId';

// Worked examples with both control digits computed by hand in public sources:
// matematikk.org ("Er fødselsnummeret gyldig?": 020161 26007) and fnrinfo.no (311299 56715).
const VALID = ['02016126007', '31129956715'];

describe('looksLikeNationalId', () => {
  it('accepts eleven digits that start with a date', () => {
    expect(VALID.every(looksLikeNationalId)).toBe(true);
  });

  it('accepts D-numbers (day + 40) and H-numbers (month + 40)', () => {
    expect(looksLikeNationalId('42016126007')).toBe(true);
    expect(looksLikeNationalId('02416126007')).toBe(true);
  });

  it.each(['0201612600', '020161260071', '02016126OO7', '00016126007', '32016126007', '02136126007', '', '12345678901'])(
    'refuses %j',
    (s) => expect(looksLikeNationalId(s)).toBe(false),
  );
});

describe('nationalIdChecksumOk', () => {
  it('accepts the worked examples', () => {
    expect(VALID.every(nationalIdChecksumOk)).toBe(true);
  });

  it('refuses a changed digit anywhere', () => {
    for (const id of VALID) {
      for (let i = 0; i < 11; i++) {
        const d = (Number(id[i]) + 1) % 10;
        expect(nationalIdChecksumOk(id.slice(0, i) + d + id.slice(i + 1)), `${id} digit ${i}`).toBe(false);
      }
    }
  });

  it('accepts a first control sum with remainder 1 to 3, as numbers issued from 2032 may have', () => {
    // 020161 260 with k1 = 1 instead of 0: first sum 110 + 1 = 111, remainder 1; k2 recomputed.
    const nine = [0, 2, 0, 1, 6, 1, 2, 6, 0, 1];
    const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const k2 = (11 - (nine.reduce((s, d, i) => s + d * w2[i], 0) % 11)) % 11;
    expect(k2).toBeLessThan(10);
    expect(nationalIdChecksumOk(nine.join('') + k2)).toBe(true);
  });

  it('refuses anything but eleven digits', () => {
    expect(nationalIdChecksumOk('')).toBe(false);
    expect(nationalIdChecksumOk('0201612600')).toBe(false);
  });
});

describe('maskNationalIds', () => {
  it('masks a valid national id inside text, keeping its last two digits', () => {
    expect(maskNationalIds('fnr 02016126007 ble oppgitt')).toBe('fnr •••••••••07 ble oppgitt');
    expect(maskNationalIds('se 311299 56715')).toBe('se •••••••••15');
  });

  it('leaves runs that fail the date or the control digits, or are longer than 11 digits, as they are', () => {
    expect(maskNationalIds('konto 12345678901')).toBe('konto 12345678901');
    expect(maskNationalIds('02016126008')).toBe('02016126008');
    expect(maskNationalIds('102016126007')).toBe('102016126007');
    expect(maskNationalIds('')).toBe('');
  });

  it('masks every 11-digit run, checked or not, for a column known to hold national ids', () => {
    expect(maskNationalIds('02016126008', false)).toBe('•••••••••08');
  });
});

describe('containsNationalId', () => {
  it('finds a valid id among other digits and text', () => {
    expect(containsNationalId('tlf 22 33 44 55, fnr 31129956715')).toBe(true);
    expect(containsNationalId('tlf 22334455')).toBe(false);
    expect(containsNationalId('02016126008')).toBe(false);
  });
});

describe('maskId', () => {
  it('hides all but the last two digits of an 11-digit national id', () => {
    expect(maskId('01017012345')).toBe('•••••••••45');
  });
  it('leaves other identifiers alone', () => {
    expect(maskId('S0001234')).toBe('S0001234');
    expect(maskId('')).toBe('');
    expect(maskId('0101701234')).toBe('0101701234');
  });
});
