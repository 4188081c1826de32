import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { installFromPypi } from './installFromPypi.ts';

let rt: PythonRuntime;

beforeAll(async () => {
  // The lock with micropip on a CDN that refuses connections: the test never depends on the internet, either way.
  const lock = JSON.parse(readFileSync(new URL('../../public/packages/pyodide-lock.json', import.meta.url), 'utf8'));
  lock.packages.micropip.file_name = 'http://127.0.0.1:1/cdn/micropip-0.10-py3-none-any.whl';
  const dir = mkdtempSync(join(tmpdir(), 'executor-lock-'));
  writeFileSync(join(dir, 'pyodide-lock.json'), JSON.stringify(lock));
  rt = await loadTestRuntime({ lockFile: join(dir, 'pyodide-lock.json') });
}, 120_000);

describe('installs from PyPI (real Pyodide in Node)', () => {
  it('says plainly when the deployment turned PyPI off, without loading anything', async () => {
    const report = await installFromPypi(rt, ['humanize'], null, () => undefined);
    expect(report).toEqual({
      installed: [],
      failed: [
        {
          name: 'humanize',
          reason: expect.stringContaining('installs from PyPI are turned off in this deployment (EXECUTOR_PYPI_URL=off)'),
        },
      ],
    });
    expect(Object.keys(rt.pyodide.loadedPackages)).not.toContain('micropip');
  });

  it('says PyPI installs need the internet when micropip cannot be loaded from the CDN', async () => {
    const report = await installFromPypi(rt, ['tabulate', 'rich'], 'pypi', () => undefined);
    expect(report.installed).toEqual([]);
    expect(report.failed.map((f) => f.name)).toEqual(['tabulate', 'rich']);
    expect(report.failed[0]?.reason).toMatch(
      /needs micropip, which comes from the package CDN and could not be loaded: PyPI installs need the internet/,
    );
  });

  it('does nothing for nothing', async () => {
    expect(await installFromPypi(rt, [], 'pypi', () => undefined)).toEqual({ installed: [], failed: [] });
  });

  it('reports what micropip installed, with versions, and one clear line per package it could not', async () => {
    // A stand-in for micropip with its API (install, list): what _executor.pypi makes of its answers.
    rt.pyodide.runPython(`
import sys, types
class _Pkg:
    def __init__(self, name, version): self.name, self.version = name, version
fake = types.ModuleType("micropip")
fake.installed = {"packaging": _Pkg("packaging", "25.0")}
fake.calls = []
async def install(name, index_urls=None):
    fake.calls.append((name, index_urls))
    if name == "numpy-native":
        raise ValueError("Can't find a pure Python 3 wheel for 'numpy-native'.")
    if name == "offline-pkg":
        raise OSError("Failed to fetch https://pypi.org/pypi/offline-pkg/json")
    fake.installed[name] = _Pkg(name, "1.2.3")
    fake.installed["dep-of-" + name] = _Pkg("dep-of-" + name, "0.1")
fake.install = install
fake.list = lambda: dict(fake.installed)
sys.modules["micropip"] = fake
`);
    try {
      const pypi = rt.pyodide.pyimport('_executor.pypi');
      const proxy = await pypi.install(rt.pyodide.toPy(['tabulate', 'numpy-native', 'offline-pkg']), 'https://mirror.example/simple/');
      const report = proxy.toJs({ dict_converter: Object.fromEntries });
      expect(report.installed).toEqual([
        { name: 'tabulate', version: '1.2.3' },
        { name: 'dep-of-tabulate', version: '0.1' },
      ]);
      expect(report.failed).toEqual([
        { name: 'numpy-native', reason: expect.stringMatching(/pure Python 3 wheel.*Only pure-Python packages/) },
        { name: 'offline-pkg', reason: expect.stringMatching(/index could not be reached.*PyPI installs need the internet/) },
      ]);
      expect(rt.pyodide.runPython('sys.modules["micropip"].calls[0][1]').toJs()).toEqual(['https://mirror.example/simple/']);
    } finally {
      rt.pyodide.runPython('import sys\nsys.modules.pop("micropip", None)');
    }
  });
});
