import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { readFixtureProject } from '../../src/testing/readFixtureProject.ts';
import { ATTACKS } from '../attacks/attacks.ts';
import { nativePytest } from '../../src/testing/nativePytest.ts';
import { RED_PNG } from '../support/redPng.ts';
import { startCollector } from '../support/startCollector.ts';
import { stdioClient, textOf, type McpTestClient, shareChromium } from './mcpClients.ts';

const CALCULATOR = fileURLToPath(new URL('../fixtures/calculator', import.meta.url));

/** What run_python returns (src/agent/tools/runSummary.ts). */
interface Run {
  status: string;
  success: boolean;
  stdout: string;
  value: string | null;
  error: { type: string; message: string; line: number | null; traceback: string } | null;
  stateKept: boolean;
}

test.describe.configure({ mode: 'serial' });

let mcp: McpTestClient;
let stopChromium: (() => Promise<void>) | null = null;
test.beforeAll(async () => {
  stopChromium = await shareChromium();
  mcp = await stdioClient();
});
test.afterAll(async () => {
  await mcp?.close();
  await stopChromium?.();
});

test('lists every tool, each with an input schema', async () => {
  const { tools } = await mcp.client.listTools();
  expect(tools.map((t) => t.name)).toEqual([
    'run_python',
    'run_tests',
    'validate_code',
    'analyze_dependencies',
    'install_packages',
    'profile_code',
    'handle_error',
    'write_file',
    'read_file',
    'list_files',
    'debug_python',
    'debug_step',
    'debug_evaluate',
    'debug_stop',
    'reset_session',
  ]);
  for (const tool of tools) expect(tool.inputSchema.type).toBe('object');
});

test('state persists across run_python calls in the session, with output, value and metrics', async () => {
  const first = await mcp.call('run_python', { code: 'total = 40\nprint("set")' });
  expect(first.isError).toBe(false);
  expect(textOf(first)).toContain('set');
  const run = await mcp.data<Run & { metrics: { wallMs: number } }>('run_python', { code: 'total + 2' });
  expect(run).toMatchObject({ status: 'ok', success: true, value: '42', stateKept: true });
  expect(run.metrics.wallMs).toBeGreaterThan(0);
});

test('an endless loop ends at its timeout and the next call works', async () => {
  const stuck = await mcp.call('run_python', { code: 'while True:\n    pass', timeout_seconds: 2 });
  expect((stuck.structuredContent as unknown as Run).status).toBe('timeout');
  expect(textOf(stuck)).toMatch(/time limit|timed out/i);
  const next = await mcp.data<Run>('run_python', { code: 'print("next works")' });
  expect(next.stdout).toBe('next works\n');
});

test('a memory bomb ends with MemoryError at the memory limit, and Python keeps working', async () => {
  const bomb = await mcp.data<Run>('run_python', { code: 'block = bytearray(400 * 2**20)', max_memory_mb: 256 });
  expect(bomb.status).toBe('memory');
  expect(bomb.error?.type).toBe('MemoryError');
  expect((await mcp.data<Run>('run_python', { code: '"alive"' })).value).toBe("'alive'");
});

test('stdin is read, then end of file; a Python error comes with its line and traceback', async () => {
  const echo = await mcp.data<Run>('run_python', { code: 'import sys\nprint(sys.stdin.read().upper())', stdin: 'abc' });
  expect(echo.stdout).toBe('ABC\n');
  const eof = await mcp.data<Run>('run_python', { code: 'input()' });
  expect(eof.error?.type).toBe('EOFError');
  const failed = await mcp.call('run_python', { code: 'x = 1\ny = x / 0' });
  expect(failed.isError).toBe(false); // the call worked; the program failed
  expect((failed.structuredContent as unknown as Run).error).toMatchObject({ type: 'ZeroDivisionError', line: 2 });
  expect(textOf(failed)).toContain('Traceback');
});

test('images come back as MCP image content', async () => {
  const result = await mcp.call('run_python', { code: `${RED_PNG}\nRed(3, 2)` });
  const image = result.content.find((c) => c.type === 'image');
  expect(image).toMatchObject({ type: 'image', mimeType: 'image/png' });
  const bytes = Buffer.from(image?.type === 'image' ? image.data : '', 'base64');
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.readUInt32BE(16)).toBe(3); // IHDR width
});

test('safe mode refuses risky code unless safe_mode is false', async () => {
  const refused = await mcp.data<Run>('run_python', { code: 'import subprocess' });
  expect(refused.status).toBe('security');
  const allowed = await mcp.data<Run>('run_python', { code: 'import subprocess\nprint("imported")', safe_mode: false });
  expect(allowed.stdout).toBe('imported\n');
});

test("run_tests on the calculator gives native pytest's counts, failures with file:line, and coverage", async () => {
  for (const file of readFixtureProject(CALCULATOR)) expect((await mcp.call('write_file', file)).isError).toBe(false);
  const result = await mcp.data<{
    summary: string;
    failures: Array<{ nodeId: string; where: string }>;
    coverage: { totalPercent: number } | null;
  }>('run_tests', {});
  expect(result.summary.replace(/ in \d+\.\d+s.*$/, '')).toBe(nativePytest(CALCULATOR).summary);
  expect(result.failures).toEqual([expect.objectContaining({ nodeId: 'tests/test_calc.py::test_wrong', where: 'tests/test_calc.py:25' })]);
  expect(result.coverage?.totalPercent).toBeGreaterThan(50);
  // The project's files are importable from run_python too.
  expect((await mcp.data<Run>('run_python', { code: 'from calc import add\nadd(2, 3)' })).value).toBe('5');
});

test('with a progress token, run_python streams its output as it comes, with a heartbeat in a silence; run_tests each finished test', async () => {
  const code = [
    'import time',
    'for i in range(3):',
    '    print(f"line {i}", flush=True)',
    '    time.sleep(0.4)',
    'time.sleep(6)',
    'print("end")',
  ].join('\n');
  const { result, progress, doneAt } = await mcp.callWithProgress('run_python', { code, timeout_seconds: 30 });
  expect(result.isError).toBe(false);
  // The result is what it always was: the whole output.
  expect((result.structuredContent as { stdout: string }).stdout).toBe('line 0\nline 1\nline 2\nend\n');
  const text = progress.map((p) => p.message).join('');
  expect(text).toContain('line 0\n');
  // The first line came seconds before the result, not with it.
  const first = progress.find((p) => p.message.includes('line 0'));
  expect(doneAt - (first?.at ?? doneAt)).toBeGreaterThan(3000);
  // Six silent seconds: a heartbeat says it is still running.
  expect(progress.some((p) => /^still running \(\d+ s\)$/.test(p.message))).toBe(true);
  // Progress only increases.
  expect(progress.map((p) => p.progress)).toEqual([...progress.map((p) => p.progress)].sort((a, b) => a - b));

  const tests = await mcp.callWithProgress('run_tests', { paths: ['tests/test_calc.py'], coverage: false });
  const lines = tests.progress.map((p) => p.message).join('\n');
  expect(lines).toMatch(/PASSED tests\/test_calc\.py::test_add/);
  expect(lines).toMatch(/FAILED tests\/test_calc\.py::test_wrong/);
  // Without a token nothing streams, and the result is the same shape.
  expect((await mcp.data<Run>('run_python', { code: 'print("quiet")' })).stdout).toBe('quiet\n');
});

/** What the debug tools return (src/agent/tools/debugOutcome.ts). */
interface DebugStopData {
  state: string;
  reason?: string;
  message?: string | null;
  where?: string;
  source?: string | null;
  stack?: string[];
  locals?: Record<string, string>;
  output?: string;
  status?: string;
  note?: string | null;
}

test('debug_python stops a failing test at its assertion with the locals; evaluate there, step on to the failure', async () => {
  // The calculator's files were written by the run_tests test above.
  const paused = await mcp.data<DebugStopData>('debug_python', { test: 'tests/test_calc.py::test_wrong' });
  expect(paused).toMatchObject({
    state: 'paused',
    reason: 'exception',
    where: 'tests/test_calc.py:25',
    source: '    assert add(2, 2) == 5',
  });
  expect(paused.message).toMatch(/^AssertionError/);
  expect(paused.stack).toEqual(['test_wrong (tests/test_calc.py:25)']);
  const evaluated = await mcp.data<{ repr: string; type: string }>('debug_evaluate', { expression: 'add(2, 2) + 1' });
  expect(evaluated).toMatchObject({ repr: '5', type: 'int' });
  // One debug run per session.
  const second = await mcp.call('debug_python', { code: 'print(1)' });
  expect(second.isError).toBe(true);
  expect(textOf(second)).toMatch(/already going.*debug_stop/);
  const finished = await mcp.data<DebugStopData>('debug_step', { action: 'continue' });
  expect(finished).toMatchObject({ state: 'finished', status: 'error' });
  expect(JSON.stringify(finished)).toMatch(/1 failed/);
});

test('debug_python stops code at a breakpoint, steps into a call and out, and run_python ends a paused run first', async () => {
  const code = [
    'def double(n):',
    '    twice = n * 2',
    '    return twice',
    '',
    'values = [1, 2]',
    'total = double(values[1])',
    'print(total)',
  ].join('\n');
  const first = await mcp.data<DebugStopData>('debug_python', { code, breakpoints: [{ file: 'main.py', line: 6 }] });
  expect(first).toMatchObject({ state: 'paused', reason: 'breakpoint', where: 'main.py:6', source: 'total = double(values[1])' });
  expect(first.locals).toMatchObject({ values: '[1, 2]' });
  const inside = await mcp.data<DebugStopData>('debug_step', { action: 'into' });
  expect(inside).toMatchObject({ state: 'paused', reason: 'step', where: 'main.py:2' });
  expect(inside.stack).toEqual(['double (main.py:2)', '<module> (main.py:6)']);
  expect(inside.locals).toEqual({ n: '2' });
  // The outer frame is frame 1.
  expect((await mcp.data<{ repr: string }>('debug_evaluate', { expression: 'values', frame: 1 })).repr).toBe('[1, 2]');
  const ran = await mcp.call('run_python', { code: '6 * 7' });
  expect(textOf(ran)).toMatch(/paused debug run was stopped first/);
  expect((ran.structuredContent as { value: string }).value).toBe('42');
  const none = await mcp.call('debug_step', { action: 'over' });
  expect(none.isError).toBe(true);
  expect(textOf(none)).toMatch(/No debug run is going/);
});

test('the session files are listed, read and offered as resources; paths with .. are refused', async () => {
  const listed = await mcp.data<{ files: Array<{ path: string }> }>('list_files');
  expect(listed.files.map((f) => f.path)).toContain('calc.py');
  const read = await mcp.data<{ content: string }>('read_file', { path: 'calc.py' });
  expect(read.content).toContain('def add');
  const { resources } = await mcp.client.listResources();
  expect(resources.map((r) => r.uri)).toContain('executor://files/tests/test_calc.py');
  const resource = await mcp.client.readResource({ uri: 'executor://files/calc.py' });
  expect(resource.contents[0]).toMatchObject({ text: read.content });
  for (const [tool, args] of [
    ['write_file', { path: '../escape.py', content: 'x = 1' }],
    ['read_file', { path: '../../etc/passwd' }],
    ['run_tests', { paths: ['../tests'] }],
  ] as const) {
    const refused = await mcp.call(tool, args);
    expect(refused.isError, tool).toBe(true);
    expect(textOf(refused)).toContain('..');
  }
});

test('what run_python writes is in the session: list_files and read_file see out.json, a PNG comes back as a blob resource', async () => {
  const code = `${RED_PNG}\nimport json\njson.dump({"answer": 42}, open("out.json", "w"))\nopen("plot.png", "wb").write(Red(2, 2)._repr_png_())`;
  expect((await mcp.data<Run>('run_python', { code, safe_mode: false })).status).toBe('ok');
  const listed = await mcp.data<{ files: Array<{ path: string; binary?: boolean; mimeType?: string }> }>('list_files');
  expect(listed.files).toContainEqual(expect.objectContaining({ path: 'out.json' }));
  expect(listed.files).toContainEqual(expect.objectContaining({ path: 'plot.png', binary: true, mimeType: 'image/png' }));
  expect(JSON.parse((await mcp.data<{ content: string }>('read_file', { path: 'out.json' })).content)).toEqual({ answer: 42 });
  const png = await mcp.call('read_file', { path: 'plot.png' });
  const blob = png.content.find((c) => c.type === 'resource');
  expect(blob).toMatchObject({ type: 'resource', resource: { uri: 'executor://files/plot.png', mimeType: 'image/png' } });
  const bytes = Buffer.from(blob?.type === 'resource' && 'blob' in blob.resource ? blob.resource.blob : '', 'base64');
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  const resource = await mcp.client.readResource({ uri: 'executor://files/plot.png' });
  expect(resource.contents[0]).toMatchObject({ mimeType: 'image/png', blob: bytes.toString('base64') });
  // A deleted file leaves the session too.
  await mcp.data<Run>('run_python', { code: 'import os\nos.remove("out.json")', safe_mode: false });
  expect((await mcp.data<{ files: Array<{ path: string }> }>('list_files')).files.map((f) => f.path)).not.toContain('out.json');
});

test('validate_code, analyze_dependencies, profile_code and handle_error answer through the same session', async () => {
  const report = await mcp.data<{ diagnostics: Array<{ rule: string }> }>('validate_code', { code: 'eval("1")' });
  expect(report.diagnostics.length).toBeGreaterThan(0);
  const deps = await mcp.data<{ result?: unknown; imports?: Array<{ module: string; verdict: string }> }>('analyze_dependencies', {
    code: 'import json\nimport numpy',
  });
  expect(JSON.stringify(deps)).toContain('stdlib');
  const profile = await mcp.data<{ hottest: string | null }>('profile_code', {
    code: 'def slow():\n    t = 0\n    for i in range(300000):\n        t += i * i\n    return t\n\nslow()',
  });
  expect(profile.hottest).toContain('slow');
  await mcp.call('run_python', { code: 'print(undefined_name)' });
  const advice = await mcp.data<{ advice: { errorType: string } | null }>('handle_error');
  expect(advice.advice?.errorType).toBe('NameError');
});

test("the attack suite's network attacks through run_python (safe mode off) reach nothing", async () => {
  const collector = await startCollector();
  try {
    for (const attack of ATTACKS.network ?? []) {
      if (attack.safeMode) continue;
      // Every target is the collector: any request that got out, to any of them, is recorded.
      const code = attack.code({ collector: collector.url, app: collector.url.replace(/\/$/, '') });
      const result = await mcp.call('run_python', { code, safe_mode: false, timeout_seconds: 30 });
      const run = result.structuredContent as unknown as Run;
      expect(attack.status, attack.name).toContain(run.status);
      expect(textOf(result), attack.name).not.toContain('ESCAPED');
    }
    expect(collector.requests).toEqual([]);
  } finally {
    await collector.close();
  }
});

test('reset_session gives a fresh interpreter and keeps the files unless asked', async () => {
  await mcp.call('run_python', { code: 'kept = 1' });
  expect((await mcp.call('reset_session')).isError).toBe(false);
  expect((await mcp.data<Run>('run_python', { code: 'kept' })).error?.type).toBe('NameError');
  expect((await mcp.data<{ files: unknown[] }>('list_files')).files.length).toBeGreaterThan(0);
  await mcp.call('reset_session', { keep_files: false });
  expect((await mcp.data<{ files: unknown[] }>('list_files')).files).toEqual([]);
});

test('state does not cross sessions: another client has its own interpreter', async () => {
  await mcp.call('run_python', { code: 'secret = "mine"' });
  const other = await stdioClient();
  try {
    expect((await other.data<Run>('run_python', { code: 'secret' })).error?.type).toBe('NameError');
  } finally {
    await other.close();
  }
});
