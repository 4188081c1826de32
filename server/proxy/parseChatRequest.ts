import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { chatRequestSchema } from './chatRequestSchema.ts';
import { ProxyError } from './ProxyError.ts';

/** Limits applied while parsing a chat request. */
export interface ChatRequestLimits {
  /** Most messages allowed (CHAT_MAX_MESSAGES). */
  maxMessages: number;
  /** Upper bound for `max_tokens` (CHAT_MAX_TOKENS); also the value used when none is sent. */
  maxTokens: number;
}

/** The request to forward upstream, without `model` (the server sets the deployment). */
export type ForwardedChatRequest = Omit<ChatCompletionCreateParamsNonStreaming, 'model' | 'stream'> & {
  /** Whether the client asked for Server-Sent Events. */
  stream: boolean;
};

/**
 * Parses and validates the JSON text of a chat request and reduces it to the allowlist
 * (messages, tools, tool_choice, temperature, max_tokens, stream). `max_tokens` is clamped to
 * `limits.maxTokens`.
 * @param text the raw request body.
 * @param limits message and token limits.
 * @throws {ProxyError} 400 `invalid_json`, `invalid_request` or `too_many_messages`.
 */
export function parseChatRequest(text: string, limits: ChatRequestLimits): ForwardedChatRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ProxyError(
      400,
      'invalid_json',
      `The request body is not valid JSON (${detail}): send a JSON object like {"messages":[{"role":"user","content":"Hi"}]}.`,
    );
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const messages = (json as Record<string, unknown>)['messages'];
    if (Array.isArray(messages) && messages.length > limits.maxMessages) {
      throw new ProxyError(
        400,
        'too_many_messages',
        `The conversation has ${messages.length} messages but at most ${limits.maxMessages} are allowed: start a new chat or drop older messages (server limit CHAT_MAX_MESSAGES).`,
      );
    }
  }
  const parsed = chatRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : 'body';
      return `${where}: ${issue.message}`;
    });
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
    throw new ProxyError(
      400,
      'invalid_request',
      `The chat request is malformed — ${issues.join('; ')}${more}. Send an OpenAI chat completions body: {"messages":[{"role":"user","content":"..."}]} with optional tools, tool_choice, temperature, max_tokens, stream.`,
    );
  }
  const { messages, tools, tool_choice, temperature, max_tokens, stream } = parsed.data;
  return {
    messages,
    ...(tools !== undefined ? { tools } : {}),
    ...(tool_choice !== undefined ? { tool_choice } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    max_tokens: Math.min(max_tokens ?? limits.maxTokens, limits.maxTokens),
    stream: stream ?? false,
  };
}
