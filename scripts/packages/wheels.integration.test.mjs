// @ts-check
/**
 * Proves the self-hosted wheels work in Pyodide: loads the merged
 * public/packages/pyodide-lock.json the way the browser worker does
 * (lockFileURL + packageBaseUrl), installs pytest and coverage through it and
 * runs a real test file. Runs the build script first (a no-op when up to
 * date); fails, naming `npm run packages`, if that leaves no packages.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CDN_BASE_URL } from './mergeLock.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(HERE, '..', '..', 'public', 'packages');
const LOCK_PATH = join(OUT_DIR, 'pyodide-lock.json');
/** @type {{ packages: { name: string, version: string }[] }} */
const manifest = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));

/** @type {import('./mergeLock.mjs').Lockfile} */
let lock;
/** @type {Awaited<ReturnType<typeof loadPyodide>>} */
let pyodide;
const stdout = /** @type {string[]} */ ([]);
const stderr = /** @type {string[]} */ ([]);

beforeAll(async () => {
  execFileSync(process.execPath, [join(HERE, 'buildPackages.mjs')], { stdio: 'inherit' });
  if (!existsSync(LOCK_PATH)) {
    throw new Error(
      'public/packages/pyodide-lock.json is missing and could not be built here: run `npm run packages` ' +
        '(needs apt-get and dpkg-deb, i.e. Debian/Ubuntu, e.g. in the dev container)',
    );
  }
  lock = JSON.parse(readFileSync(LOCK_PATH, 'utf8'));
  pyodide = await loadPyodide({
    lockFileURL: LOCK_PATH,
    packageBaseUrl: `${OUT_DIR}/`,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
}, 240_000);

describe('self-hosted wheels in Pyodide', () => {
  it('lists every manifest package with the sha256 of the wheel on disk', () => {
    for (const { name, version } of manifest.packages) {
      const entry = lock.packages[name];
      expect(entry, name).toBeDefined();
      if (!entry) continue;
      expect(entry.version).toBe(version);
      expect(entry.file_name).toMatch(/^[^/]+-py3-none-any\.whl$/);
      // Pyodide checks integrity in browsers only, so check it here.
      const actual = createHash('sha256')
        .update(readFileSync(join(OUT_DIR, entry.file_name)))
        .digest('hex');
      expect(actual, entry.file_name).toBe(entry.sha256);
    }
    expect(lock.packages.numpy?.file_name.startsWith(DEFAULT_CDN_BASE_URL)).toBe(true);
  });

  it('installs pytest, coverage and jedi through the lock file, from public/packages', async () => {
    const messages = /** @type {string[]} */ ([]);
    await pyodide.loadPackagesFromImports('import pytest\nimport coverage\nimport jedi', {
      messageCallback: (m) => messages.push(m),
      errorCallback: (m) => messages.push(`error: ${m}`),
    });
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([]);
    // loadedPackages is keyed by the distribution name as spelled in the lock ("Pygments").
    const toolchain = ['pytest', 'pluggy', 'iniconfig', 'packaging', 'pygments', 'coverage', 'jedi', 'parso'];
    for (const name of toolchain) {
      const entryName = lock.packages[name]?.name ?? name;
      expect(pyodide.loadedPackages[entryName], name).toBe('default channel');
    }
    const versions = pyodide
      .runPython(
        `import warnings
# pluggy 1.5 has 'return' in 'finally', a SyntaxWarning since Python 3.14
warnings.filterwarnings("ignore", category=SyntaxWarning, module=r".*pluggy")
import importlib.metadata as md, pytest, coverage
[pytest.__version__, coverage.__version__, md.version("pluggy"), md.version("Pygments"), md.version("jedi"), md.version("parso")]`,
      )
      .toJs();
    expect(versions).toEqual(['8.3.5', '7.6.0', '1.5.0', '2.18.0', '0.19.1', '0.8.4']);
    expect(stderr.join('\n')).not.toMatch(/SyntaxWarning/);
  });

  it('runs a test file with fixtures, parametrize and a failing test, under coverage', () => {
    const fs = pyodide.FS;
    fs.mkdirTree('/tmp/work');
    fs.writeFile(
      '/tmp/work/calc.py',
      `def add(a, b):
    return a + b


def divide(a, b):
    if b == 0:
        raise ZeroDivisionError("b must not be zero")
    return a / b


def unused():
    return "never called"
`,
    );
    fs.writeFile(
      '/tmp/work/test_calc.py',
      `import pytest
from calc import add, divide


@pytest.fixture
def numbers():
    return (6, 3)


@pytest.mark.parametrize("a, b, expected", [(1, 2, 3), (2, 2, 4), (-1, 1, 0)])
def test_add(a, b, expected):
    assert add(a, b) == expected


def test_divide(numbers):
    assert divide(*numbers) == 2


def test_wrong():
    assert add(2, 2) == 5
`,
    );
    stdout.length = 0;
    const result = pyodide
      .runPython(
        `import io, os
os.environ["COVERAGE_CORE"] = "sysmon"  # the C tracer is not in the wheel
import coverage, pytest

class Outcomes:
    def __init__(self):
        self.counts = {}
        self.failures = []
    def pytest_runtest_logreport(self, report):
        if report.when == "call":
            self.counts[report.outcome] = self.counts.get(report.outcome, 0) + 1
            if report.failed:
                self.failures.append(str(report.longrepr))

outcomes = Outcomes()
cov = coverage.Coverage(data_file=None, include=["/tmp/work/calc.py"])
cov.start()
exit_code = pytest.main(["/tmp/work", "-p", "no:cacheprovider", "--rootdir=/tmp/work"], plugins=[outcomes])
cov.stop()
percent = cov.report(file=io.StringIO())
core = dict(cov.sys_info()).get("core")
{"exit_code": int(exit_code), "counts": outcomes.counts, "failures": outcomes.failures,
 "percent": percent, "core": core}`,
      )
      .toJs({ dict_converter: Object.fromEntries });
    expect(result.exit_code).toBe(1); // pytest.ExitCode.TESTS_FAILED
    expect(result.counts).toEqual({ passed: 4, failed: 1 });
    // Assertion rewriting: the failure shows the compared values.
    expect(result.failures[0]).toMatch(/assert 4 == 5/);
    expect(result.failures[0]).toMatch(/where 4 = add\(2, 2\)/);
    expect(stdout.join('\n')).toMatch(/1 failed, 4 passed/);
    // 6 of 8 statements run: the ZeroDivisionError branch and unused() body are not.
    expect(result.percent).toBe(75);
    expect(result.core).toBe('SysMonitor');
    expect(stderr.join('\n')).not.toMatch(/SyntaxWarning/);
  });
});
