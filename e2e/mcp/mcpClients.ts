import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../server/headless/launchChromium.ts';

/** The repository root: the CLI runs from here (it serves dist/). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** `npx executor`, without npx's own start-up. */
export const CLI = ['bin/executor.mjs'];

/**
 * One headless Chromium for a spec file's `executor` processes: they connect to it (EXECUTOR_CHROMIUM_ENDPOINT,
 * each in a context of its own) instead of launching one each, which costs seconds per process. Returns the
 * function that stops it. Tests that kill the browser start their server without it.
 */
export async function shareChromium(): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({
    executablePath: chromiumPath(process.env),
    headless: true,
    args: chromiumArgs(process.getuid?.() === 0),
  });
  process.env.EXECUTOR_CHROMIUM_ENDPOINT = server.wsEndpoint();
  return async () => {
    delete process.env.EXECUTOR_CHROMIUM_ENDPOINT;
    await server.close();
  };
}

/** An MCP client with its tool calls typed the way the tests read them. */
export class McpTestClient {
  constructor(readonly client: Client) {}

  /** Calls a tool; returns the whole result (content, structuredContent, isError). */
  async call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
    return (await this.client.callTool({ name, arguments: args }, undefined, { timeout: 170_000 })) as CallToolResult;
  }

  /**
   * Calls a tool with a progress token (the SDK sends one when `onprogress` is given): the result, and each progress
   * notification with the time it came, next to the time the result came.
   */
  async callWithProgress(name: string, args: Record<string, unknown> = {}) {
    const progress: Array<{ progress: number; message: string; at: number }> = [];
    const result = (await this.client.callTool({ name, arguments: args }, undefined, {
      timeout: 170_000,
      onprogress: (p) => progress.push({ progress: p.progress, message: p.message ?? '', at: Date.now() }),
    })) as CallToolResult;
    return { result, progress, doneAt: Date.now() };
  }

  /** Calls a tool and returns its structured result. */
  async data<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}): Promise<T> {
    const result = await this.call(name, args);
    return result.structuredContent as T;
  }

  /** Ends the MCP session (over HTTP, DELETE /mcp first, as a well-behaved client does) and disconnects. */
  async close(): Promise<void> {
    const transport = this.client.transport;
    if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => undefined);
    await this.client.close();
  }
}

/** The text blocks of a tool result, joined. */
export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** `executor mcp` on stdio, with the SDK's client. */
export async function stdioClient(env: Record<string, string> = {}): Promise<McpTestClient> {
  const client = new Client({ name: 'executor-e2e', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...CLI, 'mcp'],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'inherit',
  });
  await client.connect(transport);
  return new McpTestClient(client);
}

/** A running `executor mcp --http` process. */
export interface HttpServer {
  url: string;
  process: ChildProcess;
  /** What it wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `executor mcp --http --port 0 ...` and waits for the address line it prints. */
export async function startHttpServer(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<HttpServer> {
  const child = spawn(process.execPath, [...CLI, 'mcp', '--http', '--port', '0', ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/\S+\/mcp)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`executor mcp --http exited with ${code}: ${err}`)));
  });
  return {
    url,
    process: child,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return; // exited, or killed by the test
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** An MCP client of the HTTP server (a new MCP session). */
export async function httpClient(url: string, token?: string): Promise<McpTestClient> {
  const client = new Client({ name: 'executor-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(
    new URL(url),
    token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {},
  );
  await client.connect(transport);
  return new McpTestClient(client);
}
