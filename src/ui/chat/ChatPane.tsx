import { useStickToBottom } from '../useStickToBottom.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { AgentModeBadge } from './AgentModeBadge.tsx';
import { ChatMessageView } from './ChatMessageView.tsx';
import './chat.css';

const unclosedFence = (text: string) => (text.match(/^[ \t]*```/gm) ?? []).length % 2 === 1;

/** The chat with the agent: messages, tool cards, and the composer. */
export function ChatPane() {
  const messages = useAppStore((s) => s.chatMessages);
  const draft = useAppStore((s) => s.chatDraft);
  const busy = useAppStore((s) => s.chatBusy);
  const mode = useAppStore((s) => s.agentMode);
  const token = useAppStore((s) => s.chatAccessToken);
  const canRestore = useAppStore((s) => s.codeBeforeInsert !== null);
  const ready = useAppStore((s) => s.engine !== null && s.agentMode !== null);
  const { ref: logRef, onScroll: onLogScroll } = useStickToBottom<HTMLDivElement>(messages);

  const send = () => void appStore.getState().sendChatMessage();
  return (
    <section className="pane pane-chat" aria-label="Assistant">
      <div className="chat-head">
        <span className="chat-title">Assistant</span>
        <AgentModeBadge />
        <button
          type="button"
          className="btn btn-small"
          data-testid="chat-clear"
          disabled={busy || messages.length === 0}
          onClick={() => appStore.getState().clearChat()}
        >
          Clear chat
        </button>
      </div>
      {mode?.kind === 'llm' && mode.accessTokenRequired ? (
        <label className="chat-token">
          Access token
          <input
            type="password"
            data-testid="chat-token"
            value={token}
            autoComplete="off"
            onChange={(e) => appStore.getState().setChatAccessToken(e.target.value)}
            placeholder="EXECUTOR_ACCESS_TOKEN"
          />
        </label>
      ) : null}
      <div
        className="chat-log"
        data-testid="chat-log"
        ref={logRef}
        role="log"
        aria-live="polite"
        aria-label="Conversation"
        tabIndex={0}
        onScroll={onLogScroll}
      >
        {messages.length === 0 ? (
          <p className="chat-empty">
            Ask me to run code (“Execute this code:” and a ```python block), run tests, check packages, explain an error, or “show me a demo
            of fibonacci”.
          </p>
        ) : null}
        {messages.map((m) => (
          <ChatMessageView key={m.id} message={m} />
        ))}
      </div>
      {canRestore ? (
        <p className="chat-restore">
          Code inserted in the editor.{' '}
          <button
            type="button"
            className="linkish"
            data-testid="chat-restore-code"
            onClick={() => appStore.getState().restoreCodeBeforeInsert()}
          >
            Restore the previous code
          </button>
        </p>
      ) : null}
      <form
        className="chat-compose"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <textarea
          data-testid="chat-input"
          aria-label="Message to the assistant"
          placeholder="Message (Enter sends, Shift+Enter for a new line)"
          value={draft}
          rows={3}
          onChange={(e) => appStore.getState().setChatDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && !unclosedFence(draft)) {
              e.preventDefault();
              send();
            }
          }}
        />
        {busy ? (
          <button type="button" className="btn btn-stop" data-testid="chat-stop" onClick={() => appStore.getState().stopAgent()}>
            Stop
          </button>
        ) : (
          <button type="submit" className="btn btn-run" data-testid="chat-send" disabled={!ready || draft.trim() === ''}>
            Send
          </button>
        )}
      </form>
    </section>
  );
}
