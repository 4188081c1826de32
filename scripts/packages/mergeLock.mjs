// @ts-check
import { normalizePackageName } from './normalizePackageName.mjs';

/**
 * How the merged lock file addresses wheels (Pyodide 314.0.7)
 * ===========================================================
 * Pyodide resolves a lock entry's `file_name` in the browser with
 * `new URL(file_name, packageBaseUrl)` (`browser_resolvePath` in
 * pyodide.asm.mjs). `packageBaseUrl` is a `loadPyodide()` option; when it is
 * omitted it defaults to the lock file's directory (everything up to the last
 * `/` of `lockFileURL`). Consequently:
 *
 * - self-hosted entries keep a bare, relative `file_name`
 *   (`pytest-8.3.5-py3-none-any.whl`) and load from `packageBaseUrl`, which is
 *   `<origin>/packages/` when `lockFileURL` is `<origin>/packages/pyodide-lock.json`;
 * - every upstream entry gets an absolute `file_name` on the Pyodide CDN
 *   (`https://cdn.jsdelivr.net/pyodide/v314.0.7/full/numpy-…whl`), which
 *   `new URL()` returns unchanged whatever the base.
 *
 * So the worker passes `indexURL: <origin>/pyodide/v314.0.7/`,
 * `lockFileURL: <origin>/packages/pyodide-lock.json` and (explicitly, to not
 * depend on the default) `packageBaseUrl: <origin>/packages/`.
 * Integrity: the browser fetches every wheel with
 * `{ integrity: 'sha256-' + base64(sha256) }`, so `sha256` must be exact.
 *
 * In Node, Pyodide joins `file_name` to `packageCacheDir ?? packageBaseUrl`
 * with `path.resolve`, which mangles absolute URLs: in Node only the
 * self-hosted entries of the merged lock are loadable (that is all the
 * integration test needs).
 */

/** The Pyodide CDN folder matching the pinned npm package. */
export const DEFAULT_CDN_BASE_URL = 'https://cdn.jsdelivr.net/pyodide/v314.0.7/full/';

/**
 * @typedef {object} LockfilePackage One entry of a Pyodide lock file.
 * @property {string} name unnormalized distribution name
 * @property {string} version
 * @property {string} file_name wheel file name (relative to packageBaseUrl) or absolute URL
 * @property {'site' | 'dynlib'} install_dir
 * @property {string} sha256 lowercase hex
 * @property {string} package_type `package`, `shared_library`, `cpython_module`…
 * @property {string[]} imports top-level import names the package provides
 * @property {string[]} depends names of lock entries to load first
 * @property {boolean} unvendored_tests
 * @property {Record<string, unknown>} [tool]
 */

/**
 * @typedef {object} Lockfile A Pyodide lock file (`pyodide-lock.json`).
 * @property {Record<string, unknown>} info `abi_version` must match the runtime
 * @property {Record<string, LockfilePackage>} packages keyed by normalized name
 * @property {Record<string, unknown>} [tool]
 */

/**
 * @typedef {object} SelfHostedPackage What the build knows about one wheel it made.
 * @property {string} name distribution name from the wheel's METADATA
 * @property {string} version
 * @property {string} fileName wheel file name, served next to the lock file
 * @property {string} sha256 lowercase hex sha256 of the wheel
 * @property {string[]} imports top-level import names
 * @property {string[]} depends lock names this package needs
 */

/** @param {string} fileName */
function isAbsolute(fileName) {
  // Same test as Pyodide's `isAbsolute` in pyodide.asm.mjs.
  return fileName.includes('://') || fileName.startsWith('/');
}

/**
 * Lock entry for a self-hosted wheel, in the schema of Pyodide 314's own
 * lock file (which has `tool` and no `shared_library` flag: shared libraries
 * are `package_type: "shared_library"`).
 *
 * @param {SelfHostedPackage} pkg
 * @returns {LockfilePackage}
 */
export function selfHostedLockEntry(pkg) {
  if (isAbsolute(pkg.fileName) || pkg.fileName.includes('/')) {
    throw new Error(`self-hosted file name must be a bare file name, got ${pkg.fileName}`);
  }
  if (!/^[0-9a-f]{64}$/.test(pkg.sha256)) {
    throw new Error(`sha256 of ${pkg.fileName} must be 64 lowercase hex digits`);
  }
  return {
    name: pkg.name,
    version: pkg.version,
    file_name: pkg.fileName,
    install_dir: 'site',
    sha256: pkg.sha256,
    package_type: 'package',
    imports: [...pkg.imports],
    depends: pkg.depends.map(normalizePackageName),
    unvendored_tests: false,
    tool: {},
  };
}

/**
 * Merge the npm package's lock with self-hosted wheels (see the scheme at the
 * top of this file). Pure: the inputs are not modified.
 *
 * - Upstream entries with a relative `file_name` get `cdnBaseUrl` prepended.
 * - A self-hosted entry replaces the upstream entry with the same normalized
 *   name (e.g. upstream `pytest` 9.0.2 → self-hosted `pytest` 8.3.5).
 * - An import name claimed by a self-hosted entry is removed from the
 *   `imports` of any other upstream entry (upstream `py` also claims `py`,
 *   which pytest's `py.py` shim provides), so import → package is unambiguous.
 * - Keys are sorted; every `depends` of a self-hosted entry must name an
 *   entry of the result.
 *
 * @param {Lockfile} upstream the lock shipped in node_modules/pyodide
 * @param {SelfHostedPackage[]} selfHosted the wheels written next to the merged lock
 * @param {{ cdnBaseUrl?: string, tool?: Record<string, unknown> }} [options]
 *   `cdnBaseUrl`: where every other wheel is fetched (a deployment may mirror
 *   the CDN), default {@link DEFAULT_CDN_BASE_URL}; `tool`: extra data stored
 *   under the lock's top-level `tool` field
 * @returns {Lockfile}
 */
export function mergeLock(upstream, selfHosted, options = {}) {
  const cdnBaseUrl = withTrailingSlash(options.cdnBaseUrl ?? DEFAULT_CDN_BASE_URL);
  if (!/^https?:\/\//.test(cdnBaseUrl)) {
    throw new Error(`cdnBaseUrl must be an absolute http(s) URL, got ${cdnBaseUrl}`);
  }

  /** @type {Map<string, LockfilePackage>} */
  const own = new Map();
  for (const pkg of selfHosted) {
    const key = normalizePackageName(pkg.name);
    if (own.has(key)) throw new Error(`self-hosted package ${key} listed twice`);
    own.set(key, selfHostedLockEntry(pkg));
  }
  const ownImports = new Set([...own.values()].flatMap((entry) => entry.imports));

  /** @type {Record<string, LockfilePackage>} */
  const merged = {};
  for (const [key, entry] of Object.entries(upstream.packages)) {
    if (own.has(normalizePackageName(key))) continue;
    merged[key] = {
      ...structuredClone(entry),
      file_name: isAbsolute(entry.file_name) ? entry.file_name : new URL(entry.file_name, cdnBaseUrl).href,
      imports: entry.imports.filter((name) => !ownImports.has(name)),
    };
  }
  for (const [key, entry] of own) merged[key] = entry;

  /** @type {Record<string, LockfilePackage>} */
  const packages = {};
  for (const key of Object.keys(merged).sort()) packages[key] = /** @type {LockfilePackage} */ (merged[key]);

  const missing = [...own].flatMap(([key, entry]) => entry.depends.filter((dep) => !(dep in packages)).map((dep) => `${key} → ${dep}`));
  if (missing.length > 0) {
    throw new Error(`self-hosted depends not in the lock: ${missing.join(', ')}`);
  }

  const tool = { ...structuredClone(upstream.tool ?? {}), ...(options.tool ?? {}) };
  return { ...structuredClone(upstream), packages, tool };
}

/** @param {string} url */
function withTrailingSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}
