import { randomUUID } from 'node:crypto';
import { onStreamEnd } from './onStreamEnd.ts';
import { Hono } from 'hono';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { SessionPool } from '../headless/createSessionPool.ts';
import type { HeadlessSettings } from '../headless/headlessSettings.ts';
import { safeTokenEqual } from '../proxy/safeTokenEqual.ts';
import { createMcpServer } from './createMcpServer.ts';

/** Options of {@link createMcpHttpApp}. */
export interface McpHttpOptions {
  pool: SessionPool;
  settings: HeadlessSettings;
  /** Bearer token every request must carry (EXECUTOR_MCP_TOKEN); null on loopback without one. */
  token: string | null;
  /** True when the server listens on a loopback address only: then requests from web pages (an Origin) are refused. */
  loopback: boolean;
}

interface HttpSession {
  transport: WebStandardStreamableHTTPServerTransport;
  lastSeen: number;
  inFlight: number;
}

/** A JSON-RPC error response, as the MCP SDK's transport sends its own. */
const rpcError = (status: 400 | 401 | 403 | 404 | 503, message: string) =>
  Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status });

/**
 * MCP over Streamable HTTP at /mcp: one MCP session per client (its `Mcp-Session-Id` names its interpreter in the
 * pool), closed on DELETE or after the idle time. `close` ends every session.
 */
export function createMcpHttpApp(options: McpHttpOptions): { app: Hono; close(): Promise<void>; readonly sessions: number } {
  const { pool, settings } = options;
  const sessions = new Map<string, HttpSession>();
  const app = new Hono();

  const sweep = setInterval(
    () => {
      const now = Date.now();
      for (const [, s] of sessions) if (s.inFlight === 0 && now - s.lastSeen > settings.idleMs) void s.transport.close();
    },
    Math.max(1000, Math.min(30_000, settings.idleMs / 4)),
  );
  sweep.unref();

  app.use('/mcp', async (c, next) => {
    // A web page must not drive a local server through the user's browser (DNS rebinding, CSRF).
    if (options.loopback && c.req.header('origin'))
      return rpcError(403, 'Requests from web pages are refused: connect with an MCP client.');
    if (options.token) {
      const auth = c.req.header('authorization') ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!safeTokenEqual(given, options.token))
        return rpcError(401, 'Missing or wrong access token: send "Authorization: Bearer <EXECUTOR_MCP_TOKEN>".');
    }
    return next();
  });

  app.all('/mcp', async (c) => {
    const id = c.req.header('mcp-session-id');
    if (id) {
      const session = sessions.get(id);
      if (!session)
        return rpcError(
          404,
          `No MCP session ${id.slice(0, 80)} (closed, idle for too long, or the server restarted): initialize a new one.`,
        );
      session.lastSeen = Date.now();
      // A GET is the client's standing stream for server messages: open for the session's life, it is not a call.
      if (c.req.method !== 'POST') return session.transport.handleRequest(c.req.raw);
      session.inFlight++;
      const done = () => {
        session.inFlight--;
        session.lastSeen = Date.now();
      };
      let response: Response;
      try {
        response = await session.transport.handleRequest(c.req.raw);
      } catch (err) {
        done();
        throw err;
      }
      // A call answered over SSE is in flight until its stream ends (its progress notifications come first).
      if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
        done();
        return response;
      }
      return new Response(onStreamEnd(response.body, done), response);
    }
    if (c.req.method !== 'POST') return rpcError(400, 'Send an initialize request first (POST /mcp without Mcp-Session-Id).');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ jsonrpc: '2.0', error: { code: -32700, message: 'The body is not JSON.' }, id: null }, 400);
    }
    if (!isInitializeRequest(body)) return rpcError(400, 'No Mcp-Session-Id: the first request of a session must be initialize.');
    if (sessions.size >= settings.maxSessions)
      return rpcError(
        503,
        `Executor already has ${settings.maxSessions} MCP sessions, its limit (EXECUTOR_MCP_MAX_SESSIONS): close one (DELETE /mcp) or try again later.`,
      );
    // Behind a load balancer the id names its replica, which the balancer routes by (docs/deploy.md).
    const sessionId = settings.replicaId ? `${settings.replicaId}-${randomUUID()}` : randomUUID();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => sessionId });
    sessions.set(sessionId, { transport, lastSeen: Date.now(), inFlight: 0 });
    transport.onclose = () => {
      sessions.delete(sessionId);
      void pool.close(sessionId);
    };
    await createMcpServer(sessionId, pool, settings).connect(transport);
    return transport.handleRequest(c.req.raw, { parsedBody: body });
  });

  return {
    app,
    get sessions() {
      return sessions.size;
    },
    async close() {
      clearInterval(sweep);
      await Promise.all([...sessions.values()].map((s) => s.transport.close()));
    },
  };
}
