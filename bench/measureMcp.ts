import { httpClient, startHttpServer, type McpTestClient } from '../e2e/mcp/mcpClients.ts';
import { startNodePyodide, type NodePyodide } from './bare/startNodePyodide.ts';
import { log } from './log.ts';
import { BENCH_DIST_DIR } from './paths.ts';
import { processTreeMB } from './processTreeMB.ts';
import { sleep } from './sleep.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

const FIGURE = '11. MCP server';
const BARE = 'bare Pyodide in Node';
/** The program each of the concurrent sessions runs (about a second of pure Python). */
const WORK = 'sum(i * i for i in range(1_500_000))';
const CONCURRENT = 10;

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await work();
  return [performance.now() - t, value];
}

/** A run_python call that must succeed: the bench measures working calls only. */
async function run(client: McpTestClient, code: string): Promise<string | null> {
  const data = await client.data<{ status: string; value: string | null }>('run_python', { code, timeout_seconds: 120 });
  if (data.status !== 'ok') throw new Error(`run_python ended ${data.status}: ${JSON.stringify(data).slice(0, 300)}`);
  return data.value;
}

/**
 * Figure 11: `executor mcp --http` with the SDK's client. Session start (the first, which launches Chromium, and
 * the next, from the memory snapshot the first left), a trivial run_python round trip, memory per idle session
 * (Chromium's process tree, PSS), and ten sessions running a program at once; each next to a bare Pyodide in Node
 * (worker threads of the bench process: no sandbox at all) in the same run.
 */
export async function measureMcp(runs: number, roundTrips: number): Promise<BenchRow[]> {
  const first: number[] = [];
  const next: number[] = [];
  const roundTrip: number[] = [];
  const perSession: number[] = [];
  const concurrent: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startHttpServer([], { EXECUTOR_DIST_DIR: BENCH_DIST_DIR, EXECUTOR_MCP_MAX_SESSIONS: String(CONCURRENT + 1) });
    const clients: McpTestClient[] = [];
    try {
      const a = await httpClient(server.url);
      clients.push(a);
      first.push((await timed(() => run(a, '1 + 1')))[0]);
      await sleep(8_000); // the memory snapshot is made a few seconds after the first Ready
      const b = await httpClient(server.url);
      clients.push(b);
      next.push((await timed(() => run(b, '1 + 1')))[0]);
      const samples: number[] = [];
      for (let k = 0; k < roundTrips; k++) samples.push((await timed(() => run(a, '1 + 1')))[0]);
      roundTrip.push(summarize(samples).median);
      // Memory: two idle sessions, then ten; the difference per added session.
      await sleep(2_000);
      const two = processTreeMB(server.process.pid ?? 0);
      while (clients.length < CONCURRENT) {
        const c = await httpClient(server.url);
        clients.push(c);
        await run(c, '1 + 1');
      }
      await sleep(2_000);
      perSession.push((processTreeMB(server.process.pid ?? 0) - two) / (CONCURRENT - 2));
      const [ms, values] = await timed(() => Promise.all(clients.map((c) => run(c, WORK))));
      if (new Set(values).size !== 1) throw new Error(`the ${CONCURRENT} sessions disagree: ${values.join(', ')}`);
      concurrent.push(ms);
      log(
        `  MCP sample ${i + 1}: first ${Math.round(first.at(-1) ?? 0)} ms, next ${Math.round(next.at(-1) ?? 0)} ms, ${CONCURRENT} at once ${Math.round(ms)} ms`,
      );
    } finally {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      await server.stop();
    }
  }

  const bareFirst: number[] = [];
  const bareNext: number[] = [];
  const bareRoundTrip: number[] = [];
  const bareMB: number[] = [];
  const bareConcurrent: number[] = [];
  for (let i = 0; i < runs; i++) {
    const pys: NodePyodide[] = [];
    try {
      const before = processTreeMB(process.pid);
      pys.push(await startNodePyodide());
      bareFirst.push(pys[0]?.bootMs ?? NaN);
      pys.push(await startNodePyodide());
      bareNext.push(pys[1]?.bootMs ?? NaN);
      const samples: number[] = [];
      for (let k = 0; k < roundTrips; k++) samples.push((await timed(() => pys[0]!.run('1 + 1')))[0]);
      bareRoundTrip.push(summarize(samples).median);
      while (pys.length < CONCURRENT) pys.push(await startNodePyodide());
      await sleep(2_000);
      bareMB.push((processTreeMB(process.pid) - before) / CONCURRENT);
      bareConcurrent.push((await timed(() => Promise.all(pys.map((p) => p.run(WORK)))))[0]);
    } finally {
      await Promise.all(pys.map((p) => p.close()));
    }
  }
  const throughput = (ms: number[]) => summarize(ms.map((m) => (CONCURRENT * 1000) / m));
  return [
    row(
      FIGURE,
      'session start, first (launches Chromium): new session → first run_python answered',
      'ms',
      summarize(first),
      `${BARE}: loadPyodide()`,
      summarize(bareFirst),
    ),
    row(
      FIGURE,
      'session start, next (memory snapshot): new session → first run_python answered',
      'ms',
      summarize(next),
      `${BARE}: loadPyodide() again`,
      summarize(bareNext),
    ),
    row(
      FIGURE,
      'run_python round trip of `1 + 1` (HTTP, JSON-RPC, DevTools, frame, worker)',
      'ms',
      summarize(roundTrip),
      `${BARE}: runPython in-process`,
      summarize(bareRoundTrip),
    ),
    row(
      FIGURE,
      'memory per idle session (Chromium process tree, PSS)',
      'MB',
      summarize(perSession),
      `${BARE}: per instance (RSS share)`,
      summarize(bareMB),
    ),
    row(
      FIGURE,
      `${CONCURRENT} sessions each running \`${WORK}\` at once: wall time`,
      'ms',
      summarize(concurrent),
      `${BARE}: ${CONCURRENT} worker threads`,
      summarize(bareConcurrent),
      `${throughput(concurrent).median.toFixed(2)} programs/s against ${throughput(bareConcurrent).median.toFixed(2)}`,
    ),
  ];
}
