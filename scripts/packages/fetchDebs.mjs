// @ts-check
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @typedef {object} ManifestPackage One pinned package of manifest.json.
 * @property {string} name Python distribution name
 * @property {string} version upstream version (as in METADATA)
 * @property {string} deb Debian binary package name
 * @property {string} debVersion exact Debian version
 * @property {string} sha256 sha256 of the .deb file
 * @property {string[]} depends lock names to load first
 * @property {'zoneinfo'} [layout] where the .deb holds the package: Python's dist-packages (the default), or
 *   `zoneinfo`: Debian's time zone database, made into the `tzdata` distribution (readZoneinfo.mjs)
 */

/**
 * @typedef {object} DebianSource
 * @property {string} suite e.g. `trixie`
 * @property {string} component e.g. `main`
 * @property {string} architecture the .deb architecture to fetch (fixed, so checksums are)
 */

/** @param {string} path */
export function sha256File(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Cache file name of a pinned .deb (the epoch colon, if any, escaped as apt does).
 *
 * @param {ManifestPackage} pkg
 */
export function cachedDebName(pkg) {
  return `${pkg.deb}_${pkg.debVersion.replace(':', '%3a')}.deb`;
}

/**
 * Get the pinned .deb files into `cacheDir`, verifying each sha256 against
 * the manifest. Cached files with the right checksum are reused; the others
 * are fetched with `apt-get download` from `mirror`, using a throw-away apt
 * configuration (own sources list, lists and cache directories), so the
 * machine's apt state is neither read nor changed.
 *
 * @param {object} options
 * @param {ManifestPackage[]} options.packages
 * @param {DebianSource} options.debian
 * @param {{ uri: string, signedBy?: string }} options.mirror archive URI read from the machine's apt config
 * @param {string} options.cacheDir
 * @param {(line: string) => void} options.log
 * @returns {Map<string, string>} Debian package name → path of the verified .deb
 */
export function fetchDebs({ packages, debian, mirror, cacheDir, log }) {
  mkdirSync(cacheDir, { recursive: true });
  /** @type {Map<string, string>} */
  const paths = new Map();
  const missing = [];
  for (const pkg of packages) {
    const path = join(cacheDir, cachedDebName(pkg));
    if (existsSync(path) && sha256File(path) === pkg.sha256) paths.set(pkg.deb, path);
    else missing.push(pkg);
  }
  if (missing.length === 0) return paths;

  const work = mkdtempSync(join(tmpdir(), 'executor-apt-'));
  try {
    const lists = join(work, 'lists');
    const cache = join(work, 'cache');
    const download = join(work, 'download');
    const empty = join(work, 'empty.d'); // stands in for sources.list.d/ and preferences.d/
    for (const dir of [join(lists, 'partial'), join(cache, 'archives', 'partial'), download, empty]) {
      mkdirSync(dir, { recursive: true });
    }
    const keyring = mirror.signedBy ?? '/usr/share/keyrings/debian-archive-keyring.gpg';
    const options = [`arch=${debian.architecture}`];
    if (existsSync(keyring)) options.push(`signed-by=${keyring}`);
    const sourcesList = join(work, 'sources.list');
    writeFileSync(sourcesList, `deb [${options.join(' ')}] ${mirror.uri} ${debian.suite} ${debian.component}\n`);
    const aptOptions = [
      `Dir::Etc::sourcelist=${sourcesList}`,
      `Dir::Etc::sourceparts=${empty}`,
      'Dir::Etc::preferences=/dev/null',
      `Dir::Etc::preferencesparts=${empty}`,
      `Dir::State::Lists=${lists}`,
      'Dir::State::status=/dev/null',
      `Dir::Cache=${cache}`,
      `APT::Architecture=${debian.architecture}`,
      `APT::Architectures=${debian.architecture}`,
      'Acquire::Languages=none',
      // As root apt drops to the _apt user to download, which cannot write to
      // our private temp dir; stay root rather than print a warning.
      ...(process.getuid?.() === 0 ? ['APT::Sandbox::User=root'] : []),
    ].flatMap((o) => ['-o', o]);

    log(`fetching index of Debian ${debian.suite} (${debian.architecture}) from ${mirror.uri}`);
    run('apt-get', [...aptOptions, '-q', 'update'], work);
    log(`downloading ${missing.map((p) => `${p.deb}=${p.debVersion}`).join(', ')}`);
    const result = spawnSync('apt-get', [...aptOptions, '-q', 'download', ...missing.map((p) => `${p.deb}=${p.debVersion}`)], {
      cwd: download,
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      const available = missing
        .map((p) => {
          const policy = spawnSync('apt-cache', [...aptOptions, 'policy', p.deb], { encoding: 'utf8' });
          const candidate = /Candidate:\s*(\S+)/.exec(policy.stdout ?? '')?.[1] ?? 'none';
          return `${p.deb}: pinned ${p.debVersion}, ${debian.suite} has ${candidate}`;
        })
        .join('; ');
      throw new Error(
        `apt-get download failed: ${(result.stderr || result.stdout).trim()}\n` +
          `  (${available}) — if Debian replaced a pinned version, update scripts/packages/manifest.json`,
      );
    }
    const downloaded = readdirSync(download);
    for (const pkg of missing) {
      const file = downloaded.find((name) => name.startsWith(`${pkg.deb}_`) && name.endsWith('.deb'));
      if (!file) throw new Error(`apt-get download produced no file for ${pkg.deb}`);
      const actual = sha256File(join(download, file));
      if (actual !== pkg.sha256) {
        throw new Error(`checksum mismatch for ${file}: manifest says ${pkg.sha256}, downloaded file has ${actual}`);
      }
      const path = join(cacheDir, cachedDebName(pkg));
      copyFileSync(join(download, file), path);
      paths.set(pkg.deb, path);
    }
    return paths;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
function run(command, args, cwd) {
  try {
    execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = /** @type {{ stderr?: string, stdout?: string, message: string }} */ (error);
    throw new Error(`${command} ${args.at(-1)} failed: ${(e.stderr || e.stdout || e.message).trim()}`, { cause: error });
  }
}
