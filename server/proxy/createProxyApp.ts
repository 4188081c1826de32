import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ProxyConfig } from './ProxyConfig.ts';
import { ProxyError } from './ProxyError.ts';
import { checkSameOrigin } from './checkSameOrigin.ts';
import { createChatRateLimiter, type ChatRateLimiter } from './createChatRateLimiter.ts';
import { createScrubber } from './createScrubber.ts';
import { createUpstreamClient } from './createUpstreamClient.ts';
import { errorResponse } from './errorResponse.ts';
import { forwardChatCompletion } from './forwardChatCompletion.ts';
import { parseChatRequest } from './parseChatRequest.ts';
import { readLimitedBody } from './readLimitedBody.ts';
import { resolveClientKey } from './resolveClientKey.ts';
import { safeTokenEqual } from './safeTokenEqual.ts';

/** Path of the OpenAI-compatible chat endpoint. */
export const CHAT_COMPLETIONS_PATH = '/api/openai/v1/chat/completions';
/** Path of the public health endpoint. */
export const HEALTH_PATH = '/api/health';

/** Optional collaborators, mainly for tests. */
export interface ProxyAppDeps {
  /** fetch used for upstream calls (default: global fetch). */
  fetch?: typeof globalThis.fetch;
  /** Rate limiter to use instead of the one built from config (the caller then closes it). */
  rateLimiter?: ChatRateLimiter;
  /**
   * Returns the socket's remote address. Default: `getConnInfo` from `@hono/node-server/conninfo`
   * (requires serving with `@hono/node-server`); `undefined` when unknown.
   */
  remoteAddress?: (c: Context) => string | undefined;
  /** Server-side log lines (never sent to clients). Default: `console.warn`. */
  log?: (line: string) => void;
}

/** The body of `GET /api/health`. */
export interface HealthBody {
  ok: true;
  llm: { configured: boolean; mode: 'azure-v1' | 'azure-versioned' | 'none'; deployment?: string };
  /** True when the chat endpoint needs `Authorization: Bearer <EXECUTOR_ACCESS_TOKEN>`. */
  accessTokenRequired: boolean;
}

/** The Hono sub-app plus lifecycle hooks for the Redis connection. */
export type ProxyApp = Hono & {
  /** Resolves when the rate-limit store is connected (immediately for memory); rejects with a one-line reason. */
  ready(): Promise<void>;
  /** Closes the Redis connection, if the app opened one. Call on shutdown. */
  close(): Promise<void>;
};

/**
 * Creates the chat proxy as a Hono sub-app; mount it with `app.route('/', createProxyApp(config))`.
 *
 * Routes:
 * - `GET /api/health` → {@link HealthBody} (public, never contains the key or endpoint);
 * - `POST /api/openai/v1/chat/completions` → OpenAI-compatible chat completions forwarded to Azure
 *   OpenAI (JSON, or SSE with `stream: true`), after: same-origin check (403), LLM configured (503),
 *   per-client rate limit (429 + Retry-After), access token (401), JSON content type (415),
 *   body size (413), message count and shape (400).
 *
 * Middleware is registered on these paths only, so it does not leak into the parent app.
 * No CORS headers are ever sent.
 *
 * @param config from `loadProxyConfig(process.env).config`.
 * @param deps optional fetch, rate limiter, remote-address lookup and logger.
 */
export function createProxyApp(config: ProxyConfig, deps: ProxyAppDeps = {}): ProxyApp {
  const log = deps.log ?? ((line: string) => console.warn(line));
  const scrub = createScrubber([config.llm?.apiKey, config.accessToken]);
  const ownsLimiter = deps.rateLimiter === undefined;
  const limiter = deps.rateLimiter ?? createChatRateLimiter({ pointsPerMinute: config.rateLimitPerMinute, redisUrl: config.redisUrl, log });
  const client = config.llm
    ? createUpstreamClient(config.llm, { timeoutMs: config.upstreamTimeoutMs, ...(deps.fetch ? { fetch: deps.fetch } : {}) })
    : null;
  const remoteAddress = deps.remoteAddress ?? defaultRemoteAddress;

  const app = new Hono();

  app.onError((err) => {
    if (err instanceof ProxyError) return errorResponse(err, scrub);
    log(`[chat proxy] unexpected error: ${scrub(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
    return errorResponse(
      new ProxyError(500, 'internal_error', 'The chat proxy failed unexpectedly: see the server log for details.'),
      scrub,
    );
  });

  const sameOrigin: MiddlewareHandler = async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    const rejection = checkSameOrigin(c.req.raw.headers, config.trustProxy);
    if (rejection) {
      throw new ProxyError(
        403,
        'forbidden_origin',
        `Cross-origin request refused: ${rejection}. Open the app from this server's own address.`,
      );
    }
    await next();
  };
  app.use(HEALTH_PATH, sameOrigin);
  app.use('/api/openai/*', sameOrigin);

  app.get(HEALTH_PATH, (c) => {
    const body: HealthBody = {
      ok: true,
      llm: config.llm
        ? { configured: true, mode: config.llm.mode, deployment: config.llm.deployment }
        : { configured: false, mode: 'none' },
      accessTokenRequired: config.accessToken !== null,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.post(CHAT_COMPLETIONS_PATH, async (c) => {
    if (!config.llm || !client) {
      throw new ProxyError(
        503,
        'llm_not_configured',
        'No Azure OpenAI is configured on this server, so the offline assistant is used: set AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT on the server to enable it.',
      );
    }
    const key = resolveClientKey(remoteAddress(c), c.req.header('x-forwarded-for'), config.trustProxy);
    let decision;
    try {
      decision = await limiter.consume(key);
    } catch (err) {
      log(`[chat proxy] rate limiter failed: ${err instanceof Error ? err.message : String(err)}`);
      throw new ProxyError(
        503,
        'rate_limiter_unavailable',
        'The rate limiter is unavailable: try again in a moment; the server log has details.',
        5,
      );
    }
    if (!decision.allowed) {
      throw new ProxyError(
        429,
        'rate_limited',
        `Too many chat requests from this client (limit ${config.rateLimitPerMinute} per minute): wait ${decision.retryAfterSeconds} s and try again.`,
        decision.retryAfterSeconds,
      );
    }
    if (config.accessToken !== null) {
      const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header('authorization') ?? '');
      if (!match?.[1] || !safeTokenEqual(match[1], config.accessToken)) {
        throw new ProxyError(
          401,
          'unauthorized',
          'This server requires an access token for the chat: send Authorization: Bearer <EXECUTOR_ACCESS_TOKEN> (enter the token in the app settings).',
        );
      }
    }
    const contentType = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(contentType.trim())) {
      throw new ProxyError(
        415,
        'unsupported_media_type',
        `Send the chat request as JSON with Content-Type: application/json (got "${contentType.slice(0, 80)}").`,
      );
    }
    const text = await readLimitedBody(c.req.raw, config.maxBodyBytes);
    const request = parseChatRequest(text, { maxMessages: config.maxMessages, maxTokens: config.maxTokens });
    return forwardChatCompletion(c, request, {
      client,
      llm: config.llm,
      timeoutMs: config.upstreamTimeoutMs,
      scrub,
      log,
    });
  });

  app.all(CHAT_COMPLETIONS_PATH, () => {
    throw new ProxyError(405, 'method_not_allowed', `Use POST for ${CHAT_COMPLETIONS_PATH}.`);
  });
  app.all('/api/openai/*', () => {
    throw new ProxyError(404, 'not_found', `Only POST ${CHAT_COMPLETIONS_PATH} is available under /api/openai.`);
  });

  return Object.assign(app, {
    ready: () => limiter.ready(),
    close: () => (ownsLimiter ? limiter.close() : Promise.resolve()),
  });
}

function defaultRemoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
