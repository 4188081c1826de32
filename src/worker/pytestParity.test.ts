import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectFile, TestRecord, WorkerTestRequest } from '../protocol/testProtocol.ts';
import { mergeTestResults, type TestPart } from '../frame/mergeTestResults.ts';
import { shareTests } from '../frame/shareTests.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import { readFixtureProject } from '../testing/readFixtureProject.ts';
import { nativePytest, withoutTime } from '../testing/nativePytest.ts';
import { generateLargeSuite, LARGE_SUITE_SUMMARY, LARGE_SUITE_TESTS } from '../testing/generateLargeSuite.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runTests } from './runTests.ts';
import { WORKING_DIR } from '../protocol/paths.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../e2e/fixtures/${name}`, import.meta.url));
const LIMITS = { timeoutMs: 60_000, maxMemoryMB: 512, maxOutputChars: 20_000 };

let rt: PythonRuntime;

/** Native pytest's summary line on the same files (written to a temporary folder), without its time. */
function nativeSummary(files: ProjectFile[], args: string[]): string {
  const parent = mkdtempSync(join(tmpdir(), 'executor-native-pytest-'));
  // A folder named like a package, as a user's project folder is: pytest names a root package's modules after it.
  const folder = join(parent, 'proj');
  try {
    for (const f of files) {
      mkdirSync(dirname(join(folder, f.path)), { recursive: true });
      writeFileSync(join(folder, f.path), 'content' in f ? f.content : f.bytes);
    }
    return nativePytest(folder, args).summary;
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

async function part(files: ProjectFile[], request: Partial<WorkerTestRequest>): Promise<TestPart> {
  const records: TestRecord[] = [];
  const done = await runTests(
    rt,
    { mode: 'run', args: [], coverage: false, files, limits: LIMITS, ...request },
    { output: () => undefined, begin: () => undefined, start: () => undefined, record: (r) => records.push(r) },
    () => undefined,
  );
  return { records, done };
}

const end = (collected: string[]) => ({
  reason: null,
  running: [],
  message: null,
  collected,
  threshold: 80,
  wallMs: 40,
  timeoutMs: 60_000,
});

/** One interpreter: one pytest session, as the pool runs it with parallel 1. */
async function serial(files: ProjectFile[], args: string[]) {
  const p = await part(files, { args });
  return mergeTestResults([p], end(p.done?.collected ?? []));
}

/** Two interpreters, as the pool runs them: one collects, then each runs its share (here one after the other). */
async function split(files: ProjectFile[], args: string[]) {
  const found = await part(files, { mode: 'collect', args });
  const collected = found.done?.collected ?? [];
  const groups = found.done ? shareTests(found.done, args, 2) : [];
  const shares: TestPart[] = [];
  for (const ids of groups) shares.push({ ...(await part(files, { args: [...args, ...ids] })), role: 'share' });
  return { result: mergeTestResults([{ ...found, role: 'collect' }, ...shares], end(collected)), groups };
}

/** The outcomes fixture with a module that cannot be imported: a collection error. */
const BROKEN = { path: 'test_broken.py', content: 'import a_module_nobody_has  # noqa: F401\n\n\ndef test_never_collected():\n    pass\n' };

/**
 * A project whose root is itself a package (it has __init__.py) and whose tests import it relatively: pytest names
 * the modules after the working folder (`<folder>.tests.test_rel`), so that name must shadow no importable module.
 */
const ROOT_PACKAGE: ProjectFile[] = [
  { path: '__init__.py', content: '' },
  { path: 'core.py', content: 'def double(x):\n    return 2 * x\n' },
  { path: 'tests/__init__.py', content: '' },
  { path: 'tests/test_rel.py', content: 'from ..core import double\n\n\ndef test_double():\n    assert double(4) == 8\n' },
];

const CASES: Array<{ name: string; folder: string; args: string[]; extra?: ProjectFile; files?: ProjectFile[]; expected?: string }> = [
  { name: 'every outcome', folder: 'outcomes', args: [] },
  { name: 'deselected with -m and -k', folder: 'outcomes', args: ['-m', 'not slow', '-k', 'not param'] },
  { name: 'a collection error (pytest stops)', folder: 'outcomes', args: [], extra: BROKEN },
  {
    name: 'a collection error with --continue-on-collection-errors',
    folder: 'outcomes',
    args: ['--continue-on-collection-errors'],
    extra: BROKEN,
  },
  { name: 'the calculator', folder: 'calculator', args: ['-v', '--tb=short'] },
  { name: 'a package folder holding its own tests, like mpmath', folder: 'minimath', args: [] },
  {
    name: 'property-based tests with Hypothesis (@given, @example, @settings, one falsified)',
    folder: 'hypothesis',
    args: [],
    expected: '1 failed, 3 passed',
  },
  { name: 'a project whose root is a package', folder: '', files: ROOT_PACKAGE, args: [], expected: '1 passed' },
];

beforeAll(async () => {
  rt = await loadTestRuntime({ packageIndex: true });
}, 120_000);

describe("the runner's summary is native pytest's own line, word for word", () => {
  for (const c of CASES) {
    it(`${c.name}: one interpreter and two`, async () => {
      const files = c.files ?? [...readFixtureProject(fixture(c.folder)), ...(c.extra ? [c.extra] : [])];
      const native = nativeSummary(files, c.args);
      if (c.expected) expect(native).toBe(c.expected);
      const one = await serial(files, c.args);
      expect(withoutTime(one.summary)).toBe(native);
      const two = await split(files, c.args);
      expect(withoutTime(two.result.summary)).toBe(native);
      expect(two.result.records.map((r) => [r.nodeId, r.outcome])).toEqual(one.records.map((r) => [r.nodeId, r.outcome]));
      expect(two.result.workers).toBe(two.groups.length || 1);
      expect(one.summary).toMatch(/ in 0\.04s$/);
    }, 120_000);
  }

  it(`a generated project of ${LARGE_SUITE_TESTS} tests in 100 files: one interpreter and two`, async () => {
    const files = generateLargeSuite();
    const native = nativeSummary(files, []);
    expect(native).toBe(LARGE_SUITE_SUMMARY);
    const one = await serial(files, []);
    expect(withoutTime(one.summary)).toBe(native);
    expect(one.collected).toHaveLength(LARGE_SUITE_TESTS);
    const two = await split(files, []);
    expect(withoutTime(two.result.summary)).toBe(native);
  }, 300_000);

  it('splits the suite between two interpreters in these checks', async () => {
    const { groups } = await split(readFixtureProject(fixture('outcomes')), []);
    expect(groups).toHaveLength(2);
  }, 120_000);
});

describe('records of every outcome', () => {
  it('gives a module skipped at collection a record, and says where a fixture failed', async () => {
    const { records, done } = await part(readFixtureProject(fixture('outcomes')), {});
    const byId = new Map(records.map((r) => [r.nodeId, r]));
    expect(byId.get('test_importorskip.py')).toMatchObject({ outcome: 'skipped', file: 'test_importorskip.py' });
    expect(byId.get('test_importorskip.py')?.message).toMatch(/could not import 'a_module_nobody_has'/);
    expect(byId.get('test_module_skip.py')?.message).toBe('Skipped: this module is for another platform');
    expect(byId.get('test_pytestmark.py::test_one')).toMatchObject({
      outcome: 'skipped',
      message: 'Skipped: skipped for the whole module',
    });
    expect(byId.get('test_outcomes.py::test_error_at_setup')?.message).toBe('error at setup: RuntimeError: the fixture could not set up');
    expect(byId.get('test_outcomes.py::test_error_at_teardown')).toMatchObject({ outcome: 'error' });
    expect(byId.get('test_outcomes.py::test_error_at_teardown')?.message).toMatch(/^error at teardown: RuntimeError/);
    expect(byId.get('test_outcomes.py::test_xpasses_strict')?.outcome).toBe('failed');
    expect(done?.counts).toMatchObject({ warnings: 3, error: 2, skipped: 5 });
    expect(done?.collectCounts).toEqual({ skipped: 2, warnings: 1 });
  }, 120_000);
});

describe('platform limits', () => {
  it('labels what the browser cannot do and leaves a real bug unlabelled', async () => {
    const { records } = await part(readFixtureProject(fixture('platform')), {});
    const label = (name: string) => records.find((r) => r.nodeId === `test_platform.py::${name}`)?.platform;
    expect(label('test_thread')).toBe('needs threads: not available in the browser');
    expect(label('test_subprocess')).toBe('needs processes: not available in the browser');
    expect(label('test_alarm')).toBe('needs signals: not available in the browser');
    expect(label('test_skipped_on_emscripten')).toBe('needs threads: not available in the browser');
    expect(label('test_real_bug')).toBeNull();
    expect(records.find((r) => r.nodeId.endsWith('test_real_bug'))?.outcome).toBe('failed');
  }, 120_000);
});

describe('the working folder', () => {
  it('is named like a package that nothing importable has taken (pytest names root packages after it)', () => {
    const name = WORKING_DIR.split('/').pop() as string;
    expect(/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)).toBe(true);
    // Once a root-package project has run, pytest has put /home on sys.path: the name then finds the project itself.
    const util = rt.pyodide.pyimport('importlib.util');
    const spec = util.find_spec(name) as { submodule_search_locations: Iterable<string> } | undefined;
    if (spec) expect(Array.from(spec.submodule_search_locations)).toEqual([WORKING_DIR]);
    util.destroy();
    expect(rt.pyodide.runPython('import os; os.getcwd()')).toBe(WORKING_DIR);
  });
});
