const MB = 2 ** 20;

/** Allocations this large or larger are counted (smaller ones are left to the browser's measurement). */
export const COUNTED_BYTES = MB;

/** The constructors the guard counts: each allocates a buffer of its own. */
const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;
const BUFFERS = ['ArrayBuffer', 'SharedArrayBuffer'] as const;

/** A run's large JavaScript allocations went over its memory limit. */
export interface AllocationTrip {
  /** Bytes held (counted) plus the allocation refused. */
  bytes: number;
  limitBytes: number;
}

/** Counts large ArrayBuffer and typed-array allocations in the worker's realm against the run's memory limit. */
export interface AllocationGuard {
  /** A run starts with this limit (bytes). */
  begin(limitBytes: number): void;
  /** The run ended: whether an allocation was refused during it. */
  end(): AllocationTrip | null;
  /** Bytes counted and not yet freed by the browser. */
  held(): number;
}

const toLength = (value: unknown): number => {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : Number(value ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

/** What a `new C(...args)` of a counted constructor will allocate, in bytes (a view over a buffer allocates none). */
function bytesAsked(name: string, elementBytes: number, args: unknown[]): number {
  if ((BUFFERS as readonly string[]).includes(name)) {
    const options = args[1] as { maxByteLength?: unknown } | undefined;
    return Math.max(toLength(args[0]), toLength(options?.maxByteLength));
  }
  const first = args[0];
  if (typeof first === 'number' || typeof first === 'bigint') return toLength(first) * elementBytes;
  if (first instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && first instanceof SharedArrayBuffer)) return 0;
  if (first !== null && typeof first === 'object' && 'length' in first) return toLength(first.length) * elementBytes;
  return 0;
}

/**
 * Puts counting wrappers in place of the realm's ArrayBuffer, SharedArrayBuffer and typed-array constructors
 * (`global`: the worker's global object). Within a run, an allocation of at least {@link COUNTED_BYTES} that would
 * take what is counted over the run's limit throws a RangeError before anything is allocated, and the run ends
 * with status `memory`; counted allocations are forgotten when the browser frees them (a FinalizationRegistry,
 * which reports only between tasks: a program that allocates and drops large buffers in one synchronous stretch
 * is counted as holding them all). Views over an existing buffer are free. Outside runs nothing is refused.
 */
export function installAllocationGuard(global: Record<string, unknown> = globalThis): AllocationGuard {
  let held = 0;
  let limit = Number.POSITIVE_INFINITY;
  let trip: AllocationTrip | null = null;
  const freed = new FinalizationRegistry<number>((bytes) => (held -= bytes));
  const wrap = (name: string, elementBytes: number) => {
    const real = global[name] as (new (...args: unknown[]) => object) | undefined;
    if (typeof real !== 'function') return;
    global[name] = new Proxy(real, {
      construct(target, args: unknown[], newTarget) {
        const bytes = bytesAsked(name, elementBytes, args);
        if (bytes >= COUNTED_BYTES && held + bytes > limit) {
          trip = { bytes: held + bytes, limitBytes: limit };
          throw new RangeError(
            `MemoryError: this ${name} of ${Math.round(bytes / MB)} MB would take the JavaScript memory the program holds through js to ${Math.round((held + bytes) / MB)} MB, over the run's memory limit of ${Math.round(limit / MB)} MB`,
          );
        }
        const made = Reflect.construct(target, args, newTarget === proxyOf.get(name) ? target : newTarget) as object;
        if (bytes >= COUNTED_BYTES) {
          held += bytes;
          freed.register(made, bytes);
        }
        return made;
      },
    });
    proxyOf.set(name, global[name]);
  };
  const proxyOf = new Map<string, unknown>();
  for (const name of BUFFERS) wrap(name, 1);
  for (const name of TYPED_ARRAYS) {
    const real = global[name] as { BYTES_PER_ELEMENT?: number } | undefined;
    wrap(name, real?.BYTES_PER_ELEMENT ?? 1);
  }
  return {
    begin(limitBytes) {
      limit = limitBytes;
      trip = null;
    },
    end() {
      limit = Number.POSITIVE_INFINITY;
      const found = trip;
      trip = null;
      return found;
    },
    held: () => held,
  };
}
