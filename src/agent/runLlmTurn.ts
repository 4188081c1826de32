import type OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionMessageFunctionToolCall } from 'openai/resources/chat/completions';
import { clip } from './tools/runSummary.ts';
import { invokeTool, toOpenAITool, type AgentTool } from './tools/defineTool.ts';
import { findTool } from './tools/createToolbox.ts';
import type { AgentEventSink, ToolContext, ToolOutcome } from './types.ts';

/** Default most model calls per user message. */
export const DEFAULT_MAX_STEPS = 8;

/** What {@link runLlmTurn} needs. */
export interface LlmTurnOptions {
  client: OpenAI;
  /** Sent as `model`; the server's proxy replaces it with its deployment. */
  model: string;
  /** The conversation so far (system prompt first); the turn appends to it. */
  history: ChatCompletionMessageParam[];
  tools: readonly AgentTool[];
  ctx: ToolContext;
  onEvent: AgentEventSink;
  signal?: AbortSignal;
  maxSteps?: number;
}

/** The text a tool's outcome becomes for the model. */
export function toolMessageContent(outcome: ToolOutcome): string {
  return clip(JSON.stringify({ ok: outcome.ok, summary: outcome.summary, result: outcome.data }), 12_000);
}

/**
 * One user turn with the model: streams its text, runs the tools it calls, feeds
 * their results back, until it answers without tools or the step limit is reached.
 * Returns the turn's final text. The history stays a valid conversation even when stopped.
 */
export async function runLlmTurn(options: LlmTurnOptions): Promise<string> {
  const { client, model, history, tools, ctx, onEvent, signal } = options;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const openaiTools = tools.map(toOpenAITool);
  let finalText = '';
  for (let step = 1; step <= maxSteps; step += 1) {
    const stream = await client.chat.completions.create(
      { model, messages: history, stream: true, ...(openaiTools.length ? { tools: openaiTools } : {}) },
      { signal },
    );
    let text = '';
    const calls: ChatCompletionMessageFunctionToolCall[] = [];
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta; // Azure's first chunk has no choices
      if (!delta) continue;
      if (delta.content) {
        text += delta.content;
        onEvent({ type: 'text', delta: delta.content });
      }
      for (const d of delta.tool_calls ?? []) {
        const call = (calls[d.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
        if (d.id) call.id = d.id;
        if (d.function?.name) call.function.name += d.function.name;
        if (d.function?.arguments) call.function.arguments += d.function.arguments;
      }
    }
    // openai-node ends a stream quietly when it is aborted: a stopped answer must not count as complete.
    signal?.throwIfAborted();
    const toolCalls = calls.filter(Boolean);
    history.push({ role: 'assistant', content: text || null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) });
    finalText = text;
    if (toolCalls.length === 0) return finalText;
    let answered = 0;
    try {
      for (const call of toolCalls) {
        signal?.throwIfAborted();
        const tool = findTool(tools, call.function.name);
        let args: unknown = call.function.arguments;
        try {
          args = JSON.parse(call.function.arguments || '{}');
        } catch {
          // invokeTool reports the bad JSON
        }
        onEvent({ type: 'tool-start', id: call.id, name: call.function.name, args });
        const outcome: ToolOutcome = tool
          ? await invokeTool(tool, call.function.arguments, ctx)
          : { ok: false, summary: `There is no tool named ${call.function.name}.`, data: { available: tools.map((t) => t.name) } };
        onEvent({ type: 'tool-end', id: call.id, name: call.function.name, outcome });
        history.push({ role: 'tool', tool_call_id: call.id, content: toolMessageContent(outcome) });
        answered += 1;
      }
    } finally {
      // Stopped between tool calls: answer the rest so the conversation stays valid for the next message.
      for (const call of toolCalls.slice(answered)) {
        history.push({
          role: 'tool',
          tool_call_id: call.id,
          content: JSON.stringify({ ok: false, summary: 'Stopped by the user before it ran.' }),
        });
      }
    }
  }
  const note = `\n\n_Stopped after ${maxSteps} steps (the step limit)._`;
  onEvent({ type: 'text', delta: note });
  history.push({ role: 'assistant', content: note.trim() });
  return finalText + note;
}
