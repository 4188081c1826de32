// @ts-check

/**
 * Canonical form of a Python distribution name (PEP 503): lowercase, with runs
 * of `-`, `_` and `.` collapsed to a single `-`. Pyodide keys its lock file's
 * `packages` object by this form, and compares `depends` entries after
 * applying it (the upstream lock has depends such as `prompt_toolkit`).
 *
 * @param {string} name e.g. `"Pygments"`, `"prompt_toolkit"`
 * @returns {string} e.g. `"pygments"`, `"prompt-toolkit"`
 */
export function normalizePackageName(name) {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/**
 * Distribution name as it must appear in a wheel file name and in its
 * `.dist-info` directory name (binary distribution format spec): lowercase,
 * runs of `-`, `_` and `.` replaced by `_`. A wheel file name is split on `-`
 * by installers (Pyodide included), so it must not contain one.
 *
 * @param {string} name e.g. `"Pygments"`, `"typing-extensions"`
 * @returns {string} e.g. `"pygments"`, `"typing_extensions"`
 */
export function wheelDistributionName(name) {
  return name.replace(/[-_.]+/g, '_').toLowerCase();
}
