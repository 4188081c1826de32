import OpenAI, { AzureOpenAI } from 'openai';
import type { LlmConfig } from './ProxyConfig.ts';

/** Options for {@link createUpstreamClient}. */
export interface UpstreamClientOptions {
  /** Time to wait for response headers, in ms (CHAT_UPSTREAM_TIMEOUT_MS). */
  timeoutMs: number;
  /** Custom fetch (tests); defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Creates the `openai` client for the configured Azure OpenAI resource.
 *
 * - `azure-v1`: `new OpenAI({ baseURL: <endpoint>/openai/v1/, apiKey })`, the deployment goes in `model`;
 * - `azure-versioned`: `new AzureOpenAI({ apiKey, apiVersion, deployment, baseURL: <endpoint>/openai })`
 *   (the same URL `endpoint` would produce, but immune to a stray OPENAI_BASE_URL in the environment).
 *
 * Retries are off (`maxRetries: 0`): the browser decides whether to retry, and timeouts stay bounded.
 * Organization/project are pinned to `null` so OPENAI_ORG_ID/OPENAI_PROJECT_ID are never sent to Azure.
 *
 * @param llm the Azure configuration.
 * @param options timeout and optional fetch.
 */
export function createUpstreamClient(llm: LlmConfig, options: UpstreamClientOptions): OpenAI {
  const common = {
    apiKey: llm.apiKey,
    maxRetries: 0,
    timeout: options.timeoutMs,
    organization: null,
    project: null,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  if (llm.mode === 'azure-v1') {
    return new OpenAI({ ...common, baseURL: `${llm.endpoint}/openai/v1/` });
  }
  return new AzureOpenAI({
    ...common,
    baseURL: `${llm.endpoint}/openai`,
    apiVersion: llm.apiVersion,
    deployment: llm.deployment,
  });
}
