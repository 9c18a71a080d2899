import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex, toHex } from './sha256';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('Sha256', () => {
  // FIPS 180-4 examples (NIST CSRC "Examples with intermediate values", SHA-256).
  it('gives the NIST digests for "abc", the 448-bit message and the empty message', () => {
    expect(toHex(new Sha256().update(ascii('abc')).digest())).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(new Sha256().update(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).digest())).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(toHex(new Sha256().digest())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives the NIST digest of one million "a" fed in uneven pieces', () => {
    const hash = new Sha256();
    const piece = ascii('a'.repeat(997));
    let left = 1_000_000;
    while (left > 0) {
      const n = Math.min(left, piece.length);
      hash.update(piece.subarray(0, n));
      left -= n;
    }
    expect(toHex(hash.digest())).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it("agrees with Node's crypto.createHash for every length around the padding boundaries, split anywhere", () => {
    const data = randomBytes(300);
    for (let len = 0; len <= 200; len++) {
      const msg = data.subarray(0, len);
      const cut = Math.floor(len / 3);
      const mine = toHex(new Sha256().update(msg.subarray(0, cut)).update(msg.subarray(cut)).digest());
      expect(mine, `length ${len}`).toBe(createHash('sha256').update(msg).digest('hex'));
    }
  });

  it('refuses to be fed or read after its digest', () => {
    const hash = new Sha256();
    hash.digest();
    expect(() => hash.update(ascii('x'))).toThrow();
    expect(() => hash.digest()).toThrow();
  });
});

describe('sha256Hex', () => {
  const data = new Uint8Array(randomBytes(3 * 1024 * 1024 + 5));
  const expected = createHash('sha256').update(data).digest('hex');

  it('hashes one buffer with WebCrypto as Node does', async () => {
    expect(await sha256Hex(data)).toBe(expected);
  });

  it('hashes chunks, sync or async, to the digest of their concatenation', async () => {
    const chunks = [data.subarray(0, 1_000_000), data.subarray(1_000_000, 1_000_001), data.subarray(1_000_001)];
    expect(await sha256Hex(chunks)).toBe(expected);
    async function* slow() {
      yield* chunks;
    }
    expect(await sha256Hex(slow())).toBe(expected);
  });

  it('hashes nothing to the digest of the empty message', async () => {
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
