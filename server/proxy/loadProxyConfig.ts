import { PROXY_DEFAULTS, type LlmConfig, type ProxyConfig } from './ProxyConfig.ts';

/** Environment variables the proxy reads (a subset of `process.env`). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

/** Result of {@link loadProxyConfig}. */
export interface LoadedProxyConfig {
  /** Usable configuration: problematic values are replaced by defaults or disabled. */
  config: ProxyConfig;
  /** One line per configuration problem, saying what is wrong and how to fix it; empty when all is well. */
  problems: string[];
}

const LLM_VARS = ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_DEPLOYMENT', 'AZURE_OPENAI_API_VERSION'] as const;

/**
 * Reads the proxy configuration from environment variables.
 *
 * Nothing set means "no LLM configured" (not a problem: the app then uses its offline assistant).
 * A partial or invalid Azure configuration is reported in `problems` and leaves the LLM unconfigured.
 * Invalid numbers are reported and replaced by their defaults.
 *
 * @param env usually `process.env`.
 * @returns the configuration and a list of one-line problems to print at start-up.
 */
export function loadProxyConfig(env: ProxyEnv = process.env): LoadedProxyConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  const config: ProxyConfig = {
    llm: readLlm(read, problems),
    accessToken: readAccessToken(read, problems),
    redisUrl: readRedisUrl(read, problems),
    trustProxy: readInt(
      read,
      problems,
      'TRUST_PROXY',
      PROXY_DEFAULTS.trustProxy,
      0,
      10,
      'the number of reverse proxies in front of the server (0 when clients connect directly)',
    ),
    rateLimitPerMinute: readInt(
      read,
      problems,
      'CHAT_RATE_LIMIT',
      PROXY_DEFAULTS.rateLimitPerMinute,
      1,
      100_000,
      'chat requests per minute per client',
    ),
    maxBodyBytes: readInt(
      read,
      problems,
      'CHAT_MAX_BODY_BYTES',
      PROXY_DEFAULTS.maxBodyBytes,
      1024,
      50 * 1024 * 1024,
      'the largest chat request body in bytes',
    ),
    maxMessages: readInt(
      read,
      problems,
      'CHAT_MAX_MESSAGES',
      PROXY_DEFAULTS.maxMessages,
      1,
      10_000,
      'the largest number of messages per chat request',
    ),
    maxTokens: readInt(read, problems, 'CHAT_MAX_TOKENS', PROXY_DEFAULTS.maxTokens, 1, 1_000_000, 'the most tokens one answer may use'),
    upstreamTimeoutMs: readInt(
      read,
      problems,
      'CHAT_UPSTREAM_TIMEOUT_MS',
      PROXY_DEFAULTS.upstreamTimeoutMs,
      100,
      30 * 60_000,
      'milliseconds to wait for Azure OpenAI',
    ),
  };
  return { config, problems };
}

type Read = (name: string) => string | undefined;

function readLlm(read: Read, problems: string[]): LlmConfig | null {
  const set = LLM_VARS.filter((name) => read(name) !== undefined);
  if (set.length === 0) return null;
  const before = problems.length;
  const hint = `(you set ${set.join(', ')}; the chat stays on the offline assistant until this is fixed)`;

  const rawEndpoint = read('AZURE_OPENAI_ENDPOINT');
  const apiKey = read('AZURE_OPENAI_API_KEY');
  const deployment = read('AZURE_OPENAI_DEPLOYMENT');
  const apiVersion = read('AZURE_OPENAI_API_VERSION');

  let endpoint: string | undefined;
  if (!rawEndpoint) {
    problems.push(`AZURE_OPENAI_ENDPOINT is missing — set it to https://<resource>.openai.azure.com ${hint}`);
  } else {
    const result = normaliseEndpoint(rawEndpoint);
    if (typeof result === 'string') endpoint = result;
    else problems.push(`AZURE_OPENAI_ENDPOINT is not a valid https URL: ${result.reason} — set it to https://<resource>.openai.azure.com`);
  }
  if (!apiKey) {
    problems.push(`AZURE_OPENAI_API_KEY is missing — copy "Key 1" from the Azure portal (resource → Keys and Endpoint) ${hint}`);
  } else if (/\s/.test(apiKey)) {
    problems.push('AZURE_OPENAI_API_KEY contains whitespace — paste the key alone, without quotes, spaces or line breaks');
  }
  if (!deployment) {
    problems.push(`AZURE_OPENAI_DEPLOYMENT is missing — set it to the deployment name shown in Azure AI Foundry → Deployments ${hint}`);
  } else if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(deployment)) {
    problems.push(`AZURE_OPENAI_DEPLOYMENT "${deployment}" is not a valid deployment name — use letters, digits, ".", "_" or "-" (max 64)`);
  }
  if (apiVersion !== undefined && !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion)) {
    problems.push(
      `AZURE_OPENAI_API_VERSION "${apiVersion}" is not a dated API version — unset it to use the v1 API, or set e.g. 2024-10-21`,
    );
  }
  if (problems.length > before || !endpoint || !apiKey || !deployment) return null;
  return apiVersion === undefined
    ? { mode: 'azure-v1', endpoint, apiKey, deployment }
    : { mode: 'azure-versioned', endpoint, apiKey, deployment, apiVersion };
}

/**
 * Accepts `https://<resource>.openai.azure.com` with or without a trailing `/`, `/openai` or `/openai/v1`;
 * plain http is only accepted for loopback hosts (local fakes and tests).
 */
function normaliseEndpoint(raw: string): string | { reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { reason: `"${raw}" cannot be parsed` };
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { reason: `"${url.protocol}" scheme in "${url.origin}" (only https is allowed)` };
  }
  if (url.username || url.password) return { reason: 'it contains a user name or password' };
  if (url.search || url.hash) return { reason: `it has a query or fragment ("${url.search}${url.hash}")` };
  const path = url.pathname.replace(/\/+$/, '').replace(/\/openai(\/v1)?$/, '');
  if (/\/openai\//.test(`${path}/`)) {
    return { reason: `the path "${url.pathname}" points inside the API` };
  }
  return `${url.origin}${path}`;
}

function readAccessToken(read: Read, problems: string[]): string | null {
  const token = read('EXECUTOR_ACCESS_TOKEN');
  if (!token) return null;
  if (token.length < 16) {
    problems.push(
      'EXECUTOR_ACCESS_TOKEN is shorter than 16 characters — use a long random value, e.g. from `openssl rand -hex 32` (it is still enforced)',
    );
  }
  return token;
}

function readRedisUrl(read: Read, problems: string[]): string | null {
  const raw = read('REDIS_URL');
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return raw;
    problems.push(
      `REDIS_URL must start with redis:// or rediss:// (got "${url.protocol}") — rate limits stay per instance (in memory) until fixed`,
    );
  } catch {
    problems.push(
      'REDIS_URL cannot be parsed as a URL — set it like redis://127.0.0.1:6379; rate limits stay per instance (in memory) until fixed',
    );
  }
  return null;
}

function readInt(read: Read, problems: string[], name: string, fallback: number, min: number, max: number, meaning: string): number {
  const raw = read(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} "${raw}" is not a whole number from ${min} to ${max} — set it to ${meaning}; using ${fallback}`);
    return fallback;
  }
  return Number(raw);
}
