/** Package files kept by the page between installs and visits: a second install of a wheel needs no network. */
export interface PackageCache {
  /** The bytes kept for `url`, or null; with `integrity`, only bytes that match it. */
  get(url: string, integrity: string | null): Promise<{ bytes: ArrayBuffer; contentType: string | null } | null>;
  /** Keeps a package file that was fetched (and, with an integrity, checked by the browser). */
  put(url: string, bytes: ArrayBuffer, contentType: string | null): Promise<void>;
}

/** The Cache Storage bucket; a new name when what is stored changes shape. */
export const PACKAGE_CACHE_NAME = 'executor-packages-v1';

/** Package files (wheels, source archives, the tests' zips): immutable by name, so kept as they are. */
export const PACKAGE_FILE = /\.(whl|zip|tar\.gz|tgz)$/i;

/** Whether `bytes` match a subresource integrity string (`sha256-<base64>`, as Pyodide passes the lock's hash). */
export async function matchesIntegrity(bytes: ArrayBuffer, integrity: string): Promise<boolean> {
  const m = /^sha256-([A-Za-z0-9+/=]+)$/.exec(integrity.trim());
  if (!m) return false;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return btoa(binary) === m[1];
}

/**
 * The page's Cache Storage as a package cache (what a browser keeps for the app's origin, with ordinary
 * eviction). Where there is none (a page not served over https or from localhost), nothing is kept and every
 * install downloads. Failures to read or write are not errors: the file is fetched again.
 */
export function createPackageCache(storage: CacheStorage | undefined = globalThis.caches): PackageCache {
  if (!storage) return { get: async () => null, put: async () => undefined };
  const open = () => storage.open(PACKAGE_CACHE_NAME);
  return {
    async get(url, integrity) {
      if (!PACKAGE_FILE.test(new URL(url).pathname)) return null;
      try {
        const hit = await (await open()).match(url);
        if (!hit) return null;
        const bytes = await hit.arrayBuffer();
        if (integrity && !(await matchesIntegrity(bytes, integrity))) return null;
        return { bytes, contentType: hit.headers.get('content-type') };
      } catch {
        return null;
      }
    },
    async put(url, bytes, contentType) {
      if (!PACKAGE_FILE.test(new URL(url).pathname)) return;
      try {
        const headers = contentType ? { 'Content-Type': contentType } : undefined;
        await (await open()).put(url, new Response(bytes.slice(0), { headers }));
      } catch {
        // Full, or not allowed (a private window): the next install downloads it again.
      }
    },
  };
}

/** Bytes held by the package cache (0 where there is no Cache Storage). */
export async function measurePackageCache(storage: CacheStorage | undefined = globalThis.caches): Promise<number> {
  if (!storage || !(await storage.has(PACKAGE_CACHE_NAME))) return 0;
  const cache = await storage.open(PACKAGE_CACHE_NAME);
  let total = 0;
  for (const request of await cache.keys()) {
    const hit = await cache.match(request);
    const length = Number(hit?.headers.get('content-length'));
    total += Number.isFinite(length) && length > 0 ? length : ((await hit?.blob())?.size ?? 0);
  }
  return total;
}

/** Deletes the package cache: the next install of each package downloads it again. */
export async function clearPackageCache(storage: CacheStorage | undefined = globalThis.caches): Promise<void> {
  await storage?.delete(PACKAGE_CACHE_NAME);
}
