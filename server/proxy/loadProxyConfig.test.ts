// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadProxyConfig } from './loadProxyConfig.ts';
import { PROXY_DEFAULTS } from './ProxyConfig.ts';

const AZURE = {
  AZURE_OPENAI_ENDPOINT: 'https://my-res.openai.azure.com/',
  AZURE_OPENAI_API_KEY: 'secret-key-1234567890',
  AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini',
};

describe('loadProxyConfig', () => {
  it('treats an empty environment as "no LLM configured", without problems, with defaults', () => {
    const { config, problems } = loadProxyConfig({});
    expect(problems).toEqual([]);
    expect(config).toEqual({ llm: null, accessToken: null, redisUrl: null, ...PROXY_DEFAULTS });
  });

  it('uses the v1 API when AZURE_OPENAI_API_VERSION is unset and normalises the endpoint', () => {
    for (const endpoint of [
      'https://my-res.openai.azure.com',
      'https://my-res.openai.azure.com/openai/v1/',
      'https://my-res.openai.azure.com/openai',
    ]) {
      const { config, problems } = loadProxyConfig({ ...AZURE, AZURE_OPENAI_ENDPOINT: endpoint });
      expect(problems).toEqual([]);
      expect(config.llm).toEqual({
        mode: 'azure-v1',
        endpoint: 'https://my-res.openai.azure.com',
        apiKey: AZURE.AZURE_OPENAI_API_KEY,
        deployment: 'gpt-4o-mini',
      });
    }
  });

  it('uses the versioned API when AZURE_OPENAI_API_VERSION is set', () => {
    const { config, problems } = loadProxyConfig({ ...AZURE, AZURE_OPENAI_API_VERSION: '2024-10-21' });
    expect(problems).toEqual([]);
    expect(config.llm).toMatchObject({ mode: 'azure-versioned', apiVersion: '2024-10-21' });
  });

  it('reports a partial configuration (key without endpoint) and leaves the LLM off', () => {
    const { config, problems } = loadProxyConfig({ AZURE_OPENAI_API_KEY: 'k-123456', AZURE_OPENAI_DEPLOYMENT: 'd' });
    expect(config.llm).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AZURE_OPENAI_ENDPOINT is missing — set it to https:\/\/<resource>\.openai\.azure\.com/);
  });

  it('reports every missing piece on its own line', () => {
    const { problems } = loadProxyConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^AZURE_OPENAI_API_KEY is missing/);
    expect(problems[1]).toMatch(/^AZURE_OPENAI_DEPLOYMENT is missing/);
  });

  it('rejects endpoints that are not https URLs (http only for loopback)', () => {
    const bad = [
      'my-res.openai.azure.com',
      'http://my-res.openai.azure.com',
      'https://user:pw@x.openai.azure.com',
      'https://x.openai.azure.com/?a=1',
      'https://x.openai.azure.com/openai/deployments/d',
    ];
    for (const endpoint of bad) {
      const { config, problems } = loadProxyConfig({ ...AZURE, AZURE_OPENAI_ENDPOINT: endpoint });
      expect(config.llm, endpoint).toBeNull();
      expect(problems, endpoint).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^AZURE_OPENAI_ENDPOINT is not a valid https URL: .* — set it to https:\/\/<resource>\.openai\.azure\.com$/,
      );
    }
    expect(loadProxyConfig({ ...AZURE, AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:8080' }).problems).toEqual([]);
  });

  it('rejects a bad API version, deployment name or key with a hint', () => {
    const { config, problems } = loadProxyConfig({
      ...AZURE,
      AZURE_OPENAI_API_VERSION: 'v1',
      AZURE_OPENAI_DEPLOYMENT: 'my deployment',
      AZURE_OPENAI_API_KEY: 'abc def',
    });
    expect(config.llm).toBeNull();
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/AZURE_OPENAI_API_VERSION "v1" is not a dated API version — unset it to use the v1 API/);
  });

  it('reads the numeric limits, and reports bad numbers while keeping defaults', () => {
    const { config, problems } = loadProxyConfig({
      TRUST_PROXY: '1',
      CHAT_RATE_LIMIT: '5',
      CHAT_MAX_BODY_BYTES: '2048',
      CHAT_MAX_MESSAGES: '7',
      CHAT_MAX_TOKENS: '100',
      CHAT_UPSTREAM_TIMEOUT_MS: '1500',
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      trustProxy: 1,
      rateLimitPerMinute: 5,
      maxBodyBytes: 2048,
      maxMessages: 7,
      maxTokens: 100,
      upstreamTimeoutMs: 1500,
    });

    const bad = loadProxyConfig({ TRUST_PROXY: 'true', CHAT_RATE_LIMIT: '-3', CHAT_MAX_TOKENS: '1e3' });
    expect(bad.config).toMatchObject({ trustProxy: 0, rateLimitPerMinute: 30, maxTokens: PROXY_DEFAULTS.maxTokens });
    expect(bad.problems).toHaveLength(3);
    expect(bad.problems[0]).toMatch(/^TRUST_PROXY "true" is not a whole number from 0 to 10 — set it to the number of reverse proxies/);
  });

  it('reads the access token and Redis URL, reporting weak or malformed values', () => {
    const ok = loadProxyConfig({ EXECUTOR_ACCESS_TOKEN: 'a'.repeat(32), REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(ok.problems).toEqual([]);
    expect(ok.config).toMatchObject({ accessToken: 'a'.repeat(32), redisUrl: 'redis://127.0.0.1:6379' });

    const bad = loadProxyConfig({ EXECUTOR_ACCESS_TOKEN: 'short', REDIS_URL: 'localhost:6379' });
    expect(bad.config.accessToken).toBe('short');
    expect(bad.config.redisUrl).toBeNull();
    expect(bad.problems).toHaveLength(2);
  });

  it('never puts a line break inside a problem, and never the key', () => {
    const { problems } = loadProxyConfig({
      AZURE_OPENAI_API_KEY: 'super-secret-key\nwith-newline',
      AZURE_OPENAI_ENDPOINT: 'nope',
      AZURE_OPENAI_API_VERSION: 'x',
      CHAT_MAX_MESSAGES: 'lots',
    });
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const p of problems) {
      expect(p).not.toMatch(/[\r\n]/);
      expect(p).not.toContain('super-secret-key');
    }
  });
});
