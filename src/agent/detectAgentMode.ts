/** Which assistant answers: the model behind the server's proxy, or the offline one. */
export interface AgentMode {
  kind: 'llm' | 'offline';
  /** The deployment name, in LLM mode. */
  deployment?: string;
  /** True when the server wants an access token for the chat. */
  accessTokenRequired: boolean;
  /** Why the offline assistant is used, when the server could not be asked. */
  reason?: string;
}

/** Asks the server (`GET /api/health`) whether an LLM is configured; offline when it is not or cannot be reached. */
export async function detectAgentMode(fetchImpl: typeof fetch = fetch, base = ''): Promise<AgentMode> {
  try {
    const res = await fetchImpl(`${base}/api/health`, { headers: { accept: 'application/json' } });
    if (!res.ok) return { kind: 'offline', accessTokenRequired: false, reason: `the server answered ${res.status}` };
    const body = (await res.json()) as { llm?: { configured?: boolean; deployment?: string }; accessTokenRequired?: boolean };
    if (!body.llm?.configured) return { kind: 'offline', accessTokenRequired: false };
    return {
      kind: 'llm',
      accessTokenRequired: body.accessTokenRequired === true,
      ...(body.llm.deployment ? { deployment: body.llm.deployment } : {}),
    };
  } catch (err) {
    return {
      kind: 'offline',
      accessTokenRequired: false,
      reason: `the server could not be reached (${err instanceof Error ? err.message : String(err)})`,
    };
  }
}
