/**
 * How the proxy reaches Azure OpenAI.
 *
 * - `azure-v1`: the v1 API (`<endpoint>/openai/v1/`, deployment sent as `model`), used when
 *   AZURE_OPENAI_API_VERSION is unset;
 * - `azure-versioned`: the dated API (`<endpoint>/openai/deployments/<deployment>/...?api-version=`).
 */
export type LlmConfig =
  | {
      mode: 'azure-v1';
      /** Resource endpoint without trailing slash or `/openai` suffix, e.g. `https://res.openai.azure.com`. */
      endpoint: string;
      /** The secret key; never sent to the browser. */
      apiKey: string;
      /** Deployment name. */
      deployment: string;
    }
  | {
      mode: 'azure-versioned';
      /** Resource endpoint without trailing slash or `/openai` suffix. */
      endpoint: string;
      /** The secret key; never sent to the browser. */
      apiKey: string;
      /** Deployment name. */
      deployment: string;
      /** Dated API version, e.g. `2024-10-21`. */
      apiVersion: string;
    };

/** Everything the chat proxy needs, normally produced by `loadProxyConfig(process.env)`. */
export interface ProxyConfig {
  /** Azure OpenAI connection, or `null` when no LLM is configured (the app uses its offline assistant). */
  llm: LlmConfig | null;
  /** When set, the chat endpoint requires `Authorization: Bearer <accessToken>`. */
  accessToken: string | null;
  /** When set, rate limits are kept in this Redis so several instances share them. */
  redisUrl: string | null;
  /** Number of reverse-proxy hops whose X-Forwarded-For entries are believed (0 = use the socket address). */
  trustProxy: number;
  /** Chat requests per minute per client. */
  rateLimitPerMinute: number;
  /** Largest accepted chat request body in bytes. */
  maxBodyBytes: number;
  /** Largest accepted number of messages per chat request. */
  maxMessages: number;
  /** Upper bound for `max_tokens` (also used when the client sends none). */
  maxTokens: number;
  /** How long to wait for Azure OpenAI (time to first byte, and between streamed chunks), in ms. */
  upstreamTimeoutMs: number;
}

/** Defaults for the numeric limits, as documented in the README. */
export const PROXY_DEFAULTS = {
  trustProxy: 0,
  rateLimitPerMinute: 30,
  maxBodyBytes: 512 * 1024,
  maxMessages: 100,
  maxTokens: 4096,
  upstreamTimeoutMs: 60_000,
} as const satisfies Partial<ProxyConfig>;
