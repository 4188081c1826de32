import { describe, expect, it } from 'vitest';
import { COUNTED_BYTES, installAllocationGuard } from './createAllocationGuard.ts';

const MB = 2 ** 20;

/** A realm's constructors in an object of their own, so the test does not patch Node's globals. */
function realm() {
  return { ArrayBuffer, SharedArrayBuffer, Uint8Array, Float64Array, Int32Array } as Record<string, unknown>;
}

type Ctor = new (...args: unknown[]) => { byteLength: number };

describe('installAllocationGuard', () => {
  it('refuses, within a run, a large allocation over the limit before it is made, and says so', () => {
    const g = realm();
    const guard = installAllocationGuard(g);
    const AB = g.ArrayBuffer as Ctor;
    guard.begin(10 * MB);
    const kept = [new AB(4 * MB), new AB(4 * MB)];
    expect(guard.held()).toBe(8 * MB);
    expect(() => new AB(4 * MB)).toThrow(
      /MemoryError: this ArrayBuffer of 4 MB would take .* to 12 MB, over the run's memory limit of 10 MB/,
    );
    expect(guard.held()).toBe(8 * MB);
    expect(guard.end()).toEqual({ bytes: 12 * MB, limitBytes: 10 * MB });
    expect(guard.end()).toBeNull();
    // Outside a run nothing is refused.
    expect(new AB(4 * MB).byteLength).toBe(4 * MB);
    expect(kept).toHaveLength(2);
  });

  it('counts typed arrays by their element size and maxByteLength; views and small buffers are free', () => {
    const g = realm();
    const guard = installAllocationGuard(g);
    guard.begin(64 * MB);
    const F64 = g.Float64Array as Ctor;
    const U8 = g.Uint8Array as Ctor;
    const big = new F64(MB); // 8 MB
    expect(guard.held()).toBe(8 * MB);
    new U8(big); // an array-like of MB elements: 1 MB more
    expect(guard.held()).toBe(9 * MB);
    const buffer = new ArrayBuffer(2 * MB);
    new U8(buffer); // a view: free
    new U8(COUNTED_BYTES - 1); // small: left to the browser's measurement
    expect(guard.held()).toBe(9 * MB);
    new (g.ArrayBuffer as Ctor)(1, { maxByteLength: 16 * MB }); // may grow to 16 MB
    expect(guard.held()).toBe(25 * MB);
    expect(() => new (g.Int32Array as Ctor)(10 * MB)).toThrow(RangeError);
    expect(guard.end()?.limitBytes).toBe(64 * MB);
  });

  it('keeps the constructors working: instanceof, statics, subclasses', () => {
    const g = realm();
    installAllocationGuard(g);
    const U8 = g.Uint8Array as typeof Uint8Array;
    const made = new U8([1, 2, 3]);
    expect(made).toBeInstanceOf(Uint8Array);
    expect(made instanceof U8).toBe(true);
    expect(U8.from([4, 5])).toEqual(new Uint8Array([4, 5]));
    expect(U8.BYTES_PER_ELEMENT).toBe(1);
    expect((g.ArrayBuffer as typeof ArrayBuffer).isView(made)).toBe(true);
    class Mine extends U8 {}
    expect(new Mine(2)).toBeInstanceOf(Mine);
  });
});
