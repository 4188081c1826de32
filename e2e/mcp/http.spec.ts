import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { httpClient, startHttpServer, textOf, type HttpServer, type McpTestClient } from './mcpClients.ts';

interface Run {
  status: string;
  stdout: string;
  value: string | null;
  error: { type: string } | null;
}

test.describe.configure({ mode: 'serial' });

let server: HttpServer;
test.beforeAll(async () => {
  server = await startHttpServer([], { EXECUTOR_MCP_MAX_SESSIONS: '10' });
});
test.afterAll(async () => {
  await server?.stop();
});

/** The headless Chromium the server launched: its direct child process. */
function browserPid(serverPid: number): number {
  const out = execFileSync('ps', ['--ppid', String(serverPid), '-o', 'pid=,comm='], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => /chrom/i.test(l));
  if (!line) throw new Error(`no Chromium under process ${serverPid}:\n${out}`);
  return Number(line.trim().split(/\s+/)[0]);
}

test('each MCP session keeps its own state; it does not reach another session', async () => {
  const a = await httpClient(server.url);
  const b = await httpClient(server.url);
  try {
    await a.call('run_python', { code: 'owner = "a"' });
    expect((await a.data<Run>('run_python', { code: 'owner' })).value).toBe("'a'");
    expect((await b.data<Run>('run_python', { code: 'owner' })).error?.type).toBe('NameError');
  } finally {
    await a.close();
    await b.close();
  }
});

test("sessions share the engine page, not an origin: a session's broadcast reaches its own channel, never another session's", async () => {
  const a = await httpClient(server.url);
  const b = await httpClient(server.url);
  const run = async (client: McpTestClient, code: string) => {
    const result = await client.data<Run>('run_python', { code, safe_mode: false });
    expect(result.status).toBe('ok');
    return result;
  };
  try {
    await run(
      a,
      [
        'import js',
        'from pyodide.ffi import create_proxy',
        'heard = []',
        'listen = create_proxy(lambda e: heard.append(str(e.data)))',
        'channel = js.BroadcastChannel.new("executor-sessions")',
        'channel.onmessage = listen',
      ].join('\n'),
    );
    // Another session shouts on the same channel name, and looks for a way to the page or a sibling frame.
    const probe = await run(
      b,
      [
        'import js',
        'js.BroadcastChannel.new("executor-sessions").postMessage("from b")',
        'print(hasattr(js, "parent"), hasattr(js, "top"), hasattr(js, "document"))',
      ].join('\n'),
    );
    expect(probe.stdout).toBe('False False False\n');
    // The control: a's own second channel is heard, so the listener works.
    await run(a, 'js.BroadcastChannel.new("executor-sessions").postMessage("from a")');
    await expect.poll(async () => (await run(a, 'heard')).value, { timeout: 10_000 }).toBe("['from a']");
  } finally {
    await a.close();
    await b.close();
  }
});

test('over HTTP a call with a progress token streams its output before the result (SSE)', async () => {
  const client = await httpClient(server.url);
  try {
    const code = 'import time\nprint("early", flush=True)\ntime.sleep(2)\nprint("late")';
    const { result, progress, doneAt } = await client.callWithProgress('run_python', { code });
    expect((result.structuredContent as unknown as Run).stdout).toBe('early\nlate\n');
    const early = progress.find((p) => p.message.includes('early'));
    expect(early).toBeDefined();
    expect(doneAt - (early?.at ?? doneAt)).toBeGreaterThan(1000);
  } finally {
    await client.close();
  }
});

test('10 concurrent sessions each run their program correctly; an 11th is refused with the limit named', async () => {
  const clients = await Promise.all(Array.from({ length: 10 }, () => httpClient(server.url)));
  try {
    const runs = await Promise.all(
      clients.map(async (c, i) => {
        await c.call('run_python', { code: `n = ${i + 1} * 1000` });
        return c.data<Run>('run_python', { code: 'print(sum(range(n)))' });
      }),
    );
    runs.forEach((run, i) => expect(run.stdout).toBe(`${((i + 1) * 1000 * ((i + 1) * 1000 - 1)) / 2}\n`));
    await expect(httpClient(server.url)).rejects.toThrow(/EXECUTOR_MCP_MAX_SESSIONS/);
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
});

test('killing the browser mid-call gives a clear error, and the next call works in a fresh interpreter', async () => {
  const client: McpTestClient = await httpClient(server.url);
  try {
    await client.call('write_file', { path: 'kept.py', content: 'VALUE = 7\n' });
    await client.call('run_python', { code: 'before = 1' });
    const pid = browserPid(server.process.pid ?? 0);
    const call = client.call('run_python', { code: 'import time\ntime.sleep(20)' });
    await new Promise((r) => setTimeout(r, 1000)); // the run is under way in the browser
    process.kill(pid, 'SIGKILL');
    const lost = await call;
    expect(lost.isError).toBe(true);
    expect(textOf(lost)).toMatch(/browser .*stopped \(it crashed or was killed\)/);
    const next = await client.call('run_python', { code: 'from kept import VALUE\nprint(VALUE)\nprint("before" in globals())' });
    expect((next.structuredContent as unknown as Run).stdout).toBe('7\nFalse\n');
    expect(textOf(next)).toMatch(/fresh interpreter.*files are kept/);
  } finally {
    await client.close();
  }
});

test('requests from a web page (with an Origin) and sessions that do not exist are refused with what to do', async () => {
  const init = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
  };
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
  const fromPage = await fetch(server.url, {
    method: 'POST',
    headers: { ...headers, Origin: 'https://evil.example' },
    body: JSON.stringify(init),
  });
  expect(fromPage.status).toBe(403);
  expect(await fromPage.text()).toContain('web pages are refused');
  const unknown = await fetch(server.url, {
    method: 'POST',
    headers: { ...headers, 'Mcp-Session-Id': 'nope' },
    body: JSON.stringify(init),
  });
  expect(unknown.status).toBe(404);
  expect(await unknown.text()).toContain('initialize a new one');
});

test('with EXECUTOR_MCP_TOKEN every request needs the token; off loopback the server will not start without one', async () => {
  const guarded = await startHttpServer([], { EXECUTOR_MCP_TOKEN: 'sesame-0123456789' });
  try {
    await expect(httpClient(guarded.url)).rejects.toThrow(/access token/);
    const client = await httpClient(guarded.url, 'sesame-0123456789');
    expect((await client.client.listTools()).tools.length).toBeGreaterThan(5);
    await client.close();
  } finally {
    await guarded.stop();
  }
  await expect(startHttpServer(['--host', '0.0.0.0'], { EXECUTOR_MCP_TOKEN: '' })).rejects.toThrow(/set EXECUTOR_MCP_TOKEN/);
});
