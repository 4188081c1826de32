import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { httpClient, startHttpServer, type HttpServer, type McpTestClient } from '../e2e/mcp/mcpClients.ts';
import { deployedNginxConfig } from '../e2e/support/deployedNginxConfig.ts';
import { startNginx, type Nginx } from '../e2e/support/startNginx.ts';
import { startNodePyodide, type NodePyodide } from './bare/startNodePyodide.ts';
import { log } from './log.ts';
import { BENCH_DIST_DIR } from './paths.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

const FIGURE = '11. MCP server';
const SESSIONS = 20;
/** Calls each session makes in the measured burst. */
const CALLS_PER_SESSION = 10;

/** Each session calls run_python `1 + 1` CALLS_PER_SESSION times, all sessions at once: calls per second. */
async function burst(run: (i: number) => Promise<unknown>, sessions: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: sessions }, async (_, i) => {
      for (let k = 0; k < CALLS_PER_SESSION; k++) await run(i);
    }),
  );
  return (sessions * CALLS_PER_SESSION * 1000) / (performance.now() - started);
}

async function call(client: McpTestClient): Promise<void> {
  const data = await client.data<{ status: string }>('run_python', { code: '1 + 1' });
  if (data.status !== 'ok') throw new Error(`run_python ended ${data.status}`);
}

/**
 * Figure 11, replicas: two `executor mcp --http` replicas behind Debian's nginx with the documented configuration
 * (deploy/nginx/executor-mcp.conf), 20 sessions spread over them; calls per second of a trivial run_python with
 * every session calling at once, next to 20 bare Pyodides in one Node process (no server, no sandbox).
 */
export async function measureReplicas(runs: number): Promise<BenchRow[]> {
  const rates: number[] = [];
  const spread: string[] = [];
  for (let i = 0; i < runs; i++) {
    const folder = mkdtempSync(join(tmpdir(), 'executor-bench-nginx-'));
    const env = { EXECUTOR_DIST_DIR: BENCH_DIST_DIR, EXECUTOR_MCP_MAX_SESSIONS: String(SESSIONS) };
    let replicas: HttpServer[] = [];
    let nginx: Nginx | null = null;
    const clients: McpTestClient[] = [];
    try {
      replicas = await Promise.all(['r1', 'r2'].map((id) => startHttpServer([], { ...env, EXECUTOR_REPLICA_ID: id })));
      const [r1, r2] = replicas.map((r) => Number(new URL(r.url).port));
      nginx = await startNginx(folder, (balancer) => deployedNginxConfig({ balancer, r1: r1 ?? 0, r2: r2 ?? 0 }));
      for (let k = 0; k < SESSIONS; k++) {
        const client = await httpClient(nginx.url);
        clients.push(client);
        await call(client); // its interpreter starts now, not in the burst
      }
      const ids = clients.map((c) => (c.client.transport as StreamableHTTPClientTransport).sessionId ?? '');
      spread.push(`${ids.filter((id) => id.startsWith('r1-')).length}/${ids.filter((id) => id.startsWith('r2-')).length}`);
      rates.push(await burst((k) => call(clients[k]!), SESSIONS));
      log(`  replicas sample ${i + 1}: sessions ${spread.at(-1)}, ${rates.at(-1)?.toFixed(1)} calls/s`);
    } finally {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      await nginx?.stop();
      await Promise.all(replicas.map((r) => r.stop()));
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const bareRates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const pys: NodePyodide[] = [];
    try {
      for (let k = 0; k < SESSIONS; k++) pys.push(await startNodePyodide());
      bareRates.push(await burst((k) => pys[k]!.run('1 + 1'), SESSIONS));
    } finally {
      await Promise.all(pys.map((p) => p.close()));
    }
  }
  return [
    row(
      FIGURE,
      `${SESSIONS} sessions on 2 replicas behind nginx, each calling run_python \`1 + 1\` ${CALLS_PER_SESSION} times at once: throughput`,
      'calls/s',
      summarize(rates),
      `bare Pyodide in Node: ${SESSIONS} instances in one process`,
      summarize(bareRates),
      `sessions per replica (r1/r2): ${spread.join(', ')}; higher is better here`,
    ),
  ];
}
