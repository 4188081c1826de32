import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectFile, TestRecord, WorkerTestRequest } from '../protocol/testProtocol.ts';
import { mergeCoverage } from '../frame/mergeCoverage.ts';
import { mergeTestResults } from '../frame/mergeTestResults.ts';
import { compactTestResult, expandTestResult } from '../protocol/compactTestResult.ts';
import { DEFAULT_RUN_POLICY } from '../engine/defaultPolicy.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import { readFixtureProject } from '../testing/readFixtureProject.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runTests, syncProjectFiles } from './runTests.ts';

const CALCULATOR = fileURLToPath(new URL('../../e2e/fixtures/calculator', import.meta.url));
const LIMITS = { timeoutMs: 30_000, maxMemoryMB: 512, maxOutputChars: 10_000 };

let rt: PythonRuntime;
const interrupt = new Int32Array(new SharedArrayBuffer(4));

async function test(files: ProjectFile[], request: Partial<WorkerTestRequest> = {}) {
  const records: TestRecord[] = [];
  const started: string[] = [];
  let output = '';
  const done = await runTests(
    rt,
    { mode: 'run', args: ['-v', '--tb=short'], coverage: true, files, limits: LIMITS, ...request },
    {
      output: (c) => (output += c.map((x) => x.text).join('')),
      begin: () => undefined,
      start: (id) => started.push(id),
      record: (r) => records.push(r),
    },
    () => undefined,
  );
  return { done, records, started, output };
}

beforeAll(async () => {
  rt = await loadTestRuntime({ packageIndex: true });
  rt.pyodide.setInterruptBuffer(interrupt);
}, 120_000);

describe('runTests (real pytest and coverage in Pyodide under Node)', () => {
  it('loads what the tests import from the index (Hypothesis), and runs @given without the 200 ms deadline unless conftest sets one', async () => {
    const slow = {
      path: 'test_slow.py',
      content:
        'import time\nfrom hypothesis import given, settings, strategies as st\n\n' +
        '@settings(max_examples=2, database=None)\n@given(st.just(1))\ndef test_slow(n):\n    time.sleep(0.25)\n',
    };
    const free = await test([slow], { coverage: false });
    expect(free.done.counts).toEqual({ passed: 1 });
    // The project's own profile (from conftest.py) wins: there the deadline holds and the test fails as natively.
    const conftest = {
      path: 'conftest.py',
      content: 'from hypothesis import settings\nsettings.register_profile("strict", deadline=200)\nsettings.load_profile("strict")\n',
    };
    const strict = await test([slow, conftest], { coverage: false });
    expect(strict.done.counts).toEqual({ failed: 1 });
    expect(strict.records[0]?.message).toMatch(/Deadline/);
  });

  it('gives the counts native pytest gives on the calculator project', async () => {
    const { done, records, output } = await test(readFixtureProject(CALCULATOR));
    // Native: `/usr/bin/python3 -m pytest -p no:cacheprovider -v --tb=short` (Debian 12, pytest 7.2.1)
    // in e2e/fixtures/calculator printed "1 failed, 11 passed, 2 skipped, 1 xfailed".
    expect(done.counts).toEqual({ failed: 1, passed: 11, skipped: 2, xfailed: 1 });
    expect(done.exitCode).toBe(1);
    expect(records).toHaveLength(15);
    expect(output).toMatch(/1 failed, 11 passed, 2 skipped, 1 xfailed/);
    const wrong = records.find((r) => r.nodeId === 'tests/test_calc.py::test_wrong');
    expect(wrong).toMatchObject({ outcome: 'failed', file: 'tests/test_calc.py', line: 25 });
    expect(wrong?.message).toMatch(/assert 4 == 5/);
    expect(wrong?.traceback).toMatch(/where 4 = add\(2, 2\)/);
    expect(records.find((r) => r.nodeId.endsWith('test_later'))).toMatchObject({ outcome: 'skipped', message: 'Skipped: not written yet' });
    expect(records.find((r) => r.nodeId.endsWith('test_known_bug'))?.outcome).toBe('xfailed');
  });

  it('measures line and branch coverage as coverage.py does', async () => {
    const { done, records } = await test(readFixtureProject(CALCULATOR));
    const report = mergeCoverage([done.coverage ?? {}]);
    // Native: `coverage run --branch --source=. -m pytest` then `coverage json` (coverage 6.5, Debian 12):
    // calc.py 22 statements, missing 27-30, 8 branches of which 2 missing, 80%.
    expect(report.perFile['calc.py']).toMatchObject({
      statements: 22,
      missingLines: [27, 28, 29, 30],
      branches: 8,
      missingBranches: 2,
      percent: 80,
    });
    expect(report.perFile['tests/test_calc.py']?.missingLines).toEqual([30]);
    // The merge's arithmetic equals coverage.py's own percent, file by file.
    for (const [path, facts] of Object.entries(done.coverage ?? {})) expect(report.perFile[path]?.percent).toBeCloseTo(facts.percent, 10);
    expect(report.suggestions).toEqual([{ path: 'calc.py', function: 'power', lines: [27, 28, 29, 30] }]);
    // As the frame sends it: coverage.py's own "27-30", and expanded, the same data.
    const result = mergeTestResults([{ records, done }], {
      reason: null,
      running: [],
      message: null,
      collected: [],
      threshold: 80,
      wallMs: 1,
      timeoutMs: 1000,
    });
    const compact = compactTestResult(result);
    expect(compact.coverage?.files.find((f) => compact.strings[f.path] === 'calc.py')?.missing).toBe('27-30');
    expect(expandTestResult(compact)).toEqual(result);
  });

  it('sees an edit on the next run, and a removed file is gone', async () => {
    const files = [
      { path: 'mod.py', content: 'def f():\n    return 1\n' },
      { path: 'test_mod.py', content: 'from mod import f\n\ndef test_f():\n    assert f() == 2\n' },
      { path: 'test_old.py', content: 'def test_old():\n    pass\n' },
    ];
    expect((await test(files)).done.counts).toEqual({ failed: 1, passed: 1 });
    const edited = [{ path: 'mod.py', content: 'def f():\n    return 2\n' }, files[1] as ProjectFile];
    const { done, records } = await test(edited);
    expect(done.counts).toEqual({ passed: 1 });
    expect(records.map((r) => r.nodeId)).toEqual(['test_mod.py::test_f']);
  });

  it('forgets only modules whose file is in the project folder', async () => {
    rt.pyodide.runPython('import sys, types\nm = types.ModuleType("fake_exec")\nm.__file__ = "<exec>"\nsys.modules["fake_exec"] = m');
    await test([{ path: 'test_one.py', content: 'def test_one():\n    pass\n' }], { coverage: false });
    expect(rt.pyodide.runPython('"test_one" in sys.modules')).toBe(true);
    syncProjectFiles(rt, []); // before the next run
    expect(rt.pyodide.runPython('"test_one" in sys.modules')).toBe(false);
    expect(rt.pyodide.runPython('"fake_exec" in sys.modules')).toBe(true);
  });

  it('collects node ids without running them', async () => {
    const { done, records } = await test(readFixtureProject(CALCULATOR), { mode: 'collect' });
    expect(done.collected).toHaveLength(15);
    expect(done.collected[0]).toBe('tests/test_calc.py::test_add[1-2-3]');
    expect(done.collected).toContain('tests/test_calc.py::TestClassify::test_negative');
    expect(records).toEqual([]);
  });

  it('reports a collection error as an error', async () => {
    const { done, records } = await test([{ path: 'test_bad.py', content: 'def test_x(:\n' }]);
    expect(done.counts).toEqual({ error: 1 });
    expect(records[0]).toMatchObject({ nodeId: 'test_bad.py', outcome: 'error' });
  });

  it('names the test that was running when interrupted', async () => {
    // The hanging test sets the interrupt itself once it is looping, as Stop would from the frame:
    // a timer in another thread could land before the loop on a slow machine and leave it spinning.
    const hang =
      'import js\n\ndef test_ok():\n    pass\n\ndef test_hang():\n    n = 0\n    while True:\n        n += 1\n        if n == 1000:\n            js.Atomics.store(js.interruptBuffer, 0, 2)\n';
    (globalThis as { interruptBuffer?: Int32Array }).interruptBuffer = interrupt;
    const { done, records } = await test([{ path: 'test_hang.py', content: hang }], { coverage: false });
    expect(done.exitCode).toBe(2);
    expect(records.map((r) => [r.nodeId, r.outcome])).toEqual([
      ['test_hang.py::test_ok', 'passed'],
      ['test_hang.py::test_hang', 'error'],
    ]);
    expect(records[1]?.message).toMatch(/^Stopped/);
  }, 30_000);

  describe('in safe mode', () => {
    it('runs an ordinary project exactly as without it', async () => {
      const { done } = await test(readFixtureProject(CALCULATOR), { policy: DEFAULT_RUN_POLICY });
      expect(done.refused ?? null).toBeNull();
      expect(done.counts).toEqual({ failed: 1, passed: 11, skipped: 2, xfailed: 1 });
    });

    it('refuses a project whose test files break the policy, naming file and line, before pytest starts', async () => {
      const files = [
        { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
        { path: 'tests/test_js.py', content: 'from calc import add\nimport js\n\ndef test_add():\n    assert add(1, 2) == 3\n' },
      ];
      const { done, records } = await test(files, { policy: DEFAULT_RUN_POLICY });
      expect(records).toEqual([]);
      expect(done.refused).toMatch(/^Safe mode refused to run the tests \(1 problem\)/);
      expect(done.refused).toMatch(/tests\/test_js\.py:2: .*\(js-access\)/);
      // The same project runs with safe mode off.
      const off = await test(files, { policy: { ...DEFAULT_RUN_POLICY, sandboxMode: false } });
      expect(off.done.counts).toEqual({ passed: 1 });
    });

    it('guards what tests do at run time, and lifts the guard afterwards', async () => {
      const files = [{ path: 'test_fs.py', content: 'import os\n\ndef test_outside():\n    os.makedirs("/opt/escape")\n' }];
      const { done, records } = await test(files, { policy: DEFAULT_RUN_POLICY, coverage: false });
      expect(done.counts).toEqual({ failed: 1 });
      expect(records[0]?.message).toMatch(/FileSystemViolation.*rule filesystem/);
      const policy = rt.pyodide.pyimport('_executor.policy');
      expect(policy.is_active()).toBe(false);
      policy.destroy();
    });
  });
});
