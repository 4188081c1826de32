// @ts-check
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Where Debian installs Python 3 modules, relative to the package root. */
export const DIST_PACKAGES = 'usr/lib/python3/dist-packages';

/**
 * Unpack a .deb's data into `destDir` (no maintainer scripts run, no root needed).
 *
 * @param {string} debPath
 * @param {string} destDir
 */
export function extractDeb(debPath, destDir) {
  execFileSync('dpkg-deb', ['-x', debPath, destDir], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * @typedef {object} DistPackagesContent
 * @property {{ path: string, data: Buffer }[]} files every file under dist-packages,
 *   paths relative to it, `/`-separated, sorted
 * @property {string | undefined} metadata text of the shipped `*.dist-info/METADATA`
 *   or `*.egg-info/PKG-INFO`
 * @property {string | undefined} entryPoints text of the shipped entry_points.txt
 * @property {string[]} droppedLinks symlinks pointing outside the package (left out)
 */

/**
 * Read the dist-packages tree of an extracted .deb. Symlinks are followed
 * when their target lies inside the extracted package (Debian moves data
 * such as coverage's `htmlfiles` to /usr/share and links it back); links to
 * files of other packages are reported and left out.
 *
 * @param {string} root directory the .deb was extracted to
 * @returns {DistPackagesContent}
 */
export function readDistPackages(root) {
  const base = join(root, DIST_PACKAGES);
  if (!existsSync(base)) throw new Error(`no ${DIST_PACKAGES} in ${root}`);
  const realRoot = realpathSync(root);
  /** @type {{ path: string, data: Buffer }[]} */
  const files = [];
  /** @type {string[]} */
  const droppedLinks = [];

  /** @param {string} dir @param {string} rel */
  const walk = (dir, rel) => {
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
        if (!target || !target.startsWith(realRoot + sep)) {
          droppedLinks.push(path);
          continue;
        }
      }
      const stat = statSync(abs);
      if (stat.isDirectory()) walk(abs, path);
      else if (stat.isFile()) files.push({ path, data: readFileSync(abs) });
    }
  };
  walk(base, '');

  const find = (/** @type {RegExp} */ pattern) => files.find((f) => pattern.test(f.path))?.data.toString('utf8');
  return {
    files,
    metadata: find(/^[^/]+\.dist-info\/METADATA$/) ?? find(/^[^/]+\.egg-info\/PKG-INFO$/),
    entryPoints: find(/^[^/]+\.(dist|egg)-info\/entry_points\.txt$/),
    droppedLinks,
  };
}
