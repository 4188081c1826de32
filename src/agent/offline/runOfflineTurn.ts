import type { AgentTool } from '../tools/defineTool.ts';
import { invokeTool } from '../tools/defineTool.ts';
import { findTool } from '../tools/createToolbox.ts';
import type { AgentEventSink, ToolContext, ToolOutcome } from '../types.ts';
import { planOffline } from './planOffline.ts';
import { replyForMissing } from './replies.ts';
import { intentFor } from './intents/registry.ts';
import type { OfflineTurn } from './intents/offlineIntent.ts';

export { CHAT_TEST_FILE } from './intents/tests.ts';

/** What the offline assistant remembers between messages of one conversation (for follow-ups). */
export interface OfflineMemory {
  /** The code it last ran or profiled: "run it again", "now with n = 30", "profile that". */
  lastCode: string | null;
}

/** What {@link runOfflineTurn} needs. */
export interface OfflineTurnOptions {
  tools: readonly AgentTool[];
  ctx: ToolContext;
  onEvent: AgentEventSink;
  signal?: AbortSignal;
  /** The conversation's memory; without it, follow-ups fall back to the editor's code. */
  memory?: OfflineMemory;
  /** Whether tool cards show the results (the chat pane); false: the reply text carries the output (the programmatic agent). */
  cards?: boolean;
}

let callCounter = 0;

/**
 * The offline assistant's answer to one message: it plans with {@link planOffline} (several
 * steps, follow-ups, a question when unsure), calls the same tools the model would (shown as
 * the same tool cards), writes a short reply per step and, for several steps, a summary.
 */
export async function runOfflineTurn(message: string, options: OfflineTurnOptions): Promise<string> {
  const { tools, ctx, onEvent, signal } = options;
  const memory = options.memory ?? { lastCode: null };
  const cards = options.cards ?? true;
  let reply = '';
  const say = (text: string) => {
    const delta = reply ? `\n\n${text}` : text;
    reply += delta;
    onEvent({ type: 'text', delta });
  };
  const call = async (name: string, args: Record<string, unknown>): Promise<ToolOutcome | null> => {
    const tool = findTool(tools, name);
    if (!tool) return null;
    signal?.throwIfAborted();
    const id = `offline_${++callCounter}`;
    onEvent({ type: 'tool-start', id, name, args });
    const outcome = await invokeTool(tool, args, ctx);
    onEvent({ type: 'tool-end', id, name, outcome });
    return outcome;
  };
  const missing = (what: string) => say(`${what} is not available here, so I cannot do that.`);
  const files = ctx.project?.files() ?? [];

  const last = ctx.lastResult();
  const plan = planOffline(message, {
    files: files.map((f) => f.path),
    lastCode: memory.lastCode,
    lastFailed: last !== null && !last.success,
    debugPaused: ctx.debugger?.active === true,
  });
  if (plan.kind === 'ask') {
    onEvent({ type: 'choices', question: plan.question, options: plan.options });
    say(plan.question);
    return reply;
  }
  if (plan.kind === 'missing') {
    say(
      replyForMissing(
        plan.missing,
        files.map((f) => f.path),
      ),
    );
    return reply;
  }

  const turn: OfflineTurn = { tools, ctx, files, memory, cards, call, say, missing };
  const done: string[] = [];
  for (const step of plan.steps) {
    signal?.throwIfAborted();
    const line = await intentFor(step.kind).run(step, turn);
    if (line) done.push(line);
  }
  if (plan.steps.length > 1 && done.length > 1) say(`**Summary**\n${done.map((line, i) => `${i + 1}. ${line}`).join('\n')}`);
  return reply;
}
