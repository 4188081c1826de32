// @ts-check
import { createHash } from 'node:crypto';

/**
 * Hash in the form a wheel RECORD uses: `sha256=` + urlsafe base64, no padding.
 *
 * @param {Uint8Array} data
 * @returns {string}
 */
export function recordHash(data) {
  return `sha256=${createHash('sha256').update(data).digest('base64url')}`;
}

/** @param {string} field */
function csvField(field) {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Text of a wheel's RECORD file (PEP 376 / 427): one CSV row `path,hash,size`
 * per file, then the RECORD's own row with empty hash and size.
 *
 * @param {{ path: string, data: Uint8Array }[]} files every other file of the wheel
 * @param {string} recordPath e.g. `pytest-8.3.5.dist-info/RECORD`
 * @returns {string}
 */
export function wheelRecord(files, recordPath) {
  const rows = files.map(({ path, data }) => [csvField(path), recordHash(data), String(data.byteLength)].join(','));
  rows.push(`${csvField(recordPath)},,`);
  return `${rows.join('\n')}\n`;
}

/**
 * Text of a pure-Python wheel's WHEEL file.
 *
 * @param {string} generator name of the tool that made the wheel
 * @returns {string}
 */
export function wheelFileText(generator) {
  return `Wheel-Version: 1.0\nGenerator: ${generator}\nRoot-Is-Purelib: true\nTag: py3-none-any\n`;
}

/**
 * Top-level import names provided by a set of wheel paths: every top-level
 * `*.py` module and every top-level directory holding Python code (packages,
 * and namespace packages). Metadata directories and `__pycache__` are ignored.
 *
 * @param {string[]} paths archive paths, `/`-separated
 * @returns {string[]} sorted, e.g. `["_pytest", "py", "pytest"]`
 */
export function topLevelNames(paths) {
  const names = new Set();
  for (const path of paths) {
    const [first, ...rest] = path.split('/');
    if (!first || /\.(dist-info|egg-info|data)$/.test(first) || first === '__pycache__') continue;
    if (rest.length === 0) {
      if (first.endsWith('.py')) names.add(first.slice(0, -3));
    } else if (path.endsWith('.py')) {
      names.add(first);
    }
  }
  return [...names].sort();
}

/**
 * Read the header fields of core metadata (METADATA / PKG-INFO): the
 * RFC 822-style block before the first empty line. Repeated fields are
 * collected in order; continuation lines are ignored.
 *
 * @param {string} text
 * @returns {Map<string, string[]>} lowercased field name → values
 */
export function parseMetadataHeaders(text) {
  /** @type {Map<string, string[]>} */
  const fields = new Map();
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const match = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line);
    if (!match) continue;
    const key = /** @type {string} */ (match[1]).toLowerCase();
    fields.set(key, [...(fields.get(key) ?? []), /** @type {string} */ (match[2]).trim()]);
  }
  return fields;
}

/**
 * Text of the wheel's METADATA. With `source` (Debian ships the upstream
 * METADATA or an egg-info PKG-INFO), it is kept verbatim after checking that
 * its Name and Version are the expected ones; without it a minimal
 * Metadata-Version 2.1 document is produced.
 *
 * @param {{ name: string, version: string, source?: string }} options
 * @returns {string}
 */
export function wheelMetadataText({ name, version, source }) {
  if (source === undefined) return `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`;
  const fields = parseMetadataHeaders(source);
  const canon = (/** @type {string} */ s) => s.replace(/[-_.]+/g, '-').toLowerCase();
  const sourceName = fields.get('name')?.[0];
  const sourceVersion = fields.get('version')?.[0];
  if (!sourceName || canon(sourceName) !== canon(name)) {
    throw new Error(`metadata names ${sourceName ?? 'no package'}, expected ${name}`);
  }
  if (sourceVersion !== version) {
    throw new Error(`metadata of ${name} says version ${sourceVersion ?? '(none)'}, expected ${version}`);
  }
  return source.endsWith('\n') ? source : `${source}\n`;
}
