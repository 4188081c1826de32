import { appStore, useAppStore } from '../../store/useAppStore.ts';

/** Shows or folds away the file tree and the assistant (wide layout). */
export function PaneToggles() {
  const filesOpen = useAppStore((s) => s.filesOpen);
  const chatOpen = useAppStore((s) => s.chatOpen);
  return (
    <div className="pane-toggles">
      <button
        type="button"
        className="btn btn-icon"
        data-testid="toggle-files"
        aria-pressed={filesOpen}
        title={filesOpen ? 'Hide the files' : 'Show the files'}
        aria-label="Files"
        onClick={() => appStore.getState().setPaneOpen('files', !filesOpen)}
      >
        <span aria-hidden="true">▤</span>
      </button>
      <button
        type="button"
        className="btn btn-icon"
        data-testid="toggle-chat"
        aria-pressed={chatOpen}
        title={chatOpen ? 'Hide the assistant' : 'Show the assistant'}
        aria-label="Assistant"
        onClick={() => appStore.getState().setPaneOpen('chat', !chatOpen)}
      >
        <span aria-hidden="true">✦</span>
      </button>
    </div>
  );
}
