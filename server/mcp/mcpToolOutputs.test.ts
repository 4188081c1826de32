import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DebugDriver } from '../../src/engine/debugDriver.ts';
import { makeDebugPause } from '../../src/testing/makeDebugPause.ts';
import { createRecordingEngine } from '../../src/testing/createRecordingEngine.ts';
import { makeResult } from '../../src/testing/makeResult.ts';
import { makeTestRecord, makeTestResult } from '../../src/testing/makeTestResult.ts';
import { makeRawProfile } from '../../src/testing/makeRawProfile.ts';
import { parseProfile } from '../../src/runs/parseProfile.ts';
import type { EngineSession, SessionPool } from '../headless/createSessionPool.ts';
import { createSessionProject } from '../headless/createSessionProject.ts';
import type { HeadlessSettings } from '../headless/headlessSettings.ts';
import { createMcpServer } from './createMcpServer.ts';
import { MCP_TOOLS } from './mcpTools.ts';

const PAUSE = makeDebugPause({ reason: 'exception', message: 'ZeroDivisionError: division by zero', line: 2, locals: { x: '1' } });

/** One session over the recording engine: every tool does its work and returns its structured content. */
function fakePool(): SessionPool {
  const { engine } = createRecordingEngine((code) =>
    code.includes('1 / 0')
      ? makeResult({
          success: false,
          status: 'error',
          error: { type: 'ZeroDivisionError', message: 'division by zero', traceback: 'tb', line: 1 },
        })
      : makeResult({ stdout: 'hi\n' }),
  );
  engine.runTests = async () =>
    makeTestResult({ records: [makeTestRecord({ nodeId: 'test_a.py::test_a', outcome: 'failed', message: 'assert 1 == 2' })] });
  engine.profileCode = async () => ({
    result: makeResult(),
    profile: parseProfile(makeRawProfile(10, [{ name: 'slow', file: 'main.py', line: 1, calls: 1, ownMs: 9, cumMs: 9 }])),
  });
  // A debug run that pauses where it failed, evaluates there, and finishes on the next step.
  let active = false;
  const finished = { state: 'finished' as const, result: makeResult({ stdout: 'done\n' }), note: null };
  const stepper: DebugDriver = {
    get active() {
      return active;
    },
    start: vi.fn(async () => ((active = true), { state: 'paused' as const, pause: PAUSE, output: 'before\n' })),
    step: vi.fn(async () => ((active = false), finished)),
    evaluate: vi.fn(async () => ({ name: 'x', type: 'int', kind: 'value' as const, size: null, repr: '1', expandable: false })),
    stop: vi.fn(async () => (active ? ((active = false), { ...finished, note: 'Stopped with debug_stop.' }) : null)),
  };
  Object.assign(engine, { debugger: stepper });
  const project = createSessionProject();
  project.writeFile('test_a.py', 'def test_a():\n    assert 1 == 2\n');
  const session = { id: 's', engine, project, takeNotice: () => null, lastResult: null } as unknown as EngineSession;
  return {
    use: async (_id: string, work: (s: EngineSession) => Promise<unknown>) => work(session),
    project: () => project,
  } as unknown as SessionPool;
}

const SETTINGS = {
  runOptions: { timeoutMs: 5000, maxMemoryMB: 256, maxOutputChars: 10_000 },
  policy: { sandboxMode: false, allowedModules: [], forbiddenFunctions: [] },
  config: { PYTEST_ARGS: ['-v'], COVERAGE_THRESHOLD: 80 },
} as unknown as HeadlessSettings;

/** A call of each tool that does its work. */
const CALLS: Record<string, Record<string, unknown>> = {
  run_python: { code: 'print("hi")' },
  run_tests: { paths: ['test_a.py'] },
  validate_code: { code: 'print(1)' },
  analyze_dependencies: { code: 'import json' },
  install_packages: { packages: ['toolz'] },
  profile_code: { code: 'def slow(): pass\nslow()' },
  handle_error: {},
  write_file: { path: 'calc.py', content: 'x = 1\n' },
  read_file: { path: 'calc.py' },
  list_files: {},
  debug_python: { code: 'x = 1\n1 / 0', breakpoints: [] },
  debug_evaluate: { expression: 'x' },
  debug_step: { action: 'continue' },
  debug_stop: {},
  reset_session: {},
};

let client: Client;

beforeAll(async () => {
  const server = createMcpServer('s', fakePool(), SETTINGS);
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  client = new Client({ name: 'outputs', version: '1.0.0' });
  await client.connect(b);
});

describe("the MCP tools' output schemas and annotations", () => {
  it('every tool is listed with a title, annotations (never the open world) and an output schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(CALLS).sort());
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.annotations, tool.name).toMatchObject({ openWorldHint: false });
      expect(typeof tool.annotations?.readOnlyHint, tool.name).toBe('boolean');
      expect(typeof tool.annotations?.destructiveHint, tool.name).toBe('boolean');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(Object.keys(tool.outputSchema?.properties ?? {}).length, tool.name).toBeGreaterThan(0);
    }
    const destructive = tools.filter((t) => t.annotations?.destructiveHint).map((t) => t.name);
    expect(destructive.sort()).toEqual(['reset_session', 'write_file']);
  });

  // The client checks structured content against the output schema: a mismatch would reject the call.
  for (const [name, args] of Object.entries(CALLS)) {
    it(`${name}'s structured content fits its output schema`, async () => {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError, JSON.stringify(result.content)).toBe(false);
      const tool = MCP_TOOLS.find((t) => t.name === name);
      expect(tool?.output.safeParse(result.structuredContent).success).toBe(true);
    });
  }

  it('a tool that needs the interpreter ends a paused debug run first, and says so; the file tools leave it paused', async () => {
    const paused = await client.callTool({ name: 'debug_python', arguments: { code: '1 / 0' } });
    expect(paused.structuredContent).toMatchObject({ state: 'paused', reason: 'exception', where: 'main.py:2', locals: { x: '1' } });
    const listed = await client.callTool({ name: 'list_files', arguments: {} });
    expect(JSON.stringify(listed.content)).not.toMatch(/debug run was stopped/);
    const ran = await client.callTool({ name: 'run_python', arguments: { code: 'print("hi")' } });
    expect(JSON.stringify(ran.content)).toMatch(/The paused debug run was stopped first: run_python needs the interpreter/);
    expect(ran.structuredContent).toMatchObject({ notice: expect.stringMatching(/stopped first/) });
    expect((await client.callTool({ name: 'debug_stop', arguments: {} })).structuredContent).toMatchObject({ state: 'none' });
  });
});
