// @ts-check
/** @typedef {import('./mergeLock.mjs').Lockfile} Lockfile */

/**
 * Map from top-level import name to lock key, built from each entry's
 * `imports` field, exactly like Pyodide's own module-not-found hook does
 * (`initializePackageIndex` in pyodide.asm.mjs): entries are visited in the
 * lock's key order and a later entry claiming the same import name wins.
 *
 * @param {Lockfile} lock a Pyodide lock file (`{ info, packages }`)
 * @returns {Map<string, string>} e.g. `"sklearn" → "scikit-learn"`
 */
export function importNameMap(lock) {
  /** @type {Map<string, string>} */
  const map = new Map();
  for (const [key, entry] of Object.entries(lock.packages)) {
    for (const importName of entry.imports ?? []) map.set(importName, key);
  }
  return map;
}

/**
 * Which lock package provides a module, e.g. `packageForImport(lock, 'sklearn')`
 * → `'scikit-learn'`, `packageForImport(lock, 'PIL.Image')` → `'pillow'`.
 * The result is the lock key, which `pyodide.loadPackage()` accepts.
 *
 * @param {Lockfile} lock a Pyodide lock file
 * @param {string} moduleName a module name as written after `import`; only its
 *   first dotted component is looked up
 * @returns {string | undefined} the lock key, or undefined if no entry provides it
 *   (standard library, or a package Pyodide does not ship)
 */
export function packageForImport(lock, moduleName) {
  const topLevel = moduleName.trim().split('.')[0] ?? '';
  return importNameMap(lock).get(topLevel);
}
