import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeResult } from '../../src/testing/makeResult.ts';
import type { PageEngine } from '../headless/createPageEngine.ts';
import { createSessionPool } from '../headless/createSessionPool.ts';
import { headlessSettings } from '../headless/headlessSettings.ts';
import { createMcpHttpApp } from './createMcpHttpApp.ts';

/** An engine that answers execute() with the code's length as its value, and records what it was given. */
function fakeEngine(): PageEngine {
  return {
    execute: vi.fn(async (code: string) =>
      makeResult({ value: String(code.length), stdout: 'ran\n', output: [{ stream: 'stdout', text: 'ran\n' }] }),
    ),
    handleError: vi.fn(async () => null),
    onFilesChanged: () => () => undefined,
    debugger: { active: false },
    lost: null,
    close: vi.fn(async () => undefined),
  } as unknown as PageEngine;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function setup(env: NodeJS.ProcessEnv = {}, token: string | null = null) {
  const { settings } = headlessSettings(env);
  const engines: PageEngine[] = [];
  const pool = createSessionPool({
    host: { startEngine: async () => (engines.push(fakeEngine()), engines.at(-1) as PageEngine) },
    maxSessions: settings.maxSessions,
    idleMs: settings.idleMs,
  });
  const http = createMcpHttpApp({ pool, settings, token, loopback: true });
  closers.push(
    () => pool.closeAll(),
    () => http.close(),
  );
  const connect = async (headers: Record<string, string> = {}) => {
    const client = new Client({ name: 'unit', version: '1' });
    const transport = new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
      fetch: (url, init) => Promise.resolve(http.app.request(String(url), init)),
      requestInit: { headers },
    });
    await client.connect(transport);
    closers.push(() => client.close());
    return { client, transport };
  };
  return { http, engines, connect };
}

describe('createMcpHttpApp', () => {
  it('gives each MCP session its own engine, runs with the limits and files, and ends the session on DELETE', async () => {
    const { http, engines, connect } = setup({ EXECUTOR_TIMEOUT: '7' });
    const a = await connect();
    const b = await connect();
    await a.client.callTool({ name: 'write_file', arguments: { path: 'm.py', content: 'X = 1' } });
    const result = (await a.client.callTool({ name: 'run_python', arguments: { code: 'print(1)' } })) as CallToolResult;
    await b.client.callTool({ name: 'run_python', arguments: { code: '1' } });
    expect(result.structuredContent).toMatchObject({ status: 'ok', value: '8', stdout: 'ran\n' });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Ran without errors in 5 ms.\nran\n→ 8' });
    expect(engines).toHaveLength(2);
    expect(vi.mocked(engines[0]!.execute).mock.calls[0]?.[1]).toMatchObject({
      timeoutMs: 7000,
      stdin: '',
      files: [{ path: 'm.py', content: 'X = 1' }],
    });
    expect(http.sessions).toBe(2);
    await a.transport.terminateSession();
    expect(http.sessions).toBe(1);
    expect(engines[0]!.close).toHaveBeenCalled();
  });

  it('refuses a session past EXECUTOR_MCP_MAX_SESSIONS, requests with an Origin, and a missing token', async () => {
    const { connect } = setup({ EXECUTOR_MCP_MAX_SESSIONS: '1' }, 'secret-token');
    await expect(connect()).rejects.toThrow(/access token/);
    await connect({ Authorization: 'Bearer secret-token' });
    await expect(connect({ Authorization: 'Bearer secret-token' })).rejects.toThrow(/EXECUTOR_MCP_MAX_SESSIONS/);
    await expect(connect({ Authorization: 'Bearer secret-token', Origin: 'https://evil.example' })).rejects.toThrow(
      /web pages are refused/,
    );
  });

  it('says what to do for a request without a session or with an unknown one', async () => {
    const { http } = setup();
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    const list = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const noSession = await http.app.request('/mcp', { method: 'POST', headers, body: list });
    expect(noSession.status).toBe(400);
    expect(await noSession.text()).toContain('must be initialize');
    const unknown = await http.app.request('/mcp', { method: 'POST', headers: { ...headers, 'Mcp-Session-Id': 'gone' }, body: list });
    expect(unknown.status).toBe(404);
    const notJson = await http.app.request('/mcp', { method: 'POST', headers, body: '{' });
    expect(notJson.status).toBe(400);
  });
});
