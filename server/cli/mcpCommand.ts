import { serve } from '@hono/node-server';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { parseArgs } from 'node:util';
import { startHeadless } from '../headless/startHeadless.ts';
import { createMcpHttpApp } from '../mcp/createMcpHttpApp.ts';
import { createMcpServer } from '../mcp/createMcpServer.ts';
import { UsageError } from './UsageError.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * `executor mcp`: the MCP server on stdio (one session), or with `--http` on http://HOST:PORT/mcp (Streamable HTTP,
 * one session per client). Resolves when the server has stopped.
 */
export async function mcpCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { http: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  const warn = (line: string) => console.error(`[executor] ${line}`);
  if (!values.http) {
    if (values.port || values.host) throw new UsageError('--port and --host go with --http (stdio needs neither).');
    const headless = startHeadless(env, warn);
    const server = createMcpServer('stdio', headless.pool, headless.settings);
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      transport.onclose = resolve;
      process.stdin.once('end', resolve);
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.connect(transport);
    warn('MCP server ready on stdio.');
    await closed;
    await headless.close();
    return 0;
  }

  const port = Number(values.port ?? 8765);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number (0-65535); got "${values.port}".`);
  const hostname = values.host ?? '127.0.0.1';
  const loopback = LOOPBACK.has(hostname);
  const token = env.EXECUTOR_MCP_TOKEN || null;
  if (!loopback && !token)
    throw new UsageError(
      `Listening on ${hostname} lets other machines run code: set EXECUTOR_MCP_TOKEN to a secret first (clients send it as a Bearer token).`,
    );
  const headless = startHeadless(env, warn);
  const http = createMcpHttpApp({ pool: headless.pool, settings: headless.settings, token, loopback });
  const app = http.app;
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    // The address line is what scripts (and the tests) wait for.
    console.log(`Executor MCP server at http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}/mcp`);
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await http.close();
  await headless.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return 0;
}
