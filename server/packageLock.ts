import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_CDN_BASE_URL, mergeLock, type Lockfile } from '../scripts/packages/mergeLock.mjs';
import type { PackageSources } from '../src/config/packageSources.ts';
import { PACKAGES_PATH, PYODIDE_PATH } from '../src/protocol/paths.ts';

/** Where packages that are not self-hosted come from; null when the deployment turned the CDN off. */
export function packageCdn(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.EXECUTOR_PACKAGE_CDN?.trim();
  if (raw === 'off' || raw === 'none') return null;
  if (!raw) return DEFAULT_CDN_BASE_URL;
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/**
 * The lock file the sandbox loads at /packages/pyodide-lock.json: the built one
 * (self-hosted wheels + CDN URLs for the rest), with the CDN base switched to the
 * deployment's; or, when no packages were built, Pyodide's own lock pointed at the CDN.
 */
export async function loadPackageLock(distDir: string, cdn: string | null): Promise<string> {
  const built = await readFile(join(distDir, `${PACKAGES_PATH}pyodide-lock.json`), 'utf8').catch(() => null);
  const cdnBase = cdn ?? DEFAULT_CDN_BASE_URL;
  if (built) {
    return cdnBase === DEFAULT_CDN_BASE_URL ? built : built.split(JSON.stringify(DEFAULT_CDN_BASE_URL).slice(1, -1)).join(cdnBase);
  }
  const upstream = JSON.parse(await readFile(join(distDir, `${PYODIDE_PATH}pyodide-lock.json`), 'utf8')) as Lockfile;
  return JSON.stringify(mergeLock(upstream, [], { cdnBaseUrl: cdnBase }));
}

/** PyPI itself: micropip's default index, and where its files are. */
const PYPI_HOSTS = ['https://pypi.org', 'https://files.pythonhosted.org'];

/**
 * Where installs of packages outside the index go (EXECUTOR_PYPI_URL): PyPI itself when unset,
 * another index's URL (its origin is then the only host), or null for `off`. Throws on a bad URL.
 */
export function pypiIndex(env: NodeJS.ProcessEnv = process.env): PackageSources['pypi'] {
  const raw = env.EXECUTOR_PYPI_URL?.trim();
  if (raw === 'off' || raw === 'none') return null;
  if (!raw) return { index: 'pypi', hosts: PYPI_HOSTS };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`EXECUTOR_PYPI_URL must be an http(s) URL of a package index (like https://pypi.org/simple/), or "off"; got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`EXECUTOR_PYPI_URL must be an http(s) URL, or "off"; got "${raw}".`);
  return { index: url.href, hosts: [url.origin] };
}

/** What the settings show as package sources: the self-hosted packages of `lock` (no URL in their file name), the CDN and PyPI. */
export function describePackageSources(lock: string, cdn: string | null, pypi: PackageSources['pypi'] = null): PackageSources {
  const { packages } = JSON.parse(lock) as { packages: Record<string, { name: string; file_name: string }> };
  const selfHosted = Object.values(packages)
    .filter((p) => !/^https?:\/\//.test(p.file_name))
    .map((p) => p.name)
    .sort();
  return { selfHosted: { path: PACKAGES_PATH, packages: selfHosted }, cdn, pypi };
}

/** The origins (or URL prefixes) the page may fetch packages from for the sandbox besides this server: the CDN, and PyPI's hosts for micropip. */
export function sandboxPackageSources(cdn: string | null, pypi: PackageSources['pypi']): string[] {
  return [...(cdn ? [cdn] : []), ...(pypi?.hosts ?? [])];
}
