/**
 * Typed arrays that grow by doubling, for columns whose final length is known only at
 * the end of the file. `array` may be longer than `length`; slice it to hand it out.
 */
abstract class Growable<A extends Float32Array | Uint32Array | Uint8Array> {
  length = 0;
  constructor(public array: A) {}

  protected abstract make(capacity: number): A;

  /** Ensures room for `capacity` elements and returns the (possibly new) backing array. */
  reserve(capacity: number): A {
    if (capacity > this.array.length) {
      const next = this.make(Math.max(capacity, this.array.length * 2));
      next.set(this.array);
      this.array = next;
    }
    return this.array;
  }

  push(value: number): void {
    this.reserve(this.length + 1)[this.length++] = value;
  }
}

export class GrowableFloat32 extends Growable<Float32Array> {
  constructor(capacity = 1024) {
    super(new Float32Array(capacity));
  }
  protected make(capacity: number): Float32Array {
    return new Float32Array(capacity);
  }
}

export class GrowableUint32 extends Growable<Uint32Array> {
  constructor(capacity = 1024) {
    super(new Uint32Array(capacity));
  }
  protected make(capacity: number): Uint32Array {
    return new Uint32Array(capacity);
  }
}

export class GrowableUint8 extends Growable<Uint8Array> {
  constructor(capacity = 1024) {
    super(new Uint8Array(capacity));
  }
  protected make(capacity: number): Uint8Array {
    return new Uint8Array(capacity);
  }
}
