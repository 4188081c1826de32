import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { runOfflineTurn, type OfflineMemory } from './offline/runOfflineTurn.ts';
import { runLlmTurn, DEFAULT_MAX_STEPS } from './runLlmTurn.ts';
import { SYSTEM_PROMPT } from './systemPrompt.ts';
import type { AgentTool } from './tools/defineTool.ts';
import type { AgentEventSink, ToolContext } from './types.ts';

/** Options of {@link createAgentSession}. */
export interface AgentSessionOptions {
  tools: readonly AgentTool[];
  ctx: ToolContext;
  /** The model behind the proxy; null for the offline assistant. */
  llm: { client: OpenAI; model?: string } | null;
  maxSteps?: number;
  /** Whether a UI shows tool cards (default true); false makes the offline assistant put results in its reply text. */
  cards?: boolean;
  /** A conversation to continue (LLM mode). */
  history?: ChatCompletionMessageParam[];
}

/** A conversation with one assistant (model or offline). */
export interface AgentSession {
  readonly mode: 'llm' | 'offline';
  /** The model conversation (system prompt first); empty for the offline assistant. */
  readonly history: ChatCompletionMessageParam[];
  /** Answers one message; events stream the text and tool calls. Resolves with the reply text. */
  send(message: string, onEvent?: AgentEventSink, signal?: AbortSignal): Promise<string>;
}

/** Creates a session; LLM and offline share the tools, the events and the reply. */
export function createAgentSession(options: AgentSessionOptions): AgentSession {
  const history: ChatCompletionMessageParam[] = options.history?.length
    ? options.history
    : options.llm
      ? [{ role: 'system', content: SYSTEM_PROMPT }]
      : [];
  // The offline assistant's follow-ups ("run it again") refer to this conversation's last code.
  const memory: OfflineMemory = { lastCode: null };
  return {
    mode: options.llm ? 'llm' : 'offline',
    history,
    async send(message, onEvent = () => undefined, signal) {
      if (!options.llm)
        return runOfflineTurn(message, {
          tools: options.tools,
          ctx: options.ctx,
          onEvent,
          memory,
          cards: options.cards ?? true,
          ...(signal ? { signal } : {}),
        });
      const before = history.length;
      history.push({ role: 'user', content: message });
      try {
        return await runLlmTurn({
          client: options.llm.client,
          model: options.llm.model ?? 'executor',
          history,
          tools: options.tools,
          ctx: options.ctx,
          onEvent,
          maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
          ...(signal ? { signal } : {}),
        });
      } catch (err) {
        // A turn the model never answered is dropped, so the next message starts from a valid conversation.
        if (history.length === before + 1) history.pop();
        throw err;
      }
    },
  };
}
