import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProxyError } from './ProxyError.ts';

/** What {@link mapUpstreamError} needs to know besides the error. */
export interface UpstreamErrorContext {
  /** Configured deployment name (shown in the 404 message). */
  deployment: string;
  /** CHAT_UPSTREAM_TIMEOUT_MS, shown in the timeout message. */
  timeoutMs: number;
  /** True when the proxy itself aborted the upstream call because it took too long. */
  timedOut: boolean;
  /** True when the browser went away (nobody will read the answer). */
  clientGone: boolean;
}

/**
 * Turns an error thrown by the `openai` package (or anything else) into a {@link ProxyError}
 * whose message says what to fix. Upstream text is included only for 400s, and callers scrub
 * every message before sending it.
 * @param err what was thrown.
 * @param ctx deployment, timeout and abort state.
 */
export function mapUpstreamError(err: unknown, ctx: UpstreamErrorContext): ProxyError {
  if (err instanceof ProxyError) return err;
  if (ctx.timedOut || err instanceof APIConnectionTimeoutError) {
    return new ProxyError(
      504,
      'upstream_timeout',
      `Azure OpenAI did not answer within ${ctx.timeoutMs} ms: try again, or ask for a shorter answer; the server's limit is CHAT_UPSTREAM_TIMEOUT_MS.`,
    );
  }
  if (ctx.clientGone || err instanceof APIUserAbortError) {
    return new ProxyError(499, 'client_closed_request', 'The client closed the request before the answer arrived.');
  }
  if (err instanceof APIConnectionError) {
    const reason = connectionReason(err);
    return new ProxyError(
      502,
      'upstream_unreachable',
      `The server could not reach Azure OpenAI (${reason}): check AZURE_OPENAI_ENDPOINT and the server's outbound network/firewall.`,
    );
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    return fromStatus(err as APIError, err.status, ctx);
  }
  return new ProxyError(500, 'internal_error', 'The chat proxy failed unexpectedly: see the server log for details.');
}

function fromStatus(err: APIError, status: number, ctx: UpstreamErrorContext): ProxyError {
  const code = typeof err.code === 'string' ? err.code : undefined;
  const upstreamMessage = upstreamText(err);
  switch (status) {
    case 401:
      return new ProxyError(
        502,
        'upstream_auth_failed',
        'Azure OpenAI rejected the API key (401): check AZURE_OPENAI_API_KEY on the server (Azure portal → your resource → Keys and Endpoint) and that AZURE_OPENAI_ENDPOINT is that same resource.',
      );
    case 403:
      return new ProxyError(
        502,
        'upstream_forbidden',
        "Azure OpenAI refused access (403): the resource's networking rules or permissions block this server — check the resource's firewall/private endpoint settings and that the key belongs to it.",
      );
    case 404:
      if (code === 'DeploymentNotFound') {
        return new ProxyError(
          502,
          'upstream_deployment_not_found',
          `Azure OpenAI has no deployment named "${ctx.deployment}" (404 DeploymentNotFound): set AZURE_OPENAI_DEPLOYMENT to the deployment name (not the model name) shown in Azure AI Foundry → Deployments; new deployments can take a few minutes.`,
        );
      }
      return new ProxyError(
        502,
        'upstream_not_found',
        'Azure OpenAI answered 404 Resource not found: check AZURE_OPENAI_ENDPOINT (https://<resource>.openai.azure.com) and AZURE_OPENAI_API_VERSION (unset it to use the v1 API).',
      );
    case 429: {
      const retryAfter = retryAfterSeconds(err.headers);
      const wait = retryAfter !== undefined ? `wait ${retryAfter} s and try again` : 'wait a little and try again';
      return new ProxyError(
        429,
        'upstream_rate_limited',
        `Azure OpenAI is rate limiting this deployment (429): ${wait}; if it happens often, raise the deployment's tokens-per-minute quota in Azure.`,
        retryAfter,
      );
    }
    case 400:
      if (code === 'content_filter') {
        return new ProxyError(
          400,
          'upstream_content_filter',
          "Azure OpenAI's content filter blocked this prompt (400 content_filter): rephrase the request.",
        );
      }
      if (code === 'context_length_exceeded') {
        return new ProxyError(
          400,
          'upstream_context_length',
          "The conversation is too long for the model's context window (400): start a new chat or remove earlier messages.",
        );
      }
      return new ProxyError(
        400,
        'upstream_bad_request',
        `Azure OpenAI rejected the request (400${code ? ` ${code}` : ''}): ${upstreamMessage}`,
      );
    default:
      if (status >= 500) {
        return new ProxyError(
          502,
          'upstream_error',
          `Azure OpenAI had an internal error (${status}): try again in a moment; if it keeps happening, check Azure's status page.`,
        );
      }
      return new ProxyError(
        502,
        'upstream_error',
        `Azure OpenAI answered with an unexpected status ${status}${code ? ` (${code})` : ''}: ${upstreamMessage}`,
      );
  }
}

function upstreamText(err: APIError): string {
  const body: unknown = err.error;
  const message = body && typeof body === 'object' ? (body as Record<string, unknown>)['message'] : undefined;
  const text = typeof message === 'string' ? message : err.message;
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** Reads `retry-after-ms` or `retry-after` (seconds or HTTP date) into whole seconds. */
function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return Math.max(1, Math.ceil(ms / 1000));
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(raw);
  if (Number.isFinite(date)) return Math.max(1, Math.ceil((date - Date.now()) / 1000));
  return undefined;
}

function connectionReason(err: APIConnectionError): string {
  let cause: unknown = err.cause;
  for (let depth = 0; depth < 4 && cause; depth += 1) {
    if (cause && typeof cause === 'object') {
      const code = (cause as Record<string, unknown>)['code'];
      if (code === 'ECONNREFUSED') return 'connection refused';
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
      if (code === 'ECONNRESET') return 'connection reset';
      if (typeof code === 'string' && /CERT|SSL|TLS/i.test(code)) return `TLS error ${code}`;
      if (typeof code === 'string') return code;
      cause = (cause as Record<string, unknown>)['cause'];
    } else break;
  }
  return 'connection failed';
}
