import { describe, expect, it } from 'vitest';
import { decryptSession, encryptSession, ENVELOPE_FORMAT, isEnvelope, PBKDF2_ITERATIONS } from './crypto';

const TEXT = '{"hello":"verden æøå"}\n';

function flip(b64: string, at: number): string {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  bytes[at] ^= 1;
  return btoa(String.fromCharCode(...bytes));
}

describe('session encryption', () => {
  it('round-trips under a passphrase with PBKDF2-SHA-256 (≥ 600,000 iterations), a 16-byte salt and a 12-byte IV', async () => {
    const e = await encryptSession(TEXT, 'passord');
    expect(isEnvelope(e)).toBe(true);
    expect(e.format).toBe(ENVELOPE_FORMAT);
    expect(e.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(atob(e.kdf.salt)).toHaveLength(16);
    expect(atob(e.cipher.iv)).toHaveLength(12);
    expect(e.cipher).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(await decryptSession(JSON.parse(JSON.stringify(e)), 'passord')).toEqual({ text: TEXT });
  });

  it('uses a fresh salt and IV every time', async () => {
    const [a, b] = await Promise.all([encryptSession(TEXT, 'p'), encryptSession(TEXT, 'p')]);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('gives a problem, not an exception, for a wrong passphrase', async () => {
    const e = await encryptSession(TEXT, 'riktig');
    expect(await decryptSession(e, 'galt')).toEqual({ problem: { code: 'session.wrong_passphrase', severity: 'error' } });
  });

  it('detects a changed ciphertext, IV, salt or parameter', async () => {
    const e = await encryptSession(TEXT, 'p');
    const wrong = { problem: { code: 'session.wrong_passphrase', severity: 'error' } };
    expect(await decryptSession({ ...e, ciphertext: flip(e.ciphertext, 3) }, 'p')).toEqual(wrong);
    expect(await decryptSession({ ...e, cipher: { ...e.cipher, iv: flip(e.cipher.iv, 0) } }, 'p')).toEqual(wrong);
    expect(await decryptSession({ ...e, kdf: { ...e.kdf, salt: flip(e.kdf.salt, 5) } }, 'p')).toEqual(wrong);
    expect(await decryptSession({ ...e, kdf: { ...e.kdf, iterations: PBKDF2_ITERATIONS + 1 } }, 'p')).toEqual(wrong);
  });

  it('refuses an envelope that does not fit, saying where', async () => {
    const e = await encryptSession(TEXT, 'p');
    expect(await decryptSession({ ...e, kdf: { ...e.kdf, iterations: 1000 } }, 'p')).toMatchObject({ problem: { code: 'session.envelope_invalid', field: 'kdf.iterations' } });
    expect(await decryptSession({ ...e, ciphertext: '***' }, 'p')).toMatchObject({ problem: { code: 'session.envelope_invalid', field: 'ciphertext' } });
    expect(await decryptSession({ ...e, cipher: { ...e.cipher, iv: btoa('short') } }, 'p')).toMatchObject({ problem: { code: 'session.envelope_invalid', params: { where: 'cipher.iv' } } });
    expect(isEnvelope({ format: 'other' })).toBe(false);
  });
}, 60_000);
