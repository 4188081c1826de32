#!/usr/bin/env node
// @ts-check
/**
 * Build the self-hosted package index: `npm run packages`
 * (`node scripts/packages/buildPackages.mjs [--force]`).
 *
 * 1. Gets the .deb files pinned in manifest.json from Debian (apt-get
 *    download, using the archive URI configured on this machine with the
 *    suite from the manifest), verifying their sha256.
 * 2. Turns each into a `py3-none-any` wheel (compiled extensions dropped).
 * 3. Writes the wheels and a merged `pyodide-lock.json` to public/packages/,
 *    served at /packages/. See mergeLock.mjs for how Pyodide then finds
 *    self-hosted wheels (relative file_name) and all others (CDN URLs).
 *
 * Idempotent: when the lock records the same inputs and every wheel's sha256
 * matches, nothing is done. Without apt-get/dpkg-deb (macOS) or a Debian
 * archive in the apt config, prints that the app will fall back to the CDN
 * and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWheel } from './buildWheel.mjs';
import { fetchDebs, sha256File } from './fetchDebs.mjs';
import { findDebianMirror, parseAptSources, readAptSourceFiles } from './findDebianMirror.mjs';
import { DEFAULT_CDN_BASE_URL, mergeLock } from './mergeLock.mjs';
import { normalizePackageName } from './normalizePackageName.mjs';
import { extractDeb, readDistPackages } from './readDistPackages.mjs';
import { readZoneinfo } from './readZoneinfo.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const OUT_DIR = join(ROOT, 'public', 'packages');
const LOCK_PATH = join(OUT_DIR, 'pyodide-lock.json');
const UPSTREAM_LOCK_PATH = join(ROOT, 'node_modules', 'pyodide', 'pyodide-lock.json');
const DEB_CACHE_DIR = join(ROOT, '.cache', 'packages', 'debs');

/** @param {string} line */
const log = (line) => console.log(`packages: ${line}`);

/**
 * Hash of everything the output depends on: manifest, upstream lock, CDN
 * base and the builder's own code (so a code change triggers a rebuild).
 *
 * @param {string} upstreamLockText
 * @param {string} cdnBaseUrl
 */
function inputsHash(upstreamLockText, cdnBaseUrl) {
  const hash = createHash('sha256').update(upstreamLockText).update(`\0${cdnBaseUrl}\0`);
  for (const name of readdirSync(HERE).sort()) {
    if (name === 'manifest.json' || (name.endsWith('.mjs') && !name.includes('.test.'))) {
      hash.update(`\0${name}\0`).update(readFileSync(join(HERE, name)));
    }
  }
  return hash.digest('hex');
}

/**
 * Whether public/packages already holds exactly what this run would write.
 *
 * @param {string} inputs from {@link inputsHash}
 * @param {string[]} names manifest package names
 */
function upToDate(inputs, names) {
  if (!existsSync(LOCK_PATH)) return false;
  try {
    const lock = JSON.parse(readFileSync(LOCK_PATH, 'utf8'));
    if (lock.tool?.executor?.inputs_sha256 !== inputs) return false;
    return names.every((name) => {
      const entry = lock.packages[normalizePackageName(name)];
      const path = entry && join(OUT_DIR, entry.file_name);
      return path && existsSync(path) && sha256File(path) === entry.sha256;
    });
  } catch {
    return false;
  }
}

/** @param {string} command */
function hasCommand(command) {
  return !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;
}

/** @param {string} reason */
function skip(reason) {
  log(`${reason}: self-hosted packages skipped, the app will load packages from the Pyodide CDN.`);
}

function main() {
  const force = process.argv.includes('--force');
  const manifestText = readFileSync(join(HERE, 'manifest.json'), 'utf8');
  /** @type {{ debian: import('./fetchDebs.mjs').DebianSource, packages: import('./fetchDebs.mjs').ManifestPackage[] }} */
  const manifest = JSON.parse(manifestText);
  const upstreamText = readFileSync(UPSTREAM_LOCK_PATH, 'utf8');
  const cdnBaseUrl = DEFAULT_CDN_BASE_URL;
  const inputs = inputsHash(upstreamText, cdnBaseUrl);
  const names = manifest.packages.map((p) => p.name);

  if (!force && upToDate(inputs, names)) {
    log(`up to date (${names.length} wheels and pyodide-lock.json in ${relative(ROOT, OUT_DIR)}/), nothing to do.`);
    return;
  }
  const absent = ['apt-get', 'dpkg-deb'].filter((c) => !hasCommand(c));
  if (absent.length > 0) return skip(`${absent.join(' and ')} not available`);
  const mirror = findDebianMirror(parseAptSources(readAptSourceFiles()));
  if (!mirror) return skip('no Debian archive in the apt sources of this machine');

  const debs = fetchDebs({ packages: manifest.packages, debian: manifest.debian, mirror, cacheDir: DEB_CACHE_DIR, log });
  log(`${debs.size} .deb files verified against manifest.json`);

  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'executor-debs-'));
  /** @type {import('./mergeLock.mjs').SelfHostedPackage[]} */
  const selfHosted = [];
  try {
    for (const pkg of manifest.packages) {
      const root = join(work, pkg.deb);
      extractDeb(/** @type {string} */ (debs.get(pkg.deb)), root);
      const content = pkg.layout === 'zoneinfo' ? readZoneinfo(root, pkg.version) : readDistPackages(root);
      const wheel = buildWheel({
        name: pkg.name,
        version: pkg.version,
        files: content.files,
        metadata: content.metadata,
        entryPoints: content.entryPoints,
      });
      writeFileSync(join(OUT_DIR, wheel.fileName), wheel.data);
      const left = [...wheel.skipped.filter((p) => !/__pycache__|\.(dist|egg)-info\//.test(p)), ...content.droppedLinks];
      log(
        `built ${wheel.fileName} (${kB(wheel.data.length)}, imports ${wheel.imports.join(', ')})` +
          (left.length ? `, left out ${left.join(', ')}` : ''),
      );
      selfHosted.push({
        name: wheel.name,
        version: wheel.version,
        fileName: wheel.fileName,
        sha256: wheel.sha256,
        imports: wheel.imports,
        depends: pkg.depends,
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const lock = mergeLock(JSON.parse(upstreamText), selfHosted, {
    cdnBaseUrl,
    tool: {
      executor: {
        inputs_sha256: inputs,
        self_hosted: selfHosted.map((p) => normalizePackageName(p.name)),
        cdn_base_url: cdnBaseUrl,
      },
    },
  });
  const keep = new Set(selfHosted.map((p) => p.fileName));
  for (const name of readdirSync(OUT_DIR)) {
    if (name.endsWith('.whl') && !keep.has(name)) {
      rmSync(join(OUT_DIR, name));
      log(`removed stale ${name}`);
    }
  }
  // Written last: a run that stops early never leaves a lock that looks complete.
  writeFileSync(LOCK_PATH, `${JSON.stringify(lock)}\n`);
  const total = readdirSync(OUT_DIR).reduce((n, name) => n + statSync(join(OUT_DIR, name)).size, 0);
  log(`wrote ${selfHosted.length} wheels and pyodide-lock.json to ${relative(ROOT, OUT_DIR)}/ (${kB(total)} in all)`);
}

/** @param {number} bytes */
function kB(bytes) {
  return `${Math.round(bytes / 1024)} kB`;
}

try {
  main();
} catch (error) {
  console.error(`packages: error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
