import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_CDN_BASE_URL, mergeLock } from '../scripts/packages/mergeLock.mjs';
import { PACKAGES_PATH, PYODIDE_PATH } from '../src/protocol/protocol.ts';

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
  const upstream = JSON.parse(await readFile(join(distDir, `${PYODIDE_PATH}pyodide-lock.json`), 'utf8'));
  return JSON.stringify(mergeLock(upstream, [], { cdnBaseUrl: cdnBase }));
}
