// @ts-check
import { createHash } from 'node:crypto';
import { createZip } from './createZip.mjs';
import { parseMetadataHeaders, topLevelNames, wheelFileText, wheelMetadataText, wheelRecord } from './distInfo.mjs';
import { wheelDistributionName } from './normalizePackageName.mjs';

/** Written into each wheel's WHEEL file. */
export const WHEEL_GENERATOR = 'executor-scripts-packages (from Debian packages)';

/**
 * Whether a file from a Debian package's dist-packages belongs in a
 * pure-Python `py3-none-any` wheel. Compiled extensions (`.so`, e.g.
 * coverage's C tracer, built for the host's CPython, unusable in Pyodide),
 * bytecode caches and Debian's own `.dist-info` / `.egg-info` (replaced by a
 * generated one) are left out.
 *
 * @param {string} path path relative to dist-packages, `/`-separated
 * @returns {boolean}
 */
export function isWheelPayload(path) {
  const parts = path.split('/');
  if (parts.includes('__pycache__')) return false;
  if (/\.(dist-info|egg-info)$/.test(parts[0] ?? '')) return false;
  return !/\.(so|pyd|dylib|pyc|pyo)$/.test(path) && !/\.so\.\d/.test(path);
}

/**
 * @typedef {object} BuiltWheel
 * @property {string} name distribution name as spelled in METADATA (e.g. `Pygments`)
 * @property {string} version
 * @property {string} fileName e.g. `pygments-2.18.0-py3-none-any.whl`
 * @property {Buffer} data the wheel
 * @property {string} sha256 lowercase hex sha256 of `data`
 * @property {string[]} imports top-level import names (also written to top_level.txt)
 * @property {string[]} skipped input paths left out (see {@link isWheelPayload})
 */

/**
 * Build a `py3-none-any` wheel from the content of dist-packages. Pure and
 * deterministic (sorted entries, fixed timestamps), so the sha256 is stable.
 * The `.dist-info` holds METADATA, WHEEL, top_level.txt, entry_points.txt
 * (when given) and RECORD (sha256 and size of every other file).
 *
 * @param {object} options
 * @param {string} options.name distribution name (from the manifest)
 * @param {string} options.version expected version; must match `metadata`
 * @param {{ path: string, data: Uint8Array }[]} options.files dist-packages content
 * @param {string} [options.metadata] upstream METADATA / PKG-INFO text, kept verbatim
 * @param {string} [options.entryPoints] upstream entry_points.txt text
 * @returns {BuiltWheel}
 */
export function buildWheel({ name, version, files, metadata, entryPoints }) {
  if (!/^[A-Za-z0-9.+!]+$/.test(version)) throw new Error(`unsupported version ${version}`);
  const metadataText = wheelMetadataText({ name, version, source: metadata });
  const distName = parseMetadataHeaders(metadataText).get('name')?.[0] ?? name;
  const stem = `${wheelDistributionName(distName)}-${version}`;
  const distInfo = `${stem}.dist-info`;

  const payload = files.filter((file) => isWheelPayload(file.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const skipped = files.filter((file) => !isWheelPayload(file.path)).map((file) => file.path);
  const imports = topLevelNames(payload.map((file) => file.path));
  if (imports.length === 0) throw new Error(`${name}: no Python modules to put in the wheel`);

  const text = (/** @type {string} */ s) => Buffer.from(s, 'utf8');
  const meta = [
    { path: `${distInfo}/METADATA`, data: text(metadataText) },
    { path: `${distInfo}/WHEEL`, data: text(wheelFileText(WHEEL_GENERATOR)) },
    { path: `${distInfo}/top_level.txt`, data: text(`${imports.join('\n')}\n`) },
  ];
  if (entryPoints?.trim()) meta.push({ path: `${distInfo}/entry_points.txt`, data: text(entryPoints) });
  const recordPath = `${distInfo}/RECORD`;
  const entries = [...payload, ...meta];
  entries.push({ path: recordPath, data: text(wheelRecord(entries, recordPath)) });

  const data = createZip(entries);
  return {
    name: distName,
    version,
    fileName: `${stem}-py3-none-any.whl`,
    data,
    sha256: createHash('sha256').update(data).digest('hex'),
    imports,
    skipped,
  };
}
