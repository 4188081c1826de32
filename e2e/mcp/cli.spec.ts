import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativePytest } from '../../src/testing/nativePytest.ts';
import { BIG_COVERAGE_PROJECT, generateCoverageProject } from '../../src/testing/generateCoverageProject.ts';
import { lineRanges } from '../../src/engine/describeTestResult.ts';
import { CLI, ROOT, shareChromium } from './mcpClients.ts';

const CALCULATOR = fileURLToPath(new URL('../fixtures/calculator', import.meta.url));
const bin = join(ROOT, ...CLI);

/** Runs `executor ARGS` in `cwd`; resolves to its exit code and output. */
function executor(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let folder: string;
let stopChromium: (() => Promise<void>) | null = null;
test.beforeAll(async () => {
  stopChromium = await shareChromium();
  folder = mkdtempSync(join(tmpdir(), 'executor-cli-'));
  cpSync(CALCULATOR, join(folder, 'calculator'), { recursive: true });
  writeFileSync(
    join(folder, 'greet.py'),
    'import sys\nfrom helper import shout\nname = sys.stdin.read().strip() or "world"\nprint(shout(name))\nprint("to stderr", file=sys.stderr)\n',
  );
  writeFileSync(join(folder, 'helper.py'), 'def shout(name):\n    return f"HELLO {name.upper()}"\n');
  writeFileSync(join(folder, 'name.txt'), 'ada\n');
  writeFileSync(join(folder, 'fails.py'), 'def f():\n    return 1 / 0\n\nf()\n');
  writeFileSync(join(folder, 'exits.py'), 'import sys\nsys.exit(3)\n');
  writeFileSync(join(folder, 'loops.py'), 'while True:\n    pass\n');
  writeFileSync(join(folder, 'risky.py'), 'import subprocess\n');
  writeFileSync(join(folder, 'slow.py'), 'import time\nprint("first", flush=True)\ntime.sleep(3)\nprint("last")\n');
});
test.afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await stopChromium?.();
});

test('run prints the output as a terminal would, imports the folder, reads --stdin and exits 0', async () => {
  const { code, stdout, stderr } = await executor(folder, ['run', 'greet.py', '--stdin', 'name.txt']);
  expect(stdout).toBe('HELLO ADA\n');
  expect(stderr).toContain('to stderr');
  expect(code).toBe(0);
});

test('run prints the output as it comes, not at the end, and only once', async () => {
  const child = spawn(process.execPath, [bin, 'run', 'slow.py'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let firstAt = 0;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (!firstAt && stdout.includes('first')) firstAt = Date.now();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const exitAt = Date.now();
  expect(code).toBe(0);
  expect(stdout).toBe('first\nlast\n');
  // "first" was on the terminal while the script slept its 3 s.
  expect(exitAt - firstAt).toBeGreaterThan(2000);
});

test('run --json prints the result with its exit code', async () => {
  const { code, stdout } = await executor(folder, ['run', 'fails.py', '--json']);
  expect(code).toBe(1);
  const result = JSON.parse(stdout) as Record<string, unknown>;
  expect(result).toMatchObject({ status: 'error', success: false, exitCode: 1, error: { type: 'ZeroDivisionError', line: 2 } });
  expect(Object.keys(result)).toEqual(expect.arrayContaining(['stdout', 'stderr', 'value', 'metrics', 'stateKept', 'displays']));
});

test('run exits with the documented codes: sys.exit(n), time limit 124, safe mode 3, usage 2', async () => {
  const exits = await executor(folder, ['run', 'exits.py']);
  expect(exits.code).toBe(3);
  const loops = await executor(folder, ['run', 'loops.py', '--timeout', '1']);
  expect(loops.code).toBe(124);
  expect(loops.stderr).toContain('timeout');
  const risky = await executor(folder, ['run', 'risky.py']);
  expect(risky.code).toBe(3);
  expect(risky.stderr).toContain("risky.py:1: import of 'subprocess' is not allowed");
  const missing = await executor(folder, ['run', '../outside.py']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('..');
});

test("test prints pytest's summary and the coverage table, writes JUnit XML like pytest's, and exits like pytest", async () => {
  const project = join(folder, 'calculator');
  const junitPath = join(folder, 'report.xml');
  const { code, stdout } = await executor(project, ['test', '--cov', '--junit', junitPath]);
  const native = nativePytest(project);
  expect(code).toBe(1);
  expect(stdout).toContain(`${native.summary} in `);
  expect(stdout).toContain('FAILED tests/test_calc.py::test_wrong (tests/test_calc.py:25)');
  expect(stdout).toMatch(/calc\.py\s+\d+\s+\d+\s+\d+%\s+27-30/);
  // The same test cases (classname, name, outcome) and suite counts as native pytest's --junitxml.
  const cases = (xml: string) =>
    [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(?:\/>|>(.*?)<\/testcase>)/gs)]
      .map(([, cls, name, body]) => `${cls}::${name}::${/<(failure|error|skipped)/.exec(body ?? '')?.[1] ?? 'passed'}`)
      .sort();
  const counts = (xml: string) => /<testsuite [^>]*?errors="(\d+)" failures="(\d+)" skipped="(\d+)" tests="(\d+)"/.exec(xml)?.slice(1);
  const ours = readFileSync(junitPath, 'utf8');
  expect(ours.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(cases(ours)).toEqual(cases(native.junit));
  expect(counts(ours)).toEqual(counts(native.junit));
});

test('test --cov shows the table of a coverage result over 2 MB (it comes from the page in pages)', async () => {
  const project = join(folder, 'big');
  for (const f of generateCoverageProject(BIG_COVERAGE_PROJECT)) {
    mkdirSync(dirname(join(project, f.path)), { recursive: true });
    writeFileSync(join(project, f.path), f.content);
  }
  const { code, stdout, stderr } = await executor(project, ['test', '--cov']);
  expect(code, stderr).toBe(0);
  expect(stdout).toContain(`${BIG_COVERAGE_PROJECT.modules} passed in `);
  const last = `pkg/sample_${String(BIG_COVERAGE_PROJECT.modules - 1).padStart(4, '0')}.py`;
  const lines = Array.from({ length: BIG_COVERAGE_PROJECT.functions }, (_, f) => 3 + 6 * f);
  // pytest-cov's term-missing row: Stmts, Miss, Cover, Missing.
  const row = new RegExp(`^${last.replace('.', '\\.')}\\s+${lines.length * 4}\\s+${lines.length}\\s+67%\\s+${lineRanges(lines)}$`, 'm');
  expect(stdout).toMatch(row);
  expect(stdout).toMatch(/^TOTAL \(without tests\)\s+\d+\s+\d+\s+67%$/m);
});

test('test --json gives the TestResult with exit code; a path selects tests; no tests exits 5; safe mode 6', async () => {
  const project = join(folder, 'calculator');
  const { code, stdout } = await executor(project, ['test', 'tests/test_tools.py', '--json']);
  const result = JSON.parse(stdout) as { exitCode: number; failed: number; passed: number; records: Array<{ nodeId: string }> };
  expect(code).toBe(0);
  expect(result.exitCode).toBe(0);
  expect(result.failed).toBe(0);
  expect(result.records.every((r) => r.nodeId.startsWith('tests/test_tools.py::'))).toBe(true);
  const empty = await executor(folder, ['test', '-k', 'nothing_matches_this', '--', '-p', 'no:randomly']);
  expect(empty.code, empty.stderr).toBe(4); // -k is not an executor option: a usage error, as pytest's
  const none = await executor(project, ['test', 'calc.py']);
  expect(none.code, none.stderr).toBe(5);
  expect(none.stdout).toContain('No tests were found');
  const refused = await executor(folder, ['test', 'helper.py']); // risky.py imports subprocess
  expect(refused.code).toBe(6);
  expect(refused.stderr).toContain('EXECUTOR_SANDBOX_MODE=false');
});

test('run lists the files the script wrote; --write-back copies them into the folder, never outside it, deleting nothing', async () => {
  const project = mkdtempSync(join(tmpdir(), 'executor-cli-writeback-'));
  const parent = join(project, '..');
  try {
    writeFileSync(join(project, 'old.txt'), 'keep me');
    writeFileSync(
      join(project, 'report.py'),
      [
        'import json, os',
        'os.makedirs("out", exist_ok=True)',
        'json.dump({"total": 6}, open("out/report.json", "w"))',
        'open("../outside.txt", "w").write("not the project")',
        'os.remove("old.txt")',
        'print("done")',
      ].join('\n'),
    );
    const safeModeOff = { EXECUTOR_SANDBOX_MODE: 'false' };
    const listed = await executor(project, ['run', 'report.py'], safeModeOff);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('done\n');
    expect(listed.stderr).toContain('[executor] created out/report.json (12 bytes)');
    expect(listed.stderr).toContain('[executor] deleted old.txt');
    expect(listed.stderr).toContain('--write-back');
    expect(existsSync(join(project, 'out'))).toBe(false);

    const copied = await executor(project, ['run', 'report.py', '--write-back'], safeModeOff);
    expect(copied.code).toBe(0);
    expect(copied.stderr).toContain('[executor] wrote back out/report.json');
    expect(JSON.parse(readFileSync(join(project, 'out/report.json'), 'utf8'))).toEqual({ total: 6 });
    expect(readFileSync(join(project, 'old.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(parent, 'outside.txt'))).toBe(false);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
