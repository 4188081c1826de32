import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { MCP_TOOLS } from '../../server/mcp/mcpTools.ts';
import { startHttpServer, type HttpServer } from './mcpClients.ts';

/**
 * A third-party MCP client: the MCP Inspector's command line (`@modelcontextprotocol/inspector-cli`, the Inspector's
 * CLI mode as a package that runs on Node 20; the Inspector itself needs Node 22). Each call is its own process and
 * its own MCP session over HTTP, as a user of the Inspector would make it.
 */
const INSPECTOR = createRequire(import.meta.url).resolve('@modelcontextprotocol/inspector-cli/build/index.js');
const run = promisify(execFile);

let server: HttpServer;
test.beforeAll(async () => {
  // Safe mode off, so install_packages may install toolz from the offline index (it is not in ALLOWED_MODULES).
  // The Inspector's CLI leaves its MCP session open when it exits (no DELETE /mcp): each call holds one until the
  // idle limit, so this server allows more than the calls below make.
  server = await startHttpServer([], { EXECUTOR_SANDBOX_MODE: 'false', EXECUTOR_MCP_MAX_SESSIONS: '16' });
});
test.afterAll(async () => {
  await server?.stop();
});

async function inspector(...args: string[]): Promise<Record<string, unknown>> {
  // From its own folder: it finds its package.json by a path it checks against the working directory.
  const { stdout } = await run(process.execPath, [INSPECTOR, server.url, '--transport', 'http', ...args], {
    cwd: dirname(INSPECTOR),
    timeout: 120_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

interface ListedTool {
  name: string;
  title?: string;
  outputSchema?: { type: string; properties?: Record<string, unknown> };
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean; openWorldHint?: boolean };
}

test('the Inspector lists every tool with its title, annotations and output schema', async () => {
  const { tools } = (await inspector('--method', 'tools/list')) as { tools: ListedTool[] };
  expect(tools.map((t) => t.name)).toEqual(MCP_TOOLS.map((t) => t.name));
  for (const tool of tools) {
    expect(tool.title, tool.name).toBeTruthy();
    expect(tool.annotations?.openWorldHint, tool.name).toBe(false);
    expect(tool.outputSchema?.type, tool.name).toBe('object');
  }
});

/** One call per tool that does its work in a fresh session (each Inspector call is one). */
const CALLS: Array<[tool: string, args: string[], check: (structured: Record<string, unknown>) => void]> = [
  ['run_python', ['code=print(6 * 7)'], (s) => expect(s.stdout).toBe('42\n')],
  ['validate_code', ['code=eval("1")'], (s) => expect(JSON.stringify(s.diagnostics)).toContain('forbidden-function')],
  ['analyze_dependencies', ['code=import json'], (s) => expect(JSON.stringify(s.imports)).toContain('"stdlib"')],
  ['install_packages', ['packages=["toolz"]'], (s) => expect(JSON.stringify(s.installed), JSON.stringify(s)).toContain('toolz')],
  ['profile_code', ['code=sum(range(100000))'], (s) => expect(s.status).toBe('ok')],
  ['handle_error', [], (s) => expect(s.advice).toBeNull()],
  ['write_file', ['path=calc.py', 'content=x = 1'], (s) => expect(s).toMatchObject({ path: 'calc.py', created: true })],
  ['list_files', [], (s) => expect(s.files).toEqual([])],
  [
    'debug_python',
    ['code=x = 41\nx / 0'],
    (s) => expect(s).toMatchObject({ state: 'paused', reason: 'exception', where: 'main.py:2', locals: { x: '41' } }),
  ],
  ['debug_stop', [], (s) => expect(s.state).toBe('none')],
  ['reset_session', [], (s) => expect(s.reset).toBe(true)],
];

for (const [tool, args, check] of CALLS) {
  test(`the Inspector calls ${tool}; its structured content passes the Inspector's check against the output schema`, async () => {
    const result = await inspector('--method', 'tools/call', '--tool-name', tool, ...args.flatMap((a) => ['--tool-arg', a]));
    expect(result.isError, JSON.stringify(result.content)).toBe(false);
    check(result.structuredContent as Record<string, unknown>);
  });
}

// A fresh session has no files and no debug run: these say so, and the Inspector shows the reason (an error result carries no
// structured content, which a client would hold to the output schema).
for (const [tool, args, reason] of [
  ['read_file', ['path=missing.py'], 'missing.py'],
  ['run_tests', [], 'write_file'],
  ['debug_step', ['action=over'], 'No debug run is going'],
  ['debug_evaluate', ['expression=x'], 'No debug run is going'],
] as const) {
  test(`the Inspector calls ${tool} in a fresh session and gets the reason`, async () => {
    const result = await inspector('--method', 'tools/call', '--tool-name', tool, ...args.flatMap((a) => ['--tool-arg', a]));
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain(reason);
  });
}
