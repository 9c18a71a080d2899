/**
 * xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021; reference C at https://prng.di.unimi.it/xoshiro128starstar.c):
 * 128 bits of state, 32-bit outputs, plain 32-bit integer arithmetic — so Node and every
 * browser produce the same stream, which Math.random (unseedable) cannot.
 *
 * Seeding follows the authors' advice to fill the state from SplitMix64 (reference C at
 * https://prng.di.unimi.it/splitmix64.c): the seed is SplitMix64's state, its first two
 * outputs give the words [lo₁, hi₁, lo₂, hi₂]. SplitMix64's output function is a bijection,
 * so two consecutive outputs are never both 0 and the state is never all zero.
 */
export class Xoshiro128StarStar {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Four 32-bit words of state, not all zero. */
  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((w) => w >>> 0);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  }

  /** A generator seeded from a non-negative integer below 2^64 (a safe integer or a bigint). */
  static fromSeed(seed: number | bigint): Xoshiro128StarStar {
    if (typeof seed === 'number' && !(Number.isSafeInteger(seed) && seed >= 0)) {
      throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
    }
    const next = splitMix64(BigInt(seed));
    const a = next();
    const b = next();
    const lo = (x: bigint) => Number(x & 0xffffffffn);
    const hi = (x: bigint) => Number(x >> 32n);
    return new Xoshiro128StarStar([lo(a), hi(a), lo(b), hi(b)]);
  }

  /** The next 32-bit output, 0 ≤ x < 2^32. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * A uniform integer in [0, n) for 1 ≤ n ≤ 2^32, without modulo bias: draws below
   * 2^32 mod n are rejected, as OpenBSD's arc4random_uniform does.
   */
  below(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= 2 ** 32)) throw new RangeError(`bound must be an integer in 1..2^32, got ${n}`);
    const threshold = 2 ** 32 % n;
    for (;;) {
      const x = this.nextUint32();
      if (x >= threshold) return x % n;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const MASK64 = 0xffffffffffffffffn;

/** SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): a function returning the next 64-bit output. */
export function splitMix64(seed: bigint): () => bigint {
  if (seed < 0n || seed > MASK64) throw new RangeError('SplitMix64 seed must be in 0..2^64-1');
  let state = seed;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}
