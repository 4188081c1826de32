import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { beforeAll, describe, expect, it } from 'vitest';
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
});
