import * as v from 'valibot';
import { problem, type Problem } from '../problems';

/**
 * A session file encrypted with a passphrase, as a small JSON envelope. The key is derived
 * with PBKDF2-HMAC-SHA-256 (600,000 iterations, the OWASP 2023 figure, and a random 16-byte
 * salt) and encrypts with AES-GCM-256 under a random 12-byte IV. The envelope's header (format,
 * version, kdf and cipher parameters, salt and iv) is the AES-GCM additional data, so a changed
 * parameter fails authentication like a changed ciphertext. WebCrypto only: the browser's
 * `crypto.subtle`, and Node's (20+) for the tests.
 */
export const ENVELOPE_FORMAT = 'deduction-risk-session-encrypted';
export const ENVELOPE_VERSION = 1;
export const PBKDF2_ITERATIONS = 600_000;
/** Files claiming more are refused: deriving their key would hang the page. */
const MAX_ITERATIONS = 10_000_000;

export interface SessionEnvelope {
  format: typeof ENVELOPE_FORMAT;
  version: number;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; length: 256; iv: string };
  ciphertext: string;
}

const b64 = v.pipe(v.string(), v.base64());
const envelopeSchema = v.object({
  format: v.literal(ENVELOPE_FORMAT),
  version: v.literal(ENVELOPE_VERSION),
  kdf: v.object({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(PBKDF2_ITERATIONS), v.maxValue(MAX_ITERATIONS)),
    salt: b64,
  }),
  cipher: v.object({ name: v.literal('AES-GCM'), length: v.literal(256), iv: b64 }),
  ciphertext: b64,
});

/** True when `json` claims to be an encrypted session (whether or not it is a valid one). */
export function isEnvelope(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === ENVELOPE_FORMAT;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The bytes authenticated beside the ciphertext: the envelope without it, keys in a fixed order. */
function header(e: Omit<SessionEnvelope, 'ciphertext'>): Uint8Array<ArrayBuffer> {
  const fixed = { format: e.format, version: e.version, kdf: { name: e.kdf.name, hash: e.kdf.hash, iterations: e.kdf.iterations, salt: e.kdf.salt }, cipher: { name: e.cipher.name, length: e.cipher.length, iv: e.cipher.iv } };
  return new TextEncoder().encode(JSON.stringify(fixed));
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Encrypts a session's JSON text under a passphrase; returns the envelope. */
export async function encryptSession(text: string, passphrase: string): Promise<SessionEnvelope> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const head: Omit<SessionEnvelope, 'ciphertext'> = {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: toBase64(iv) },
  };
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS, 'encrypt');
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header(head), tagLength: 128 }, key, new TextEncoder().encode(text));
  return { ...head, ciphertext: toBase64(new Uint8Array(sealed)) };
}

/**
 * The session's JSON text from an envelope, or a problem: `session.envelope_invalid` when the
 * envelope does not fit (with where), `session.wrong_passphrase` when authentication fails — a
 * wrong passphrase and an edited file cannot be told apart, and the sentence says both.
 */
export async function decryptSession(json: unknown, passphrase: string): Promise<{ text: string } | { problem: Problem }> {
  const parsed = v.safeParse(envelopeSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') || '(root)';
    return { problem: problem('session.envelope_invalid', 'error', { field: where, params: { where, detail: issue.message } }) };
  }
  const e = parsed.output;
  const iv = fromBase64(e.cipher.iv);
  const salt = fromBase64(e.kdf.salt);
  if (iv.length !== 12 || salt.length < 16) return { problem: problem('session.envelope_invalid', 'error', { field: 'cipher.iv', params: { where: iv.length !== 12 ? 'cipher.iv' : 'kdf.salt', detail: 'wrong length' } }) };
  try {
    const key = await deriveKey(passphrase, salt, e.kdf.iterations, 'decrypt');
    const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: header(e), tagLength: 128 }, key, fromBase64(e.ciphertext));
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { problem: problem('session.wrong_passphrase', 'error') };
  }
}
