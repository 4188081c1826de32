// @ts-check
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Where Debian's `tzdata` package installs the time zone database, relative to the package root. */
export const ZONEINFO = 'usr/share/zoneinfo';

/**
 * The PyPI spelling of an IANA release: `2026f` → `2026.6` (as the `tzdata` distribution numbers them).
 *
 * @param {string} iana
 */
export function tzdataVersion(iana) {
  const m = /^(\d{4})([a-z])$/.exec(iana);
  if (!m) throw new Error(`not an IANA time zone release: ${iana}`);
  return `${m[1]}.${(m[2] ?? 'a').charCodeAt(0) - 96}`;
}

/**
 * Turns an extracted Debian `tzdata` .deb into the content of the `tzdata` Python distribution: the
 * compiled zones under `tzdata/zoneinfo/` (links inside the database become copies, `localtime` and
 * other links out of it are left out), an `__init__.py` in every folder (the stdlib's `zoneinfo` reads
 * them as package resources), `tzdata/zones` (what `zoneinfo.available_timezones()` lists) and
 * `IANA_VERSION`. The release is read from `tzdata.zi` and must be `version` in PyPI's spelling.
 *
 * @param {string} root directory the .deb was extracted to
 * @param {string} version the manifest's version, e.g. `2026.6`
 * @returns {import('./readDistPackages.mjs').DistPackagesContent}
 */
export function readZoneinfo(root, version) {
  const base = join(root, ZONEINFO);
  if (!existsSync(base)) throw new Error(`no ${ZONEINFO} in ${root}`);
  const realBase = realpathSync(base);
  const iana = /^#\s*version\s+(\S+)/.exec(readFileSync(join(base, 'tzdata.zi'), 'utf8'))?.[1] ?? '';
  if (tzdataVersion(iana) !== version) throw new Error(`tzdata.zi says release ${iana}, the manifest expects ${version}`);
  /** @type {{ path: string, data: Buffer }[]} */
  const files = [];
  /** @type {string[]} */
  const droppedLinks = [];
  /** @type {string[]} */
  const zones = [];
  const text = (/** @type {string} */ s) => Buffer.from(s, 'utf8');

  /** @param {string} dir @param {string} rel */
  const walk = (dir, rel) => {
    files.push({ path: `tzdata/zoneinfo/${rel ? `${rel}/` : ''}__init__.py`, data: text('') });
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const path = rel ? `${rel}/${name}` : name;
      if (lstatSync(abs).isSymbolicLink()) {
        let target;
        try {
          target = realpathSync(abs);
        } catch {
          target = undefined;
        }
        if (!target || !target.startsWith(realBase + sep)) {
          droppedLinks.push(path);
          continue;
        }
      }
      const stat = statSync(abs);
      if (stat.isDirectory()) walk(abs, path);
      else if (stat.isFile()) {
        const data = readFileSync(abs);
        files.push({ path: `tzdata/zoneinfo/${path}`, data });
        if (data.subarray(0, 4).toString('latin1') === 'TZif') zones.push(path);
      }
    }
  };
  walk(base, '');
  files.push({ path: 'tzdata/__init__.py', data: text(`IANA_VERSION = "${iana}"\n__version__ = "${version}"\n`) });
  files.push({ path: 'tzdata/zones', data: text(`${zones.sort().join('\n')}\n`) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, metadata: undefined, entryPoints: undefined, droppedLinks };
}
