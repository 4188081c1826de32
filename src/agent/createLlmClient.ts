import OpenAI from 'openai';

/** Path of the server's OpenAI-compatible proxy (the key stays on the server). */
export const PROXY_BASE_PATH = '/api/openai/v1';

/**
 * The `openai` client pointed at the app's own proxy. The browser never has the
 * Azure key: `apiKey` is the optional Executor access token (or a placeholder).
 */
export function createLlmClient(options: { origin?: string; accessToken?: string | null } = {}): OpenAI {
  const origin = options.origin ?? globalThis.location?.origin ?? 'http://127.0.0.1';
  return new OpenAI({
    baseURL: `${origin}${PROXY_BASE_PATH}`,
    apiKey: options.accessToken || 'no-key-in-the-browser',
    dangerouslyAllowBrowser: true, // safe here: the "key" is not a secret (see above)
    maxRetries: 0, // the proxy already says what to fix; a retry would only double the wait
    timeout: 120_000,
  });
}

/** A readable one-line message for an error from the proxy or the network. */
export function describeLlmError(err: unknown): string {
  if (err instanceof OpenAI.APIError) {
    const body = err.error as { message?: string } | undefined;
    const message = body?.message ?? err.message;
    return err.status ? `The assistant's server answered ${err.status}: ${message}` : message;
  }
  return err instanceof Error ? err.message : String(err);
}
