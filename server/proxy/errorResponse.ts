import type { ProxyError } from './ProxyError.ts';
import type { Scrubber } from './createScrubber.ts';

/**
 * Builds the JSON error response `{ error: { code, message } }` for a {@link ProxyError},
 * with `Retry-After` when set. The message is scrubbed of secrets.
 * @param err the error to answer with.
 * @param scrub removes secrets from the message.
 */
export function errorResponse(err: ProxyError, scrub: Scrubber): Response {
  const headers = new Headers({
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (err.retryAfterSeconds !== undefined) headers.set('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
  if (err.status === 401 && err.code === 'unauthorized') headers.set('WWW-Authenticate', 'Bearer realm="executor"');
  const body = JSON.stringify({ error: { code: err.code, message: scrub(err.message) } });
  return new Response(body, { status: err.status, headers });
}
