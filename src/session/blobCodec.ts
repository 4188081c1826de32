/**
 * Binary files in IndexedDB as Blobs: `toStorable` copies a record with every Uint8Array made a Blob (the browser
 * may keep a Blob on disk rather than in the database's memory), and `fromStorable` turns them back into bytes.
 * Everything else is copied as it is.
 */
export function toStorable(value: unknown): unknown {
  if (value instanceof Uint8Array) return new Blob([value as BlobPart]);
  if (Array.isArray(value)) return value.map(toStorable);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStorable(v)]));
  return value;
}

/** The record as it was stored, every Blob read back into a Uint8Array. */
export async function fromStorable<T>(value: unknown): Promise<T> {
  if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer()) as T;
  if (Array.isArray(value)) return (await Promise.all(value.map((v) => fromStorable(v)))) as T;
  if (isPlainObject(value)) {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await fromStorable(v)] as const));
    return Object.fromEntries(entries) as T;
  }
  return value as T;
}

/** Whether the value holds a Uint8Array anywhere (what `toStorable` would turn into a Blob). */
export function containsBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(containsBytes);
  return isPlainObject(value) && Object.values(value).some(containsBytes);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** About how many bytes a record takes when stored: its JSON, with each byte array or Blob counted by its size. */
export function storedSize(value: unknown): number {
  let bytes = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array || v instanceof Blob) {
      bytes += v instanceof Blob ? v.size : v.length;
      return 0;
    }
    return v;
  });
  return bytes + new TextEncoder().encode(json ?? '').length;
}
