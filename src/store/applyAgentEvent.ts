import type { AgentEvent } from '../agent/types.ts';
import type { ChatMessage, ChatPart } from './chatTypes.ts';

/** A message with one more agent event: text extends the last text part, a tool call adds or completes a card. */
export function applyAgentEvent(message: ChatMessage, event: AgentEvent): ChatMessage {
  const parts: ChatPart[] = [...message.parts];
  const last = parts[parts.length - 1];
  switch (event.type) {
    case 'text':
      if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + event.delta };
      else parts.push({ kind: 'text', text: event.delta });
      break;
    case 'choices':
      parts.push({ kind: 'choices', options: event.options });
      break;
    case 'tool-start':
      parts.push({ kind: 'tool', call: { id: event.id, name: event.name, args: event.args, state: 'running', outcome: null } });
      break;
    case 'tool-end': {
      // The latest card with this id: a model's call ids are only unique within one of its replies.
      const at = parts.findLastIndex((p) => p.kind === 'tool' && p.call.id === event.id);
      const call = {
        id: event.id,
        name: event.name,
        args: at >= 0 ? (parts[at] as Extract<ChatPart, { kind: 'tool' }>).call.args : {},
        state: event.outcome.ok ? 'ok' : 'error',
        outcome: event.outcome,
      } as const;
      if (at >= 0) parts[at] = { kind: 'tool', call };
      else parts.push({ kind: 'tool', call });
      break;
    }
  }
  return { ...message, parts };
}
