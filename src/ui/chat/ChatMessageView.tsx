import type { ChatMessage } from '../../store/types.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { MarkdownText } from './MarkdownText.tsx';
import { ToolCallCard } from './ToolCallCard.tsx';

/** One message: the user's text as text, the assistant's as Markdown with its tool cards in order. */
export function ChatMessageView({ message }: { message: ChatMessage }) {
  const busy = useAppStore((s) => s.chatBusy);
  return (
    <article className={`chat-message chat-${message.role}`} data-testid="chat-message" data-role={message.role} data-state={message.state}>
      {message.parts.map((part, i) =>
        part.kind === 'choices' ? (
          <div key={i} className="chat-choices" role="group" aria-label="Answers">
            {part.options.map((o) => (
              <button
                key={o.label}
                type="button"
                className="btn btn-small"
                data-testid="chat-choice"
                disabled={busy}
                onClick={() => void appStore.getState().sendChatMessage(o.message)}
              >
                {o.label}
              </button>
            ))}
          </div>
        ) : part.kind === 'tool' ? (
          <ToolCallCard key={part.call.id || i} call={part.call} />
        ) : message.role === 'user' ? (
          <p key={i} className="chat-user-text">
            {part.text}
          </p>
        ) : (
          <MarkdownText key={i} text={part.text} />
        ),
      )}
      {message.state === 'streaming' && message.parts.length === 0 ? <p className="chat-thinking">Thinking…</p> : null}
      {message.state === 'stopped' ? <p className="chat-note">Stopped.</p> : null}
      {message.state === 'error' ? (
        <p className="chat-error" role="alert">
          {message.error}
        </p>
      ) : null}
      {message.state === 'error' && message.retryOffline ? (
        <button
          type="button"
          className="btn btn-small"
          data-testid="chat-answer-offline"
          disabled={busy}
          onClick={() => void appStore.getState().answerOffline(message.retryOffline ?? '')}
        >
          Answer with the offline assistant
        </button>
      ) : null}
    </article>
  );
}
