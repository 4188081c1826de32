import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CDN_BASE_URL, mergeLock, selfHostedLockEntry } from './mergeLock.mjs';

const require = createRequire(import.meta.url);
const upstreamPath = require.resolve('pyodide/package.json').replace(/package\.json$/, 'pyodide-lock.json');
const upstreamText = readFileSync(upstreamPath, 'utf8');
const upstream = () => JSON.parse(upstreamText);

const HASH = 'ab'.repeat(32);
const pytest = {
  name: 'pytest',
  version: '8.3.5',
  fileName: 'pytest-8.3.5-py3-none-any.whl',
  sha256: HASH,
  imports: ['_pytest', 'py', 'pytest'],
  depends: ['pluggy', 'Pygments'],
};
const pluggy = { ...pytest, name: 'pluggy', version: '1.5.0', fileName: 'pluggy-1.5.0-py3-none-any.whl', imports: ['pluggy'], depends: [] };
const pygments = { ...pluggy, name: 'Pygments', version: '2.18.0', fileName: 'pygments-2.18.0-py3-none-any.whl', imports: ['pygments'] };
const own = [pytest, pluggy, pygments];

/** What the browser does with file_name (browser_resolvePath in pyodide.asm.mjs). */
const browserUrl = (entry, packageBaseUrl) => new URL(entry.file_name, packageBaseUrl).href;
const APP = 'https://app.invalid/packages/';

describe('mergeLock', () => {
  it('replaces upstream entries of the same name with self-hosted ones', () => {
    const before = upstream().packages.pytest;
    expect(before.version).not.toBe('8.3.5');
    const lock = mergeLock(upstream(), own);
    expect(lock.packages.pytest).toEqual({
      name: 'pytest',
      version: '8.3.5',
      file_name: 'pytest-8.3.5-py3-none-any.whl',
      install_dir: 'site',
      sha256: HASH,
      package_type: 'package',
      imports: ['_pytest', 'py', 'pytest'],
      depends: ['pluggy', 'pygments'],
      unvendored_tests: false,
      tool: {},
    });
    expect(lock.packages.pygments?.name).toBe('Pygments');
    expect(Object.keys(lock.packages)).not.toContain('Pygments');
    expect(Object.keys(lock.packages)).toHaveLength(Object.keys(upstream().packages).length);
  });

  it('resolves self-hosted wheels against packageBaseUrl and all others to the CDN', () => {
    const lock = mergeLock(upstream(), own);
    expect(browserUrl(lock.packages.pytest, APP)).toBe(`${APP}pytest-8.3.5-py3-none-any.whl`);
    const numpy = upstream().packages.numpy;
    expect(lock.packages.numpy.file_name).toBe(`${DEFAULT_CDN_BASE_URL}${numpy.file_name}`);
    expect(browserUrl(lock.packages.numpy, APP)).toBe(`${DEFAULT_CDN_BASE_URL}${numpy.file_name}`);
    expect(lock.packages.numpy.sha256).toBe(numpy.sha256);
    for (const [key, entry] of Object.entries(lock.packages)) {
      if (['pytest', 'pluggy', 'pygments'].includes(key)) continue;
      expect(entry.file_name.startsWith(DEFAULT_CDN_BASE_URL), key).toBe(true);
    }
    expect(DEFAULT_CDN_BASE_URL).toBe('https://cdn.jsdelivr.net/pyodide/v314.0.7/full/');
  });

  it('takes the CDN base as a parameter, with or without trailing slash', () => {
    const lock = mergeLock(upstream(), own, { cdnBaseUrl: 'https://mirror.invalid/pyodide/full' });
    expect(lock.packages.numpy.file_name).toMatch(/^https:\/\/mirror\.invalid\/pyodide\/full\/numpy-/);
    expect(() => mergeLock(upstream(), own, { cdnBaseUrl: 'relative/dir/' })).toThrow(/absolute/);
  });

  it('keeps file names that are already absolute', () => {
    const base = upstream();
    base.packages.numpy.file_name = 'https://elsewhere.invalid/numpy.whl';
    expect(mergeLock(base, own).packages.numpy.file_name).toBe('https://elsewhere.invalid/numpy.whl');
  });

  it('gives an import name claimed by a self-hosted wheel to that wheel only', () => {
    expect(upstream().packages.py.imports).toEqual(['py']);
    const lock = mergeLock(upstream(), own);
    expect(lock.packages.py.imports).toEqual([]);
    const claims = Object.entries(lock.packages).filter(([, e]) => e.imports.includes('py'));
    expect(claims.map(([key]) => key)).toEqual(['pytest']);
  });

  it('keeps info (the ABI check) and other upstream fields, sorts keys, stores tool data', () => {
    const lock = mergeLock(upstream(), own, { tool: { executor: { inputs_sha256: 'x' } } });
    expect(lock.info).toEqual(upstream().info);
    const keys = Object.keys(lock.packages);
    expect(keys).toEqual([...keys].sort());
    expect(lock.tool).toEqual({ ...upstream().tool, executor: { inputs_sha256: 'x' } });
    expect(lock.packages.scipy).toEqual({
      ...upstream().packages.scipy,
      file_name: DEFAULT_CDN_BASE_URL + upstream().packages.scipy.file_name,
    });
  });

  it('does not modify its inputs', () => {
    const base = upstream();
    const ownCopy = structuredClone(own);
    mergeLock(base, ownCopy);
    expect(base).toEqual(upstream());
    expect(ownCopy).toEqual(own);
  });

  it('rejects self-hosted depends missing from the lock, and duplicates', () => {
    expect(() => mergeLock(upstream(), [{ ...pluggy, depends: ['no-such-package'] }])).toThrow(/pluggy → no-such-package/);
    expect(() => mergeLock(upstream(), [pluggy, { ...pluggy, name: 'Pluggy' }])).toThrow(/twice/);
  });
});

describe('selfHostedLockEntry', () => {
  it('insists on a bare file name and a hex sha256', () => {
    expect(() => selfHostedLockEntry({ ...pluggy, fileName: '/packages/pluggy.whl' })).toThrow();
    expect(() => selfHostedLockEntry({ ...pluggy, fileName: 'https://x.invalid/p.whl' })).toThrow();
    expect(() => selfHostedLockEntry({ ...pluggy, sha256: 'AB'.repeat(32) })).toThrow();
  });
});
