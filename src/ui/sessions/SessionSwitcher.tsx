import { useState } from 'react';
import { MAX_SESSION_FILE_BYTES } from '../../session/sessionLimits.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { exportSessionFile } from './exportSessionFile.ts';
import './sessions.css';

async function importFile(file: File): Promise<void> {
  const s = appStore.getState();
  if (file.size > MAX_SESSION_FILE_BYTES) {
    s.setSessionError(
      `The file “${file.name}” was not imported: it is larger than ${MAX_SESSION_FILE_BYTES / 1024 / 1024} MB, too large for a session file. Your current session was not changed.`,
    );
    return;
  }
  await s.importSessionText(await file.text(), file.name);
}

/** The open session's name (editable) and the switcher: open, new, duplicate, delete, export and import sessions. */
export function SessionSwitcher() {
  const sessions = useAppStore((s) => s.sessions);
  const current = useAppStore((s) => s.currentSessionId);
  const loaded = useAppStore((s) => s.sessionsLoaded);
  const busy = useAppStore((s) => s.running || s.chatBusy);
  const [draft, setDraft] = useState<string | null>(null);
  const name = sessions.find((m) => m.id === current)?.name ?? '';
  const s = appStore.getState();
  const blocked = !loaded || busy;
  const commit = () => {
    if (draft === null || !current) return;
    if (draft.trim() === name) setDraft(null);
    else void s.renameSession(current, draft).then((ok) => ok && setDraft(null));
  };

  return (
    <div className="sessions" role="group" aria-label="Sessions">
      <select
        className="session-switcher"
        data-testid="session-switcher"
        aria-label="Open a session"
        title={busy ? 'Stop the run (or the assistant) to switch sessions' : 'Open another session'}
        value={current ?? ''}
        disabled={blocked}
        onChange={(e) => void s.openSession(e.target.value)}
      >
        {sessions.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <input
        className="session-name"
        data-testid="session-name"
        aria-label="Session name"
        title="Rename the session (Enter)"
        spellCheck={false}
        disabled={!loaded}
        value={draft ?? name}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      <button
        type="button"
        className="btn btn-small"
        data-testid="session-new"
        title="A new, empty session"
        disabled={blocked}
        onClick={() => void s.createSession()}
      >
        New
      </button>
      <details className="session-menu">
        <summary className="btn btn-small" data-testid="session-menu" title="More session actions">
          ⋯
        </summary>
        <div className="session-menu-items">
          <button
            type="button"
            className="btn btn-small"
            data-testid="session-duplicate"
            title="A copy of this session (files, settings, chat; not the run history)"
            disabled={blocked || !current}
            onClick={() => current && void s.duplicateSession(current)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="session-export"
            title="Download this session as a file (the same content as a share link)"
            disabled={!loaded}
            onClick={() => exportSessionFile(appStore.getState())}
          >
            Export file
          </button>
          <label className="btn btn-small" title="Open a session file as a new session">
            Import file
            <input
              type="file"
              hidden
              accept=".json,application/json"
              data-testid="session-import"
              disabled={blocked}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void importFile(file);
                e.target.value = '';
              }}
            />
          </label>
          <button
            type="button"
            className="btn btn-small"
            data-testid="session-delete"
            title="Delete this session and its run history"
            disabled={blocked || !current}
            onClick={() => {
              if (
                current &&
                window.confirm(
                  `Delete the session “${name}”, its files and its run history? This cannot be undone (export it first to keep a copy).`,
                )
              )
                void s.deleteSession(current);
            }}
          >
            Delete
          </button>
        </div>
      </details>
    </div>
  );
}
