import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { deployedNginxConfig } from '../support/deployedNginxConfig.ts';
import { startNginx, type Nginx } from '../support/startNginx.ts';
import { httpClient, shareChromium, startHttpServer, type HttpServer, type McpTestClient } from './mcpClients.ts';

const portOf = (url: string) => Number(new URL(url).port);
const sessionIdOf = (c: McpTestClient) => (c.client.transport as StreamableHTTPClientTransport).sessionId ?? '';

test.describe.configure({ mode: 'serial' });

let stopChromium: (() => Promise<void>) | null = null;
let r1: HttpServer;
let r2: HttpServer;
let nginx: Nginx;
let folder: string;
const clients: McpTestClient[] = [];

test.beforeAll(async () => {
  stopChromium = await shareChromium();
  const env = { EXECUTOR_MCP_MAX_SESSIONS: '30' };
  [r1, r2] = await Promise.all([
    startHttpServer([], { ...env, EXECUTOR_REPLICA_ID: 'r1' }),
    startHttpServer([], { ...env, EXECUTOR_REPLICA_ID: 'r2' }),
  ]);
  folder = mkdtempSync(join(tmpdir(), 'executor-nginx-'));
  nginx = await startNginx(folder, (balancer) => deployedNginxConfig({ balancer, r1: portOf(r1.url), r2: portOf(r2.url) }));
});

test.afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  await nginx?.stop();
  await Promise.all([r1?.stop(), r2?.stop()]);
  await stopChromium?.();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test("nginx spreads 20 new sessions over both replicas, and every request of a session reaches its replica's interpreter", async () => {
  for (let i = 0; i < 20; i++) clients.push(await httpClient(nginx.url));
  const ids = clients.map(sessionIdOf);
  const onR1 = ids.filter((id) => id.startsWith('r1-')).length;
  const onR2 = ids.filter((id) => id.startsWith('r2-')).length;
  expect(onR1 + onR2).toBe(20);
  expect(onR1).toBeGreaterThanOrEqual(5);
  expect(onR2).toBeGreaterThanOrEqual(5);
  // A replica knows only its own sessions: a request routed to the other would get 404.
  for (let round = 0; round < 3; round++)
    await Promise.all(clients.map(async (c) => expect((await c.client.listResources()).resources).toEqual([])));
  // Two sessions on each replica keep Python state across calls through the balancer.
  const picked = [
    ...clients.filter((c) => sessionIdOf(c).startsWith('r1-')).slice(0, 2),
    ...clients.filter((c) => sessionIdOf(c).startsWith('r2-')).slice(0, 2),
  ];
  for (const c of picked) await c.call('run_python', { code: `owner = ${JSON.stringify(sessionIdOf(c))}` });
  for (const c of picked) expect((await c.data<{ value: string }>('run_python', { code: 'owner' })).value).toBe(`'${sessionIdOf(c)}'`);
  // Progress notifications come through nginx's proxy as they happen (no buffering).
  const streamed = await picked[0]!.callWithProgress('run_python', { code: 'import time\nprint("early", flush=True)\ntime.sleep(1.5)' });
  const early = streamed.progress.find((p) => p.message.includes('early'));
  expect(streamed.doneAt - (early?.at ?? streamed.doneAt)).toBeGreaterThan(800);
});

test("killing a replica gives its sessions a clear error; the other replica's sessions go on, and new sessions go there", async () => {
  const lost = clients.find((c) => sessionIdOf(c).startsWith('r1-'));
  const kept = clients.find((c) => sessionIdOf(c).startsWith('r2-'));
  r1.process.kill('SIGKILL');
  await new Promise((resolve) => (r1.process.exitCode !== null ? resolve(null) : r1.process.once('exit', resolve)));
  await expect(lost!.client.listResources()).rejects.toThrow(/MCP session is gone.*replica that held it stopped.*Start a new session/);
  expect((await kept!.data<{ value: string }>('run_python', { code: 'owner' })).value).toBe(`'${sessionIdOf(kept!)}'`);
  for (let i = 0; i < 3; i++) {
    const fresh = await httpClient(nginx.url);
    clients.push(fresh);
    expect(sessionIdOf(fresh)).toMatch(/^r2-/);
  }
  expect((await clients.at(-1)!.data<{ stdout: string }>('run_python', { code: 'print("on r2")' })).stdout).toBe('on r2\n');
});
